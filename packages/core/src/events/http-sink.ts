// Sends the queue to the shop's endpoint in size- and time-bounded batches, retries with backoff,
// and hands what is left to `fetch(keepalive)` / `sendBeacon` when the page goes away.
import { exponentialBackoff, Retrier, type RetryPolicy } from '../policy/retry.js';
import type { LeadEvent } from './lead-event.js';
import type { Batch, EventQueue } from './queue.js';

/** What the reference collector answers (other endpoints may answer less; any 2xx counts as received). */
export interface CollectorAnswer {
  accepted: number;
  duplicates: number;
  rejected: { index: number; id?: string; reason: string }[];
}

export interface HttpSinkOptions {
  /** The shop's collector, e.g. `https://shop.example/api/events`. */
  endpoint: string;
  /** Most events in one request. */
  maxBatchEvents?: number;
  /** Largest request body, bytes. Kept under the 64 KB keepalive/beacon budget so any batch can leave with the page. */
  maxBatchBytes?: number;
  /** How long an event may wait for companions before a batch goes anyway, ms. */
  flushInterval?: number;
  /** Delay between failed sends. */
  retry?: RetryPolicy;
  /** `include` sends the shop's cookies (the endpoint must allow credentials for the page's origin). */
  credentials?: RequestCredentials;
  /** Per request, ms. */
  timeout?: number;
  /** Injected for tests. */
  fetch?: typeof fetch;
  sendBeacon?: (url: string, data: Blob) => boolean;
}

export const HTTP_SINK_DEFAULTS = {
  maxBatchEvents: 50, // a heartbeat every 15 s plus clicks: one request every few minutes per viewer
  maxBatchBytes: 60_000, // 64 KB is the keepalive/beacon budget for everything in flight; leave headroom
  flushInterval: 5_000, // the shop's dashboards feel live, and a closing tab loses nothing (pagehide flush)
  timeout: 15_000, // slow mobile uplinks; a hung request must not block the queue forever
  credentials: 'same-origin' as RequestCredentials,
  // 1 s, 2 s, 4 s … 60 s with ±30 %: thousands of viewers on one flaky venue Wi-Fi must not retry in lockstep
  retry: () => exponentialBackoff({ initial: 1_000, max: 60_000, jitter: 0.3 }),
};

export interface HttpSinkHooks {
  sent(events: readonly LeadEvent[], answer: CollectorAnswer | undefined): void;
  rejected(event: LeadEvent, reason: string): void;
  failed(reason: string, willRetry: boolean): void;
}

type Outcome = 'ok' | 'retry' | 'smaller';

/** Drives an EventQueue to the endpoint. The queue owns durability; this class only decides when and how to send. */
export class HttpSink {
  private readonly options: Required<Omit<HttpSinkOptions, 'sendBeacon' | 'fetch'>> &
    Pick<HttpSinkOptions, 'sendBeacon' | 'fetch'>;
  private readonly retrier: Retrier;
  /** Events in a request that has not answered yet (normal or keepalive). */
  private readonly inFlight = new Set<string>();
  private readonly controllers = new Set<AbortController>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pumping: Promise<boolean> | undefined;
  /** Send partial batches too (flush, timer, retry, back online), not only full ones. */
  private draining = false;
  private batchLimit: number;
  /** Until the pipeline resumes it (consent granted), nothing leaves. */
  private paused = true;
  private destroyed = false;

  constructor(
    private readonly queue: EventQueue,
    options: HttpSinkOptions,
    private readonly hooks: HttpSinkHooks,
  ) {
    this.options = {
      maxBatchEvents: options.maxBatchEvents ?? HTTP_SINK_DEFAULTS.maxBatchEvents,
      maxBatchBytes: Math.min(options.maxBatchBytes ?? HTTP_SINK_DEFAULTS.maxBatchBytes, 63_000),
      flushInterval: options.flushInterval ?? HTTP_SINK_DEFAULTS.flushInterval,
      retry: options.retry ?? HTTP_SINK_DEFAULTS.retry(),
      credentials: options.credentials ?? HTTP_SINK_DEFAULTS.credentials,
      timeout: options.timeout ?? HTTP_SINK_DEFAULTS.timeout,
      endpoint: options.endpoint,
      fetch: options.fetch,
      sendBeacon: options.sendBeacon,
    };
    this.batchLimit = this.options.maxBatchEvents;
    this.retrier = new Retrier(this.options.retry);
  }

