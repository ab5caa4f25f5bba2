// @ts-check
// The host console's server side: POST /host/cues { action } queues a cue on the stream. In a real
// studio this button lives in the streaming tool (OBS, a packager, LiveKit's server API); here the demo
// server rewrites its own playlists, and sends the cue into the LiveKit room when there is one.
import { randomUUID } from 'node:crypto';
import { FUNNEL } from './funnel.mjs';

/** @typedef {import('./cues.mjs').DemoCue} DemoCue */

/** What the console can ask for. */
export const HOST_ACTIONS = ['coupon.open', 'coupon.close'];

/**
 * @param {object} options
 * @param {ReturnType<typeof import('./cues.mjs').createCueBoard>} options.board
 * @param {{ couponRemaining(id: string): Promise<number> }} options.store the reference server's store
 * @param {((cue: object) => Promise<void>) | null} options.sendToRoom LiveKit data, when LiveKit is on
 * @param {number} options.delaySeconds how far behind the live edge HLS viewers play
 * @param {(line: string) => void} options.log
 */
export function createHostConsole({ board, store, sendToRoom, delaySeconds, log }) {
  /**
   * @param {string} action
   * @returns {Promise<{ cue: DemoCue, delaySeconds: number }>}
   */
  async function fire(action) {
    /** @type {DemoCue} */
    let cue;
    let keepMs;
    if (action === 'coupon.open') {
      const remaining = await store.couponRemaining(FUNNEL.coupon);
      cue = {
        v: 1,
        id: cueId('coupon'),
        type: 'widget.show',
        target: FUNNEL.couponTarget,
        data: {
          coupon: FUNNEL.coupon,
          duration: FUNNEL.couponSeconds,
          remaining,
          total: FUNNEL.couponQuantity,
        },
      };
      // Carried for as long as the offer lasts: a viewer who joins later still gets it, with the time left.
      keepMs = FUNNEL.couponSeconds * 1000;
      board.remove((c) => c.target === FUNNEL.couponTarget);
    } else if (action === 'coupon.close') {
      cue = { v: 1, id: cueId('close'), type: 'widget.hide', target: FUNNEL.couponTarget };
      keepMs = 60_000; // long enough for every current viewer's playlist refreshes to see it
      board.remove((c) => c.target === FUNNEL.couponTarget);
    } else {
      throw new Error(`unknown action "${action}"`);
    }
    board.add(cue, { keepMs });
    if (sendToRoom) {
      sendToRoom(cue).catch((error) =>
        log(`host console: the cue did not reach the LiveKit room (${error instanceof Error ? error.message : error})`),
      );
    }
    return { cue, delaySeconds };
  }

  /**
   * POST /host/cues { action } → 201 { cue, delaySeconds }. Loopback and same-origin only: it is the
   * host's button, not the viewers'.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function handle(req, res) {
    /** @param {number} status @param {object} body */
    const send = (status, body) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST') return send(405, { error: 'POST { "action": "coupon.open" | "coupon.close" }' });
    if (!isLoopback(req.socket.remoteAddress ?? ''))
      return send(403, { error: 'the host console works on this machine only' });
    const origin = req.headers.origin;
    if (origin && !sameHost(origin, req.headers.host)) return send(403, { error: 'origin not allowed' });
    let body;
    try {
      body = JSON.parse(await readBody(req, 1024));
    } catch {
      return send(400, { error: 'send JSON: { "action": "coupon.open" }' });
    }
    const action = body?.action;
    if (typeof action !== 'string' || !HOST_ACTIONS.includes(action))
      return send(400, { error: `"action" must be one of ${HOST_ACTIONS.join(', ')}` });
    send(201, await fire(action));
  }

  return { fire, handle };
}

/** @param {string} kind */
function cueId(kind) {
  return `${kind}-${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
}

/** @param {string} origin @param {string | undefined} host */
function sameHost(origin, host) {
  try {
    return new URL(origin).host === host;
  } catch {
    return false; // "null" (a sandboxed frame, a file:// page)
  }
}

/** @param {string} address */
function isLoopback(address) {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {number} limit bytes
 * @returns {Promise<string>}
 */
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      text += chunk;
      if (text.length > limit) {
        reject(new Error('body too large'));
        req.destroy();
      }
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}
