// Asks the shop's token endpoint for a LiveKit access token, with a deadline, and checks what comes back.
import { ViewerError } from '../../viewer/errors.js';

/** What the SDK sends to the shop's token endpoint (POST, JSON). */
export interface TokenRequest {
  readonly tokenUrl: string;
  readonly room: string;
  /** 'viewer': subscribe-only; 'data-only': cues and presence, no media (hybrid mode). */
  readonly kind: 'viewer' | 'data-only';
  readonly signal?: AbortSignal;
}

/** What the endpoint answers: `{ token, url? }`; `url` (the LiveKit server) overrides the source's. */
export interface TokenResponse {
  readonly token: string;
  readonly url?: string;
}

export interface FetchTokenOptions {
  /** The endpoint must answer within this, ms. */
  timeout: number;
  fetch?: typeof globalThis.fetch;
}

const MAX_RESPONSE_CHARS = 64 * 1024;

/** POSTs `{ room, kind }` and returns a checked `{ token, url? }`, or throws ViewerError('token') saying what went wrong. */
export async function fetchToken(request: TokenRequest, options: FetchTokenOptions): Promise<TokenResponse> {
  const { tokenUrl, room, kind, signal } = request;
  const deadline = AbortSignal.timeout(options.timeout);
  const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const where = `token endpoint ${originOf(tokenUrl)}`;
  let text: string;
  let status: number;
  try {
    const response = await doFetch(tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ room, kind }),
      credentials: 'same-origin', // the shop's own session cookie, when the endpoint is on the shop's origin
      cache: 'no-store',
      signal: combined,
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    if (deadline.aborted) throw new ViewerError('token', `${where} did not answer within ${options.timeout} ms`);
    if (signal?.aborted) throw new ViewerError('token', 'token request cancelled', { cause: error });
    throw new ViewerError('token', `${where} cannot be reached (${(error as Error)?.message ?? error})`, {
      cause: error,
    });
  }
  if (status < 200 || status > 299) {
    const reason = errorText(text);
    const refused = status === 401 || status === 403;
    throw new ViewerError(
      'token',
      `${where} ${refused ? 'refused' : 'failed'} (HTTP ${status}${reason ? `: ${reason}` : ''})`,
    );
  }
  return checkTokenResponse(text, where);
}

/** Validates the endpoint's answer. Exported for unit tests of the edge cases. */
export function checkTokenResponse(text: string, where = 'token endpoint'): TokenResponse {
  if (text.length > MAX_RESPONSE_CHARS) throw new ViewerError('token', `${where} answered with an oversized body`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ViewerError('token', `${where} answered with something that is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ViewerError('token', `${where} must answer with a JSON object { token, url? }`);
  }
  const { token, url } = value as Record<string, unknown>;
  if (typeof token !== 'string' || !isJwt(token)) {
    throw new ViewerError('token', `${where} answered without a valid "token" (expected a LiveKit access token)`);
  }
  if (url === undefined || url === null || url === '') return { token };
  if (typeof url !== 'string' || !isServerUrl(url)) {
    throw new ViewerError('token', `${where} answered with a "url" that is not a ws(s)/http(s) URL`);
  }
  return { token, url };
}

/** The grants a token carries, read without verifying it (the server verifies); undefined if unreadable. */
export function readTokenGrants(token: string): { canPublish?: boolean; canPublishData?: boolean } | undefined {
  try {
    const payload = token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const json = JSON.parse(atob(payload.padEnd(payload.length + ((4 - (payload.length % 4)) % 4), '=')));
    return typeof json?.video === 'object' && json.video ? json.video : undefined;
  } catch {
    return undefined;
  }
}

function isJwt(token: string): boolean {
  return token.length < 16_384 && /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);
}

function isServerUrl(url: string): boolean {
  try {
    return ['ws:', 'wss:', 'http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

function originOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
}

/** A short reason from an error body: `{ error }` / `{ message }` JSON, or the first line of text. */
function errorText(text: string): string {
  let reason = text;
  try {
    const json = JSON.parse(text);
    if (typeof json?.error === 'string') reason = json.error;
    else if (typeof json?.message === 'string') reason = json.message;
  } catch {
    /* plain text */
  }
  reason = reason.split('\n')[0]!.trim();
  return reason.length > 120 ? `${reason.slice(0, 120)}…` : reason;
}