  /** Events waiting for an answer from the endpoint. */
  get inFlightCount(): number {
    return this.inFlight.size;
  }

  /** Something was queued: send now if a batch is full, else within `flushInterval`. */
  notify(): void {
    if (this.paused || this.destroyed || this.retrier.pending) return;
    if (this.queue.length - this.inFlight.size >= this.batchLimit) {
      void this.pump(false);
      return;
    }
    this.schedule();
  }

  /** The network is back: forget the backoff and send now. */
  online(): void {
    if (this.paused || this.destroyed) return;
    this.retrier.reset();
    void this.pump(true);
  }

  /** Sends every queued event now. Resolves true once the queue is empty, false if a send failed (retries go on). */
  flush(): Promise<boolean> {
    if (this.paused || this.destroyed) return Promise.resolve(false);
    this.retrier.cancel();
    return this.pump(true);
  }

  /**
   * The page is being hidden or unloaded: one keepalive request (or beacon) with the oldest events
   * not already on their way, within the 64 KB budget. They stay queued until an answer arrives, so if
   * the page dies first they are sent again on the next visit and the collector drops the duplicates.
   */
  flushOnExit(): void {
    if (this.paused || this.destroyed) return;
    const batch = this.queue.take(this.batchLimit * 4, this.options.maxBatchBytes, this.inFlight);
    if (!batch) return;
    const ids = batch.events.map((e) => e.id);
    const init: RequestInit = {
      method: 'POST',
      body: batch.body,
      // text/plain is a CORS "simple" request: no preflight that a closing page would never finish.
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      credentials: this.options.credentials,
      keepalive: true,
    };
    let request: Promise<Response>;
    try {
      request = this.fetchImpl()(this.options.endpoint, init);
    } catch {
      // keepalive over budget or unsupported: a beacon is the last way out (no answer, so nothing is removed)
      const beacon = this.options.sendBeacon ?? globalThis.navigator?.sendBeacon?.bind(globalThis.navigator);
      beacon?.(this.options.endpoint, new Blob([batch.body], { type: 'text/plain;charset=UTF-8' }));
      return;
    }
    for (const id of ids) this.inFlight.add(id);
    request
      .then(async (response) => {
        if (response.ok && !this.destroyed) this.acknowledge(batch, await readAnswer(response));
      })
      .catch(() => {
        /* the page went away, or the network did: the events are still queued */
      })
      .finally(() => {
        for (const id of ids) this.inFlight.delete(id);
      });
  }

  /** Stops sending (consent revoked) and aborts what is in flight. */
  pause(): void {
    this.paused = true;
    this.stopTimers();
    for (const controller of this.controllers) controller.abort();
  }

  /** Starts (or restarts) sending; a backlog left by an earlier page goes right away. */
  resume(): void {
    this.paused = false;
    if (this.queue.length > 0) void this.pump(true);
  }

  destroy(): void {
    this.destroyed = true;
    this.pause();
  }

