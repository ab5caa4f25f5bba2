// @ts-check
// Finds a LiveKit server for the demo page to try before HLS: from LIVEKIT_* environment variables,
// or (with --livekit) the test bed's local livekit-server. Any failure means "HLS only", never a crash.
import { createHmac, randomUUID } from 'node:crypto';

/**
 * @typedef {object} DemoLiveKit
 * @property {import('./page.mjs').LiveKitAttributes} attributes what <live-player> gets
 * @property {string[]} connect origins the page's CSP must let it reach
 * @property {((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void) | null} tokenRoute
 *   the demo server's own token endpoint (env credentials), or null when the test bed brings one
 * @property {() => Promise<void>} stop
 */

/** Where the demo server answers token requests when the credentials come from the environment. */
export const TOKEN_PATH = '/livekit/token';

/**
 * @param {{ env?: NodeJS.ProcessEnv, testbed?: boolean, log?: (line: string) => void }} options
 * @returns {Promise<DemoLiveKit | null>}
 */
export async function resolveLiveKit({ env = process.env, testbed = false, log = console.log }) {
  if (env.LIVEKIT_URL) {
    const { LIVEKIT_URL: url, LIVEKIT_API_KEY: apiKey, LIVEKIT_API_SECRET: apiSecret } = env;
    if (!apiKey || !apiSecret) {
      log('LiveKit: LIVEKIT_URL is set but LIVEKIT_API_KEY / LIVEKIT_API_SECRET are not; playing HLS only.');
      return null;
    }
    const room = env.LIVEKIT_ROOM || 'demo';
    return {
      attributes: { url, tokenUrl: TOKEN_PATH, room },
      // livekit-client also calls the server over HTTP(S) (region settings), not only WebSocket.
      connect: [httpOrigin(url)].filter((o) => o !== null),
      tokenRoute: createTokenRoute({ url, apiKey, apiSecret, room }),
      stop: async () => {},
    };
  }
  if (!testbed) return null;

  log("Starting the test bed's LiveKit server and publisher…");
  try {
    const mod = await import('../../testbed/livekit/index.mjs');
    if (typeof mod.startLiveKitPart !== 'function')
      throw new Error('testbed/livekit/index.mjs has no startLiveKitPart');
    const part = await mod.startLiveKitPart();
    const info = /** @type {{ wsUrl?: string, tokenUrl?: string, room?: string }} */ (part.info);
    if (!info.wsUrl || !info.tokenUrl || !info.room) {
      await part.stop();
      throw new Error('its info lacks wsUrl, tokenUrl or room');
    }
    return {
      attributes: { url: info.wsUrl, tokenUrl: info.tokenUrl, room: info.room },
      connect: [],
      tokenRoute: null,
      stop: part.stop,
    };
  } catch (error) {
    log(`LiveKit: the test bed's LiveKit part did not start (${firstLine(error)}); playing HLS only.`);
    return null;
  }
}

/**
 * Same contract as the test bed's endpoint: POST { room, identity? } → { token, url }.
 * It mints subscribe-only tokens for the one configured room.
 * @param {{ url: string, apiKey: string, apiSecret: string, room: string }} options
 */
function createTokenRoute({ url, apiKey, apiSecret, room }) {
  /** @type {NonNullable<DemoLiveKit['tokenRoute']>} */
  return (req, res) => {
    /** @param {number} status @param {object} body */
    const send = (status, body) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST') return send(405, { error: 'POST { room, identity? }' });
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      text += chunk;
      if (text.length > 4096) req.destroy();
    });
    req.on('end', () => {
      /** @type {{ room?: unknown, identity?: unknown }} */
      let body;
      try {
        body = JSON.parse(text || '{}');
      } catch {
        return send(400, { error: 'body is not JSON' });
      }
      if (body.room !== undefined && body.room !== room)
        return send(400, { error: `unknown room; this demo serves "${room}"` });
      const identity =
        typeof body.identity === 'string' && body.identity.length <= 128
          ? body.identity
          : `viewer-${randomUUID().slice(0, 8)}`;
      send(200, { token: mintViewerToken({ apiKey, apiSecret, room, identity }), url });
    });
  };
}

/**
 * A LiveKit access token (an HS256 JWT) that may join `room` and subscribe, and publish nothing.
 * Written out because examples/ has no dependencies; the claims are LiveKit's documented ones.
 * @param {{ apiKey: string, apiSecret: string, room: string, identity: string }} options
 */
export function mintViewerToken({ apiKey, apiSecret, room, identity }) {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: apiKey,
    sub: identity,
    nbf: now - 10,
    exp: now + 3600,
    video: { room, roomJoin: true, canSubscribe: true, canPublish: false, canPublishData: false },
  };
  const encode = (/** @type {object} */ part) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', apiSecret).update(unsigned).digest('base64url')}`;
}

/** @param {string} wsUrl */
function httpOrigin(wsUrl) {
  try {
    const u = new URL(wsUrl);
    return `${u.protocol === 'wss:' ? 'https:' : 'http:'}//${u.host}`;
  } catch {
    return null;
  }
}

/** @param {unknown} error */
function firstLine(error) {
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}
