// Talking to the shop's endpoints: JSON with credentials, a timeout per try, a few retries for
// failures that may pass (network, timeout, 5xx), and every answer validated before use.
import { exponentialBackoff, type RetryPolicy } from '@livehook/core';

/** Why a request failed, in the words the retry state shows. */
export const EndpointErrorKind = {
  /** 4xx: the shop said no (not followed, not logged in, not allowed). Not retried. */
  Refused: 'refused',
  /** 5xx / 429: retried, then shown. */
  Server: 'server',
  /** No answer within the timeout. Retried. */
  Timeout: 'timeout',
  /** No connection, DNS, CORS. Retried. */
  Network: 'network',
  /** A 2xx whose body is not the documented shape (or not JSON). Not retried. */
  Invalid: 'invalid',
} as const;
export type EndpointErrorKind = (typeof EndpointErrorKind)[keyof typeof EndpointErrorKind];

export class EndpointError extends Error {
  override readonly name = 'EndpointError';
  constructor(
    readonly kind: EndpointErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export type Validation<T> = { ok: true; value: T } | { ok: false; reason: string };
export type Validator<T> = (value: unknown) => Validation<T>;

export interface RequestOptions<T> {
  url: string;
  method?: 'GET' | 'POST';
  /** Sent as JSON (POST only). */
  body?: Record<string, unknown>;
  /** The anonymous viewer id, sent as `X-LiveHook-Viewer`. */
  viewer?: string;
  headers?: Record<string, string>;
  /** Per try, ms. */
  timeoutMs?: number;
  /** Retries after the first try, for network errors, timeouts and 5xx. */
  retries?: number;
  /** Delay between tries (defaults: 0.4 s, 0.8 s, … ±20 %). */
  retryPolicy?: RetryPolicy;
  validate: Validator<T>;
  /** Aborting (the element left the page) rejects with an AbortError and stops retrying. */
  signal?: AbortSignal;
}

export const REQUEST_DEFAULTS = {
  timeoutMs: 8000, // a phone on a crowded venue network; past this, the retry state beats a spinner
  retries: 2, // three tries in all: enough for a blip, not a hammering of a struggling shop server
  maxBodyBytes: 64 * 1024, // every documented answer is tiny; a bigger one is a mistake
};

/** Requests JSON and returns the validated value, or throws an EndpointError (or AbortError). */
export async function requestJson<T>(options: RequestOptions<T>): Promise<T> {
  const retries = options.retries ?? REQUEST_DEFAULTS.retries;
  const policy = options.retryPolicy ?? exponentialBackoff({ initial: 400, max: 3000, maxAttempts: retries });
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptOnce(options);
    } catch (error) {
      if (isAbort(error) && options.signal?.aborted) throw error;
      const failure = error instanceof EndpointError ? error : new EndpointError('network', String(error));
      const retriable = failure.kind === 'network' || failure.kind === 'timeout' || failure.kind === 'server';
      const delay =
        retriable && attempt < retries ? policy.nextRetryDelay({ attempt, elapsed: Date.now() - started }) : null;
      if (delay === null) throw failure;
      await sleep(delay, options.signal);
    }
  }
}

async function attemptOnce<T>(options: RequestOptions<T>): Promise<T> {
  const timeoutMs = options.timeoutMs ?? REQUEST_DEFAULTS.timeoutMs;
  const controller = new AbortController();
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) controller.abort(options.signal.reason);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const method = options.method ?? 'GET';
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (options.viewer) headers['X-LiveHook-Viewer'] = options.viewer;
    if (method === 'POST') headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(options.url, {
        method,
        headers,
        credentials: 'include',
        mode: 'cors',
        cache: 'no-store',
        signal: controller.signal,
        ...(method === 'POST' && { body: JSON.stringify(options.body ?? {}) }),
      });
    } catch (error) {
      if (timedOut) throw new EndpointError('timeout', `no answer from ${options.url} within ${timeoutMs} ms`);
      if (options.signal?.aborted) throw error;
      throw new EndpointError('network', `can't reach ${options.url}: ${String(error)}`);
    }
    if (response.status === 429 || response.status >= 500) {
      throw new EndpointError('server', `${options.url} answered ${response.status}`, response.status);
    }
    if (response.status >= 400)
      throw new EndpointError('refused', `${options.url} answered ${response.status}`, response.status);
    if (response.status < 200 || response.status > 299) {
      throw new EndpointError('invalid', `${options.url} answered ${response.status}`, response.status);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (timedOut)
        throw new EndpointError('timeout', `the answer from ${options.url} took longer than ${timeoutMs} ms`);
      if (options.signal?.aborted) throw error;
      throw new EndpointError('network', `the answer from ${options.url} was cut off`);
    }
    if (text.length > REQUEST_DEFAULTS.maxBodyBytes) throw new EndpointError('invalid', `${options.url} sent too much`);
    let value: unknown;
    if (text.trim() === '') value = undefined;
    else {
      try {
        value = JSON.parse(text);
      } catch {
        throw new EndpointError('invalid', `${options.url} did not answer JSON`, response.status);
      }
    }
    const checked = options.validate(value);
    if (!checked.ok) throw new EndpointError('invalid', `${options.url}: ${checked.reason}`, response.status);
    return checked.value;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('aborted', 'AbortError'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DOMException('aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