  private stopTimers(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.retrier.cancel();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.pump(true);
    }, this.options.flushInterval);
  }

  private pump(all: boolean): Promise<boolean> {
    if (all) this.draining = true;
    this.pumping ??= this.drain().finally(() => {
      this.pumping = undefined;
      this.draining = false;
    });
    return this.pumping;
  }

  private async drain(): Promise<boolean> {
    for (;;) {
      if (this.paused || this.destroyed) return false;
      const unsent = this.queue.length - this.inFlight.size;
      if (!this.draining && unsent < this.batchLimit) {
        // Only full batches leave early; the rest waits for its companions (or the timer).
        if (unsent > 0) this.schedule();
        return false;
      }
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = undefined;
      const batch = this.queue.take(this.batchLimit, this.options.maxBatchBytes, this.inFlight);
      if (!batch) return this.inFlight.size === 0;
      const outcome = await this.send(batch);
      if (outcome === 'retry') {
        if (!this.paused && !this.destroyed) this.retrier.schedule(() => void this.pump(true));
        return false;
      }
      if (outcome === 'ok') {
        this.retrier.reset();
        this.batchLimit = this.options.maxBatchEvents;
      }
    }
  }

  private async send(batch: Batch): Promise<Outcome> {
    const ids = batch.events.map((e) => e.id);
    for (const id of ids) this.inFlight.add(id);
    const controller = new AbortController();
    this.controllers.add(controller);
    const timer = setTimeout(() => controller.abort(), this.options.timeout);
    try {
      let response: Response;
      try {
        response = await this.fetchImpl()(this.options.endpoint, {
          method: 'POST',
          body: batch.body,
          headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
          credentials: this.options.credentials,
          signal: controller.signal,
        });
      } catch (error) {
        this.hooks.failed(`network: ${String((error as Error)?.message ?? error)}`, !this.paused);
        return 'retry';
      }
      if (response.ok) {
        this.acknowledge(batch, await readAnswer(response));
        return 'ok';
      }
      const reason = await readReason(response);
      if (response.status === 413) {
        if (batch.events.length > 1) {
          this.batchLimit = Math.max(1, Math.ceil(batch.events.length / 2));
          return 'smaller';
        }
        this.drop(batch, `the endpoint refused the event as too large: ${reason}`);
        return 'ok';
      }
      if (response.status === 400 || response.status === 422) {
        // The endpoint understood the request and refused it: sending it again cannot help.
        this.drop(batch, `the endpoint refused the batch (${response.status}): ${reason}`);
        return 'ok';
      }
      // 401/403/404 (a misconfigured endpoint may be fixed), 408, 429, 5xx: keep the events and back off.
      this.hooks.failed(`HTTP ${response.status}: ${reason}`, true);
      return 'retry';
    } finally {
      clearTimeout(timer);
      this.controllers.delete(controller);
      for (const id of ids) this.inFlight.delete(id);
    }
  }

  private acknowledge(batch: Batch, answer: CollectorAnswer | undefined): void {
    this.queue.remove(batch.events.map((e) => e.id));
    for (const rejected of answer?.rejected ?? []) {
      const event = batch.events[rejected.index];
      if (event) this.hooks.rejected(event, rejected.reason);
    }
    this.hooks.sent(batch.events, answer);
  }

  private drop(batch: Batch, reason: string): void {
    this.queue.remove(batch.events.map((e) => e.id));
    for (const event of batch.events) this.hooks.rejected(event, reason);
  }

  private fetchImpl(): typeof fetch {
    return this.options.fetch ?? globalThis.fetch.bind(globalThis);
  }
}

async function readAnswer(response: Response): Promise<CollectorAnswer | undefined> {
  try {
    const value = (await response.json()) as Partial<CollectorAnswer> | null;
    if (!value || typeof value !== 'object') return undefined;
    return {
      accepted: Number(value.accepted) || 0,
      duplicates: Number(value.duplicates) || 0,
      rejected: Array.isArray(value.rejected) ? value.rejected.filter((r) => Number.isInteger(r?.index)) : [],
    };
  } catch {
    return undefined; // any 2xx means "received"; the body is a courtesy
  }
}

async function readReason(response: Response): Promise<string> {
  try {
    const text = (await response.text()).slice(0, 300);
    try {
      const error = (JSON.parse(text) as { error?: unknown }).error;
      return typeof error === 'string' ? error : text;
    } catch {
      return text || response.statusText;
    }
  } catch {
    return response.statusText;
  }
}
