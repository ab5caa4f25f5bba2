// @ts-check
// A stand-in for a shop's lead endpoints (follow, reward, group pool, remind-me, flash-coupon claim),
// for the widgets' browser tests. Each test uses its own shop id, so state and faults never leak.
// Faults per endpoint: refuse (401/403), error (500), hang (never answers), garbage (cut-off JSON),
// wrong-shape (valid JSON, wrong fields), slow (answers after delayMs). Every request is logged in order.
import { createServer } from 'node:http';

/**
 * @typedef {'follow' | 'reward' | 'pool' | 'remind' | 'claim'} Endpoint
 * @typedef {'refuse' | 'error' | 'hang' | 'garbage' | 'wrong-shape' | 'slow'} FaultMode
 * @typedef {{ mode: FaultMode, status?: number, delayMs?: number, remaining: number | null }} Fault
 * @typedef {{ href?: string, image?: string, ttlMs?: number }} GroupSpec
 * @typedef {{
 *   seq: number, at: string, endpoint: string, method: string, viewer: string | null,
 *   idempotencyKey: string | null, origin: string | null, body: unknown, status: number, outcome: string,
 * }} LogEntry
 * @typedef {{
 *   id: string,
 *   faults: Map<string, Fault>,
 *   followed: Set<string>,
 *   reward: { code: string, title: string, expiresAt: string | null, applyUrl?: string },
 *   pool: { groups: GroupSpec[], index: number, expiresAt: number | null },
 *   coupons: Map<string, { stock: number, status: 'open' | 'expired', claims: Map<string, object> }>,
 *   reminders: object[],
 *   log: LogEntry[],
 * }} Shop
 */

export const ENDPOINTS = /** @type {const} */ (['follow', 'reward', 'pool', 'remind', 'claim']);
const FAULT_MODES = ['refuse', 'error', 'hang', 'garbage', 'wrong-shape', 'slow'];
const SHOP_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_BODY = 16 * 1024;
const MAX_LOG = 500;
/** A 1×1 PNG, served as a stand-in for an uploaded group QR image. */
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII=',
  'base64',
);

/** @param {string} id @returns {Shop} */
function createShop(id) {
  return {
    id,
    faults: new Map(),
    followed: new Set(),
    reward: {
      code: 'LIVE20',
      title: '¥20 off your next order',
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      applyUrl: 'https://shop.example/cart?code=LIVE20',
    },
    pool: { groups: [{ href: 'https://chat.whatsapp.com/GroupA', ttlMs: 60_000 }], index: 0, expiresAt: null },
    coupons: new Map(),
    reminders: [],
    log: [],
  };
}

/** Origins a browser test runs on: loopback only. @param {string | undefined} origin */
function allowedOrigin(origin) {
  if (!origin) return null;
  try {
    const { hostname, protocol } = new URL(origin);
    const loopback = hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
    return loopback && (protocol === 'http:' || protocol === 'https:') ? origin : null;
  } catch {
    return null;
  }
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<unknown>}
 */
async function readBody(req) {
  let size = 0;
  const chunks = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return { unparsed: text.slice(0, 200) };
  }
}

/**
 * Check and store a control command for a shop. Throws Error with a message for a bad command.
 * @param {Shop} shop
 * @param {any} command
 */
export function applyControl(shop, command) {
  if (!command || typeof command !== 'object') throw new Error('a control command is a JSON object');
  if (command.fault !== undefined) {
    const f = command.fault;
    if (!f || !ENDPOINTS.includes(f.endpoint)) throw new Error(`fault.endpoint must be one of ${ENDPOINTS.join(', ')}`);
    if (f.mode === null) shop.faults.delete(f.endpoint);
    else {
      if (!FAULT_MODES.includes(f.mode)) throw new Error(`fault.mode must be one of ${FAULT_MODES.join(', ')} or null`);
      const times = f.times === undefined ? null : Number(f.times);
      if (times !== null && !(Number.isInteger(times) && times > 0))
        throw new Error('fault.times must be a whole number ≥ 1');
      shop.faults.set(f.endpoint, {
        mode: f.mode,
        ...(f.status !== undefined && { status: Number(f.status) }),
        ...(f.delayMs !== undefined && { delayMs: Number(f.delayMs) }),
        remaining: times,
      });
    }
  }
  if (command.clearFaults) shop.faults.clear();
  if (command.reward !== undefined) shop.reward = command.reward;
  if (command.pool !== undefined) {
    if (!Array.isArray(command.pool) || !command.pool.length) throw new Error('pool is a non-empty list of groups');
    shop.pool = { groups: command.pool, index: 0, expiresAt: null };
  }
  if (command.coupon !== undefined) {
    const c = command.coupon;
    if (!c || typeof c.id !== 'string' || !Number.isInteger(c.stock))
      throw new Error('coupon is { id, stock, status? }');
    shop.coupons.set(c.id, { stock: c.stock, status: c.status === 'expired' ? 'expired' : 'open', claims: new Map() });
  }
  if (command.followed !== undefined) {
    for (const viewer of command.followed) shop.followed.add(String(viewer));
  }
}

