// Small HTTP helpers: JSON bodies with a size cap, answers with a reason, CORS for configured origins only.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error whose message is safe to show the client. Anything else becomes a plain 500. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

export function sendText(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

/**
 * Reads a JSON object body of at most `limit` bytes. Accepts `application/json` and `text/plain`
 * (what `sendBeacon` and CORS-simple `fetch` send). Throws HttpError 413 / 400 / 415.
 */
export async function readJsonObject(req: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type && type !== 'application/json' && type !== 'text/plain') {
    throw new HttpError(415, 'send JSON (Content-Type: application/json or text/plain)');
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume(); // drain, so the client gets the answer instead of a reset
    throw new HttpError(413, `body is larger than ${limit} bytes`, { Connection: 'close' });
  }
  const chunks = await readLimited(req, limit);
  if (!chunks) throw new HttpError(413, `body is larger than ${limit} bytes`, { Connection: 'close' });
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) throw new HttpError(400, 'body is empty; send a JSON object');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/**
 * Collects the body, or returns undefined once it passes `limit`. Keeps draining a little past the
 * limit so the client reads our 413 instead of a reset connection; a flood is cut off.
 */
function readLimited(req: IncomingMessage, limit: number): Promise<Buffer[] | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > limit * 4 + 1_000_000) {
        req.destroy();
        resolve(undefined);
      }
    });
    req.on('end', () => resolve(size <= limit ? chunks : undefined));
    req.on('error', reject);
  });
}

export type OriginRule = string | RegExp;

/** True when `origin` is on the list (exact string, '*' for any, or a RegExp). */
export function originAllowed(origin: string, rules: readonly OriginRule[]): boolean {
  return rules.some((rule) => (typeof rule === 'string' ? rule === '*' || rule === origin : rule.test(origin)));
}

/**
 * CORS for the configured origins, with credentials (the widgets send cookies). Returns false when
 * the request comes from a page on another origin, which must then be refused before anything is stored:
 * a `text/plain` POST is a "simple" request that browsers send cross-origin without asking first.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, rules: readonly OriginRule[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser page (curl, the shop's own backend)
  res.setHeader('Vary', 'Origin');
  if (isSameOrigin(origin, req)) return true; // the API mounted in the shop's own site (the demo): no CORS needed
  if (!originAllowed(origin, rules)) return false;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, X-LiveHook-Viewer, Idempotency-Key, Authorization');
  res.setHeader('Access-Control-Max-Age', '600');
  return true;
}

function isSameOrigin(origin: string, req: IncomingMessage): boolean {
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** The client's address; X-Forwarded-For only when the server is told it sits behind a proxy. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

export function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
