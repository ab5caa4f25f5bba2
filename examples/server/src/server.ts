// The reference server: routes, CORS, rate limits and error answers around the Store.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RateLimitName, type ReferenceServerOptions, resolveConfig } from './config.js';
import type { RequestContext, Route } from './context.js';
import { applyCors, clientAddress, HttpError, readJsonObject, sendJson } from './http.js';
import { RateLimiter } from './rate-limit.js';
import { collect } from './routes/collector.js';
import { claim, couponStatus } from './routes/coupons.js';
import { group } from './routes/groups.js';
import { calendar, remind } from './routes/reminders.js';
import { adminEvents, reportCsv, reportJson, reportPage } from './routes/report.js';
import { follow, reward } from './routes/rewards.js';
import { token } from './routes/token.js';
import { SqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

const health: Route = async (ctx) => sendJson(ctx.res, 200, { ok: true });

/** Method and path (below `/api`) → handler and the rate limit it counts against. */
const ROUTES: Record<string, [Route, RateLimitName?]> = {
  'GET /health': [health],
  'POST /token': [token, 'token'],
  'POST /follow': [follow, 'follow'],
  'GET /reward': [reward, 'reward'],
  'POST /reward': [reward, 'reward'],
  'GET /group': [group, 'group'],
  'POST /claim': [claim, 'claim'],
  'GET /coupon': [couponStatus, 'group'],
  'POST /remind': [remind, 'remind'],
  'GET /calendar.ics': [calendar],
  'POST /events': [collect, 'events'],
  'GET /admin/events': [adminEvents],
  'GET /admin/report': [reportPage],
  'GET /admin/report.csv': [reportCsv],
  'GET /admin/report.json': [reportJson],
};

const SMALL_BODY = 16 * 1024; // every endpoint but the collector takes a few fields

export interface ReferenceHandler {
  /** Answers requests below `/api/`; returns false for any other path (so a host server can serve its pages). */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  readonly store: Store;
  close(): Promise<void>;
}

/** The API as a request handler, to mount inside an existing Node server (the demo does). */
export async function createReferenceHandler(options: ReferenceServerOptions = {}): Promise<ReferenceHandler> {
  const config = resolveConfig(options);
  const log = options.log ?? ((line: string) => console.error(line));
  const store = options.store ?? new SqliteStore(options.dbPath ?? 'livehook.db');
  for (const [id, coupon] of Object.entries(config.coupons)) await store.ensureCoupon(id, coupon.quantity);
  const limiter = new RateLimiter();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/api' && !url.pathname.startsWith('/api/')) return false;
    const address = clientAddress(req, options.trustProxy ?? false);
    try {
      const allowed = applyCors(req, res, config.origins);
      if (req.method === 'OPTIONS') {
        res.writeHead(allowed ? 204 : 403).end();
        return true;
      }
      // A page on another origin can't read our answers, but it could still make a browser POST: refuse first.
      if (!allowed && req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(403, 'origin not allowed');
      const path = url.pathname.slice('/api'.length);
      const entry = ROUTES[`${req.method === 'HEAD' ? 'GET' : req.method} ${path}`];
      if (!entry) {
        const known = Object.keys(ROUTES).some((k) => k.endsWith(` ${path}`));
        throw known
          ? new HttpError(405, `${req.method} is not supported here`)
          : new HttpError(404, `no endpoint ${path}`);
      }
      const [route, limitName] = entry;
      if (limitName) {
        const retryAfter = limiter.hit(`${limitName}|${address}`, config.rateLimits[limitName]);
        if (retryAfter > 0)
          throw new HttpError(429, 'too many requests; slow down', { 'Retry-After': String(retryAfter) });
      }
      const ctx: RequestContext = {
        req,
        res,
        url,
        address,
        store,
        config,
        options,
        body: (limit = SMALL_BODY) => readJsonObject(req, limit),
      };
      await route(ctx);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
      } else if (error instanceof HttpError) {
        sendJson(res, error.status, { error: error.message }, error.headers);
      } else {
        // The client learns nothing about our internals; the log gets the details.
        log(`livehook-server: ${req.method} ${url.pathname} failed: ${(error as Error)?.stack ?? error}`);
        sendJson(res, 500, { error: 'internal error' });
      }
    }
    return true;
  }

  return { handle, store, close: () => store.close() };
}

export interface ReferenceServer {
  /** http://host:port */
  url: string;
  port: number;
  store: Store;
  stop(): Promise<void>;
}

/** Starts the API on its own port. Everything else answers 404. */
export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  const handler = await createReferenceHandler(options);
  const server: Server = createServer(async (req, res) => {
    if (!(await handler.handle(req, res))) sendJson(res, 404, { error: 'not found; the API is under /api/' });
  });
  server.requestTimeout = 30_000; // a slow-loris client must not hold a socket forever
  server.headersTimeout = 10_000;
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 8787, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await handler.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}`,
    port,
    store: handler.store,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await handler.close();
    },
  };
}
