// @ts-check
// The token endpoint a player calls: POST /token { room, identity?, kind? } → { token, url }.
// Loopback only, CORS for loopback origins, fault switches for tests, and /control/* hooks
// that let browser tests drive the test bed (send a data packet, republish, restart the server…).
import { createServer } from 'node:http';
import { mintViewerToken, VIEWER_TOKEN_KINDS } from './tokens.mjs';

/** What /token can be made to do instead of answering: per request with `?fail=`, or sticky. */
export const TOKEN_FAILURES = /** @type {const} */ (['401', '500', 'garbage', 'wrong-shape', 'hang']);

/**
 * @typedef {(body: any) => unknown | Promise<unknown>} ControlHandler
 * @typedef {object} TokenServer
 * @property {string} url         http://127.0.0.1:<port>
 * @property {string} tokenUrl    `${url}/token`
 * @property {string} controlUrl  `${url}/control`
 * @property {() => number} tokenRequests  how many POST /token arrived
 * @property {() => Promise<void>} stop
 */

const LOOPBACK_ORIGIN = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/;

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
function cors(req, res) {
  const origin = req.headers.origin;
  if (origin && LOOPBACK_ORIGIN.test(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
    res.setHeader('Access-Control-Max-Age', '600');
  }
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
function sendJson(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<{ ok: true, value: any } | { ok: false, reason: string }>}
 */
async function readJson(req) {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 64 * 1024) return { ok: false, reason: 'body too large' };
  }
  if (!text.trim()) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reason: 'body is not valid JSON' };
  }
}

/**
 * @param {object} options
 * @param {string} options.wsUrl      returned to clients as `url`
 * @param {string} options.apiKey
 * @param {string} options.apiSecret
 * @param {string[]} options.rooms    rooms tokens may be minted for
 * @param {Record<string, ControlHandler>} [options.control]  POST /control/<name> → handler(body)
 * @param {number} [options.port]     default: a free one
 * @returns {Promise<TokenServer>}
 */
export async function startTokenServer({ wsUrl, apiKey, apiSecret, rooms, control = {}, port = 0 }) {
  let requests = 0;
  /** @type {{ fail: string | null, times: number }} sticky failure mode; times < 0 = until reset */
  let mode = { fail: null, times: 0 };

  /** @type {Record<string, (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, url: URL) => Promise<void>>} */
  const routes = {
    'POST /token': async (req, res, url) => {
      requests++;
      let fail = url.searchParams.get('fail');
      if (!fail && mode.fail && mode.times !== 0) {
        fail = mode.fail;
        if (mode.times > 0) mode.times--;
      }
      const delay = Number(url.searchParams.get('delay') || 0);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(delay, 120_000)));
      if (fail === 'hang') return; // never answers; stop() closes the socket
      if (fail === '401') return sendJson(res, 401, { error: 'unauthorized (injected by the test bed)' });
      if (fail === '500') return sendJson(res, 500, { error: 'internal error (injected by the test bed)' });
      if (fail === 'garbage') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return void res.end('{"token": "eyJhbGciOi');
      }
      if (fail === 'wrong-shape') return sendJson(res, 200, { tokn: 42 });
      if (fail)
        return sendJson(res, 400, { error: `unknown fail mode "${fail}"; known: ${TOKEN_FAILURES.join(', ')}` });

      const body = await readJson(req);
      if (!body.ok) return sendJson(res, 400, { error: body.reason });
      const { room, identity } = body.value ?? {};
      const kind = url.searchParams.get('kind') || body.value?.kind || 'viewer';
      if (typeof room !== 'string' || !room) return sendJson(res, 400, { error: 'missing "room"' });
      if (!rooms.includes(room))
        return sendJson(res, 400, { error: `unknown room "${room}"; known: ${rooms.join(', ')}` });
      if (identity !== undefined && (typeof identity !== 'string' || !identity || identity.length > 128)) {
        return sendJson(res, 400, { error: '"identity" must be a non-empty string of at most 128 characters' });
      }
      if (!VIEWER_TOKEN_KINDS.includes(kind)) {
        return sendJson(res, 400, { error: `unknown kind "${kind}"; known: ${VIEWER_TOKEN_KINDS.join(', ')}` });
      }
      const token = await mintViewerToken({ apiKey, apiSecret, room, identity, kind });
      sendJson(res, 200, { token, url: wsUrl });
    },
    'POST /control/token-mode': async (req, res) => {
      const body = await readJson(req);
      if (!body.ok) return sendJson(res, 400, { error: body.reason });
      const { fail = null, times = -1 } = body.value ?? {};
      if (fail !== null && !TOKEN_FAILURES.includes(fail)) {
        return sendJson(res, 400, { error: `unknown fail mode "${fail}"; known: ${TOKEN_FAILURES.join(', ')}` });
      }
      mode = { fail, times: fail === null ? 0 : Number(times) };
      sendJson(res, 200, mode);
    },
    'GET /control/stats': async (_req, res) => sendJson(res, 200, { tokenRequests: requests, mode }),
  };

  const server = createServer(async (req, res) => {
    cors(req, res);
    const url = new URL(req.url || '/', 'http://127.0.0.1');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    try {
      const route = routes[`${req.method} ${url.pathname}`];
      if (route) return await route(req, res, url);
      const name = url.pathname.startsWith('/control/') ? url.pathname.slice('/control/'.length) : '';
      if (req.method === 'POST' && name && Object.hasOwn(control, name)) {
        const body = await readJson(req);
        if (!body.ok) return sendJson(res, 400, { error: body.reason });
        return sendJson(res, 200, { ok: true, result: (await control[name](body.value ?? {})) ?? null });
      }
      sendJson(res, 404, { error: `no route ${req.method} ${url.pathname}` });
    } catch (error) {
      if (!res.headersSent) sendJson(res, 500, { error: String(/** @type {Error} */ (error)?.message ?? error) });
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;

  return {
    url,
    tokenUrl: `${url}/token`,
    controlUrl: `${url}/control`,
    tokenRequests: () => requests,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
