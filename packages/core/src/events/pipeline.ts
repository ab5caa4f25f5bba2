// The lead-event pipeline: stamps events with a consent-aware viewer and session, queues them durably,
// and fans them out to the sinks (HTTP batches, dataLayer, DOM events, a callback).
import { TypedEmitter } from '../viewer/events.js';
import { collectDomEvents, type DomCollectorOptions, type TrackRequest } from './dom-collector.js';
import { type CollectorAnswer, HttpSink, type HttpSinkOptions } from './http-sink.js';
import { type ConsentState, markupGrantsConsent, ViewerIdentity } from './identity.js';
import { createLeadEvent, type LeadEvent, type LeadEventType, randomId } from './lead-event.js';
import { EventQueue, LocalStorageQueueStore, MemoryQueueStore, type QueueStore } from './queue.js';
import { callbackSink, dataLayerSink, domSink, type LeadSink } from './sinks.js';
import { checkLeadEvent } from './validate.js';

export interface LeadPipelineOptions {
  /** The shop's collector URL. Without it, events only go to the other sinks. */
  endpoint?: string;
  /** Room / stream id for events that name none. */
  room?: string;
  /**
   * `granted` (default): collect from the start. `required`: store nothing, send nothing and create no
   * viewer id until `grantConsent()` (or `<html data-livehook-consent="granted">`).
   */
  consent?: 'granted' | 'required';
  /** Push to `window.dataLayer` (true) or to the named array. */
  dataLayer?: boolean | string;
  /** Dispatch a `live-lead` event per accepted event on the document (true) or on the given target. */
  domEvents?: boolean | EventTarget;
  /** Called with each accepted event. */
  onEvent?: (event: LeadEvent) => void;
  /** More sinks of your own. */
  sinks?: readonly LeadSink[];
  /** Collect `live-*` element events at the document (default true), or where/what to listen to. */
  collect?: boolean | DomCollectorOptions;
  /** Where queued events wait: `local` (localStorage, default), `memory`, or your own store. */
  storage?: 'local' | 'memory' | QueueStore;
  /** Prefix of the storage keys, so two pipelines on one origin keep separate queues. */
  storageKey?: string;
  /** Most events kept waiting; beyond it the oldest are dropped. */
  maxQueue?: number;
  /** Batching, retry and transport settings of the HTTP sink. */
  http?: Omit<HttpSinkOptions, 'endpoint'>;
}

export const PIPELINE_DEFAULTS = {
  maxQueue: 2_000, // ~2 hours of heartbeats and clicks offline; ~1 MB of localStorage at most
  storageKey: 'livehook',
  recentIds: 1_000, // ids remembered to ignore an event collected twice (two listeners, a re-dispatch)
};

export interface LeadPipelineEventMap {
  /** An event was accepted (stamped, queued and handed to the sinks). */
  event: { event: LeadEvent };
  /** A batch reached the endpoint. */
  sent: { events: readonly LeadEvent[]; answer: CollectorAnswer | undefined };
  /** An event was refused (invalid here, or by the endpoint); it will not be sent again. */
  rejected: { event: unknown; reason: string };
  /** Events were dropped to keep the queue bounded. */
  dropped: { events: readonly LeadEvent[]; reason: string };
  /** A send failed; `willRetry` says whether the pipeline keeps trying. */
  error: { reason: string; willRetry: boolean };
  consentchange: { consent: ConsentState };
}

export interface LeadPipelineStats {
  accepted: number;
  sent: number;
  rejected: number;
  dropped: number;
  /** Waiting in the queue (including those in flight). */
  queued: number;
}

/**
 * ```ts
 * const leads = createLeadPipeline({ endpoint: '/api/events', room: 'spring-sale', consent: 'required' });
 * cmp.onAccept(() => leads.grantConsent());
 * leads.track('custom.add-to-cart', { sku: 'TEA-01' });
 * ```
 */