/**
 * The shop's current group, rotating to the next when the current one expired.
 * @param {Shop} shop
 * @param {number} now
 */
function currentGroup(shop, now) {
  const pool = shop.pool;
  if (pool.expiresAt !== null && now >= pool.expiresAt && pool.index < pool.groups.length - 1) {
    pool.index++;
    pool.expiresAt = null;
  }
  const spec = pool.groups[pool.index] ?? {};
  if (pool.expiresAt === null || now >= pool.expiresAt) pool.expiresAt = now + (spec.ttlMs ?? 60_000);
  return {
    ...(spec.href !== undefined && { href: spec.href }),
    ...(spec.image !== undefined && { image: spec.image }),
    expiresAt: new Date(pool.expiresAt).toISOString(),
  };
}

/**
 * The normal answer of an endpoint.
 * @param {Shop} shop
 * @param {Endpoint} endpoint
 * @param {string | null} viewer
 * @param {any} body
 * @returns {{ status: number, body: unknown, outcome: string }}
 */
function answer(shop, endpoint, viewer, body) {
  const who = viewer ?? (typeof body?.viewer === 'string' ? body.viewer : null);
  switch (endpoint) {
    case 'follow': {
      if (!who) return { status: 400, body: { error: 'no viewer' }, outcome: 'no-viewer' };
      shop.followed.add(who);
      return { status: 200, body: { followed: true }, outcome: 'followed' };
    }
    case 'reward': {
      if (!who || !shop.followed.has(who))
        return { status: 403, body: { error: 'follow first' }, outcome: 'not-followed' };
      return { status: 200, body: shop.reward, outcome: 'reward' };
    }
    case 'pool':
      return { status: 200, body: currentGroup(shop, Date.now()), outcome: `group-${shop.pool.index}` };
    case 'remind': {
      const ok =
        body &&
        typeof body.contact === 'string' &&
        (body.kind === 'email' || body.kind === 'phone') &&
        body.consent === true &&
        (body.startsAt === undefined || typeof body.startsAt === 'string');
      if (!ok) return { status: 400, body: { error: 'bad sign-up' }, outcome: 'bad-request' };
      shop.reminders.push(body);
      return { status: 201, body: { ok: true }, outcome: 'subscribed' };
    }
    case 'claim': {
      const coupon = shop.coupons.get(String(body?.coupon));
      if (!who || !coupon) return { status: 404, body: { error: 'no such coupon' }, outcome: 'no-coupon' };
      const previous = coupon.claims.get(who);
      if (previous) return { status: 200, body: previous, outcome: 'repeat' };
      if (coupon.status === 'expired') return { status: 200, body: { status: 'expired' }, outcome: 'expired' };
      if (coupon.stock <= 0) return { status: 200, body: { status: 'soldout', remaining: 0 }, outcome: 'soldout' };
      coupon.stock--;
      const result = { status: 'claimed', code: `FLASH-${coupon.claims.size + 1}`, remaining: coupon.stock };
      coupon.claims.set(who, result);
      return { status: 200, body: result, outcome: 'claimed' };
    }
  }
}

/**
 * @param {{ host?: string }} [options]
 */
