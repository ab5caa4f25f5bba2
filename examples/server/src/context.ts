// What every route handler gets: the request, its parsed URL, the store, the configuration and helpers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ReferenceServerOptions, ResolvedConfig } from './config.js';
import { HttpError } from './http.js';
import type { Store } from './store.js';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  address: string;
  store: Store;
  config: ResolvedConfig;
  options: ReferenceServerOptions;
  /** The JSON body (16 KB at most unless the route says otherwise). */
  body(limit?: number): Promise<Record<string, unknown>>;
}

export type Route = (ctx: RequestContext) => Promise<void>;

const VIEWER = /^[A-Za-z0-9_-]{8,64}$/;

/** The anonymous viewer id from `X-LiveHook-Viewer`, else `viewer` in the body or query. */
export function viewerOf(ctx: RequestContext, body?: Record<string, unknown>): string {
  const header = ctx.req.headers['x-livehook-viewer'];
  const value =
    (Array.isArray(header) ? header[0] : header) ?? body?.viewer ?? ctx.url.searchParams.get('viewer') ?? undefined;
  if (value === undefined || value === null || value === '') {
    throw new HttpError(400, 'missing viewer id: send the X-LiveHook-Viewer header or "viewer" in the body');
  }
  if (typeof value !== 'string' || !VIEWER.test(value))
    throw new HttpError(400, 'viewer id must be 8–64 letters, digits, "-" or "_"');
  return value;
}

/** A required short string field from the body or query. */
export function field(ctx: RequestContext, body: Record<string, unknown> | undefined, name: string, max = 128): string {
  const value = body?.[name] ?? ctx.url.searchParams.get(name) ?? undefined;
  if (value === undefined || value === '') throw new HttpError(400, `missing "${name}"`);
  if (typeof value !== 'string' || value.length > max)
    throw new HttpError(400, `"${name}" must be a string of at most ${max} characters`);
  return value;
}