export class LeadPipeline extends TypedEmitter<LeadPipelineEventMap> {
  /** One per pipeline (a page load), kept in memory only. */
  readonly session = randomId();
  private readonly queue: EventQueue | undefined;
  private readonly http: HttpSink | undefined;
  private readonly sinks: LeadSink[] = [];
  private readonly identity: ViewerIdentity;
  private readonly recent = new Set<string>();
  private readonly cleanup: (() => void)[] = [];
  private _consent: ConsentState;
  private _stats: Omit<LeadPipelineStats, 'queued'> = { accepted: 0, sent: 0, rejected: 0, dropped: 0 };
  private destroyed = false;

  constructor(private readonly options: LeadPipelineOptions = {}) {
    super();
    const storage = options.storage ?? 'local';
    const prefix = options.storageKey ?? PIPELINE_DEFAULTS.storageKey;
    this.identity = new ViewerIdentity(storage === 'local');
    this._consent = options.consent === 'required' && !markupGrantsConsent() ? 'pending' : 'granted';

    if (options.endpoint) {
      const store =
        storage === 'local'
          ? new LocalStorageQueueStore(prefix)
          : storage === 'memory'
            ? new MemoryQueueStore()
            : storage;
      this.queue = new EventQueue(store, options.maxQueue ?? PIPELINE_DEFAULTS.maxQueue);
      this.http = new HttpSink(
        this.queue,
        { ...options.http, endpoint: options.endpoint },
        {
          sent: (events, answer) => {
            this._stats.sent += events.length;
            this.emit('sent', { events, answer });
          },
          rejected: (event, reason) => this.reject(event, reason),
          failed: (reason, willRetry) => this.emit('error', { reason, willRetry }),
        },
      );
    }
    if (options.dataLayer) this.sinks.push(dataLayerSink(options.dataLayer === true ? undefined : options.dataLayer));
    if (options.domEvents) this.sinks.push(domSink(options.domEvents === true ? undefined : options.domEvents));
    if (options.onEvent) this.sinks.push(callbackSink(options.onEvent));
    this.sinks.push(...(options.sinks ?? []));

    if (options.collect !== false) {
      const collector = typeof options.collect === 'object' ? options.collect : {};
      this.cleanup.push(
        collectDomEvents({ collect: (e) => this.collect(e), track: (r) => this.trackRequest(r) }, collector),
      );
    }
    this.listenToPage();
    if (this._consent === 'granted') this.start();
  }

  get consent(): ConsentState {
    return this._consent;
  }

  /** The anonymous viewer id; undefined without consent. */
  get viewer(): string | undefined {
    return this._consent === 'granted' ? this.identity.ensure() : undefined;
  }

  get stats(): LeadPipelineStats {
    return { ...this._stats, queued: this.queue?.length ?? 0 };
  }

  /** Tracks an event of the page's own (a catalogue type or `custom.<name>`). Returns it, or undefined if not accepted. */
  track(type: LeadEventType, data: Record<string, unknown> = {}, init: { room?: string } = {}): LeadEvent | undefined {
    const room = init.room ?? this.options.room;
    return this.collect(createLeadEvent({ type, data, ...(room !== undefined && { room }) }));
  }

  /**
   * Accepts a complete event (from `createLeadEvent`, an element's event detail): replaces `session`
   * and `viewer` with this pipeline's consent-aware values, queues it and hands it to the sinks.
   */
  collect(input: LeadEvent): LeadEvent | undefined {
    if (this.destroyed || this._consent !== 'granted') return undefined;
    if (typeof input?.id === 'string' && this.recent.has(input.id)) return undefined;
    const room = input?.room ?? this.options.room;
    const { viewer: _ignored, ...rest } = (input ?? {}) as LeadEvent;
    const stamped = {
      ...rest,
      session: this.session,
      viewer: this.identity.ensure(),
      ...(room !== undefined && { room }),
    };
    const check = checkLeadEvent(stamped);
    if (!check.ok) {
      this.reject(input, check.reason);
      return undefined;
    }
    const event = check.event;
    this.remember(event.id);
    this._stats.accepted++;
    if (this.queue) {
      const { dropped } = this.queue.push(event, check.json);
      if (dropped.length > 0) this.drop(dropped, 'queue full: dropped the oldest events');
      this.http!.notify();
    }
    for (const sink of this.sinks) {
      try {
        sink.handle(event);
      } catch (error) {
        console.error(error); // a broken tag-manager script must not stop the others
      }
    }
    this.emit('event', { event });
    return event;
  }