export function createShopApi({ host = '127.0.0.1' } = {}) {
  /** @type {Map<string, Shop>} */
  const shops = new Map();
  let seq = 0;
  /** @param {string} id */
  const shopFor = (id) => {
    if (!SHOP_ID.test(id)) throw new Error(`shop id "${id.slice(0, 40)}" must match ${SHOP_ID}`);
    let shop = shops.get(id);
    if (!shop) {
      shop = createShop(id);
      shops.set(id, shop);
    }
    return shop;
  };

  const server = createServer(async (req, res) => {
    const origin = allowedOrigin(req.headers.origin);
    if (origin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Vary', 'Origin');
    }
    /** @param {number} status @param {unknown} body */
    const json = (status, body) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    try {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
          'Access-Control-Allow-Headers': 'Content-Type, Accept, X-LiveHook-Viewer, Idempotency-Key',
          'Access-Control-Max-Age': '600',
        });
        res.end();
        return;
      }
      const url = new URL(req.url ?? '/', 'http://shop.test');
      const parts = url.pathname.split('/').filter(Boolean);
      if (parts[0] === 'static' && parts[1] === 'group.png') {
        res.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' });
        res.end(PIXEL_PNG);
        return;
      }
      if (parts[0] === 'control' && parts.length === 2) {
        const shop = shopFor(parts[1] ?? '');
        if (req.method === 'GET') {
          return json(200, {
            log: shop.log,
            followed: [...shop.followed],
            reminders: shop.reminders,
            pool: shop.pool,
            coupons: Object.fromEntries(
              [...shop.coupons].map(([id, c]) => [id, { stock: c.stock, claims: c.claims.size }]),
            ),
          });
        }
        if (req.method === 'POST') {
          applyControl(shop, await readBody(req));
          return json(200, { ok: true });
        }
        if (req.method === 'DELETE') {
          shops.delete(shop.id);
          return json(200, { ok: true });
        }
      }
      if (parts[0] === 'shops' && parts.length === 3 && ENDPOINTS.includes(/** @type {Endpoint} */ (parts[2]))) {
        const shop = shopFor(parts[1] ?? '');
        const endpoint = /** @type {Endpoint} */ (parts[2]);
        const expected = endpoint === 'pool' ? 'GET' : 'POST';
        const body = req.method === 'POST' ? await readBody(req) : undefined;
        const viewer = typeof req.headers['x-livehook-viewer'] === 'string' ? req.headers['x-livehook-viewer'] : null;
        /** @type {LogEntry} */
        const entry = {
          seq: ++seq,
          at: new Date().toISOString(),
          endpoint,
          method: req.method ?? '',
          viewer,
          idempotencyKey: typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null,
          origin: req.headers.origin ?? null,
          body,
          status: 0,
          outcome: '',
        };
        shop.log.push(entry);
        if (shop.log.length > MAX_LOG) shop.log.splice(0, shop.log.length - MAX_LOG);
        if (req.method !== expected) {
          entry.status = 405;
          entry.outcome = 'wrong-method';
          return json(405, { error: `use ${expected}` });
        }
        const fault = shop.faults.get(endpoint);
        if (fault) {
          if (fault.remaining !== null && --fault.remaining <= 0) shop.faults.delete(endpoint);
          entry.outcome = fault.mode;
          switch (fault.mode) {
            case 'refuse':
              entry.status = fault.status ?? 403;
              return json(entry.status, { error: 'refused' });
            case 'error':
              entry.status = fault.status ?? 500;
              return json(entry.status, { error: 'server error' });
            case 'hang':
              return; // never answers; stop() closes the socket
            case 'garbage':
              entry.status = 200;
              res.writeHead(200, { 'Content-Type': 'application/json' });
              res.end('{"code": "LIVE2');
              return;
            case 'wrong-shape':
              entry.status = 200;
              return json(200, { coupon: 42, message: '<img src=x onerror=alert(1)>' });
            case 'slow':
              await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 3000));
              break;
          }
        }
        const result = answer(shop, endpoint, viewer, body);
        entry.status = result.status;
        entry.outcome = entry.outcome ? `${entry.outcome}+${result.outcome}` : result.outcome;
        return json(result.status, result.body);
      }
      json(404, { error: 'not found' });
    } catch (error) {
      json(400, { error: error instanceof Error ? error.message : String(error) });
    }
  });

  return {
    shops,
    /** @param {number} [port] @returns {Promise<string>} the origin */
    listen(port = 0) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          if (!address || typeof address === 'string') return reject(new Error('no address'));
          resolve(`http://${host}:${address.port}`);
        });
      });
    },
    /** @returns {Promise<void>} */
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections(); // hanging requests included
        server.close(() => resolve());
      });
    },
  };
}