  /** Sends everything queued now. Resolves true when the queue is empty. */
  async flush(): Promise<boolean> {
    if (!this.http || this._consent !== 'granted') return false;
    return this.http.flush();
  }

  /** The viewer agreed: from now on events are stamped, stored and sent. */
  grantConsent(): void {
    if (this.destroyed || this._consent === 'granted') return;
    this._consent = 'granted';
    this.start();
    this.emit('consentchange', { consent: this._consent });
  }

  /** The viewer withdrew: stop sending, delete the queue and the viewer id. */
  revokeConsent(): void {
    if (this.destroyed) return;
    this._consent = 'denied';
    this.http?.pause();
    this.queue?.clear();
    this.identity.forget();
    this.recent.clear();
    this.emit('consentchange', { consent: this._consent });
  }

  /** Stops listening and sending. Queued events stay stored for the next page. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.http?.destroy();
    for (const stop of this.cleanup.splice(0)) stop();
  }

  private start(): void {
    this.identity.ensure();
    this.queue?.restore();
    this.http?.resume();
  }

  private trackRequest(request: TrackRequest): void {
    const data = typeof request.data === 'object' && request.data !== null ? request.data : {};
    const room = typeof request.room === 'string' ? request.room : undefined;
    this.track(request.type, data, room !== undefined ? { room } : {});
  }

  private listenToPage(): void {
    const win = globalThis.window;
    const doc = globalThis.document;
    if (!win || !doc) return;
    const exit = () => this.http?.flushOnExit();
    const hidden = () => {
      if (doc.visibilityState === 'hidden') exit();
    };
    const online = () => this.http?.online();
    // Bubbling phase: reporters listening in the capture phase add their last events first.
    win.addEventListener('pagehide', exit);
    doc.addEventListener('visibilitychange', hidden);
    win.addEventListener('online', online);
    this.cleanup.push(() => {
      win.removeEventListener('pagehide', exit);
      doc.removeEventListener('visibilitychange', hidden);
      win.removeEventListener('online', online);
    });
  }

  private remember(id: string): void {
    this.recent.add(id);
    if (this.recent.size > PIPELINE_DEFAULTS.recentIds) this.recent.delete(this.recent.values().next().value!);
  }

  private reject(event: unknown, reason: string): void {
    this._stats.rejected++;
    this.emit('rejected', { event, reason });
  }

  private drop(events: readonly LeadEvent[], reason: string): void {
    this._stats.dropped += events.length;
    this.emit('dropped', { events, reason });
  }
}

export function createLeadPipeline(options: LeadPipelineOptions = {}): LeadPipeline {
  return new LeadPipeline(options);
}

const shared = new Map<string, { pipeline: LeadPipeline; users: number }>();

/**
 * One pipeline per endpoint and storage key for the whole page, shared by every element that asks
 * (`<live-analytics>`, `<live-player analytics>`). The first caller's options win. Call `release()`
 * when done; the last release destroys the pipeline.
 */
export function acquireLeadPipeline(options: LeadPipelineOptions): { pipeline: LeadPipeline; release: () => void } {
  const key = `${options.endpoint ?? ''}|${options.storageKey ?? PIPELINE_DEFAULTS.storageKey}`;
  let entry = shared.get(key);
  if (!entry) {
    entry = { pipeline: new LeadPipeline(options), users: 0 };
    shared.set(key, entry);
  }
  entry.users++;
  const current = entry;
  let released = false;
  return {
    pipeline: current.pipeline,
    release: () => {
      if (released) return;
      released = true;
      if (--current.users > 0) return;
      current.pipeline.destroy();
      if (shared.get(key) === current) shared.delete(key);
    },
  };
}
