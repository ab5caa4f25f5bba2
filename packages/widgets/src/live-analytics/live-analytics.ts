// <live-analytics>: configures the page's lead-event pipeline from HTML. Renders nothing.
import {
  acquireLeadPipeline,
  type ConsentState,
  type LeadEvent,
  type LeadEventType,
  type LeadPipeline,
  type LeadPipelineOptions,
} from '@livehook/core';
import { setViewerStorageConsent } from '../shared/viewer-id.js';

const CREDENTIALS = new Set(['include', 'same-origin', 'omit']);
// Server-side rendering imports this module in Node, where HTMLElement does not exist: a stand-in
// (module scope only, the global is left alone) keeps the class declarable there.
const HTMLElement: typeof globalThis.HTMLElement =
  globalThis.HTMLElement ?? (class {} as unknown as typeof globalThis.HTMLElement);

/**
 * Sends every lead event on the page (from the widgets, the player and the page's own `live-track`
 * events) to the shop's endpoint, and to GTM's dataLayer or DOM events if asked.
 *
 * ```html
 * <live-analytics endpoint="https://shop.example/api/events" room="spring-sale" consent="required" datalayer></live-analytics>
 * ```
 * Grant consent from the page's consent banner with `el.grantConsent()`, or by setting `consent="granted"`.
 *
 * @tagname live-analytics
 * @summary Sends the page's lead events to the shop's collector (renders nothing).
 *
 * @attr {string} endpoint - The collector URL (POST batches of events).
 * @attr {string} room - The room / stream id for events that name none.
 * @attr {'required' | 'granted' | 'denied'} [consent='granted'] - `required`: nothing is stored or sent until granted; `granted` (default); `denied` revokes.
 * @attr {string} datalayer - Also push to the `window` array named by the value (`dataLayer` for GTM; present but empty also means `dataLayer`).
 * @attr {boolean} dom-events - Also dispatch a `live-lead` event on the document per event.
 * @attr {number} [batch-size=50] - Most events per request (default 50).
 * @attr {number} [flush-interval=5000] - Longest wait before a batch is sent, ms (default 5000).
 * @attr {'local' | 'memory'} [storage='local'] - `local` (default: survives reloads) or `memory`.
 * @attr {'same-origin' | 'include' | 'omit'} [credentials='same-origin'] - `same-origin` (default), `include` or `omit` for the collector requests.
 * @fires live-consent-change - Consent changed; `detail: { consent: 'granted' | 'pending' | 'denied' }`.
 */
export class LiveAnalytics extends HTMLElement {
  static readonly observedAttributes = [
    'endpoint',
    'room',
    'consent',
    'datalayer',
    'dom-events',
    'batch-size',
    'flush-interval',
    'storage',
    'credentials',
  ];

  private handle: { pipeline: LeadPipeline; release: () => void } | undefined;
  private offConsent: (() => void) | undefined;

  /** The pipeline this element configured (shared by every element with the same endpoint). */
  get pipeline(): LeadPipeline | undefined {
    return this.handle?.pipeline;
  }

  /**
   * Reads the pipeline's consent (`granted`, `pending`, `denied`). Writing sets the `consent` attribute
   * (`required`, `granted`, `denied`), so frameworks that set properties (React 19, Vue) can configure it too.
   */
  get consent(): ConsentState | undefined {
    return this.pipeline?.consent;
  }

  set consent(value: 'required' | 'granted' | 'denied' | null | undefined) {
    if (value === null || value === undefined) this.removeAttribute('consent');
    else if (value === 'required' || value === 'granted' || value === 'denied') this.setAttribute('consent', value);
    else console.error(`<live-analytics>: consent must be required, granted or denied, not "${String(value)}"`);
  }

  /** The anonymous viewer id, once consent allows one. */
  get viewer(): string | undefined {
    return this.pipeline?.viewer;
  }

  connectedCallback(): void {
    if (!this.handle) this.start();
  }

  disconnectedCallback(): void {
    this.stop();
  }

  attributeChangedCallback(name: string, previous: string | null, value: string | null): void {
    // Before connectedCallback (initial attributes during an upgrade) there is nothing to update yet.
    if (!this.handle || previous === value) return;
    if (name === 'consent') {
      if (value === 'granted') this.grantConsent();
      else if (value === 'denied') this.revokeConsent();
      return;
    }
    this.stop();
    this.start();
  }

  /** The viewer agreed to be counted. */
  grantConsent(): void {
    this.pipeline?.grantConsent();
  }

  /** The viewer withdrew: the queue and the viewer id are deleted. */
  revokeConsent(): void {
    this.pipeline?.revokeConsent();
  }

  /** Tracks an event of the page's own, e.g. `track('custom.add-to-cart', { sku })`. */
  track(type: LeadEventType, data: Record<string, unknown> = {}): LeadEvent | undefined {
    return this.pipeline?.track(type, data);
  }

  /** Sends what is queued now. */
  flush(): Promise<boolean> {
    return this.pipeline?.flush() ?? Promise.resolve(false);
  }

  /** The pipeline options these attributes describe. */
  options(): LeadPipelineOptions {
    const number = (name: string) => {
      const value = Number(this.getAttribute(name));
      return this.hasAttribute(name) && Number.isFinite(value) && value > 0 ? value : undefined;
    };
    const endpoint = this.getAttribute('endpoint')?.trim();
    const room = this.getAttribute('room')?.trim();
    const layer = this.getAttribute('datalayer');
    const credentials = this.getAttribute('credentials') ?? '';
    const batchSize = number('batch-size');
    const flushInterval = number('flush-interval');
    const consent = this.getAttribute('consent');
    return {
      ...(endpoint && { endpoint: new URL(endpoint, document.baseURI).href }),
      ...(room && { room }),
      consent: consent === 'required' || consent === 'denied' ? 'required' : 'granted',
      ...(layer !== null && { dataLayer: layer.trim() || true }),
      ...(this.hasAttribute('dom-events') && { domEvents: true }),
      storage: this.getAttribute('storage') === 'memory' ? 'memory' : 'local',
      http: {
        ...(batchSize && { maxBatchEvents: Math.round(batchSize) }),
        ...(flushInterval && { flushInterval }),
        ...(CREDENTIALS.has(credentials) && { credentials: credentials as RequestCredentials }),
      },
    };
  }

  private start(): void {
    this.handle = acquireLeadPipeline(this.options());
    const pipeline = this.handle.pipeline;
    const sync = (consent: ConsentState) => {
      // The widgets' requests use the same viewer id the events carry, under the same consent.
      if (consent !== 'pending') setViewerStorageConsent(consent === 'granted');
    };
    if (this.getAttribute('consent') === 'required' || this.getAttribute('consent') === 'denied')
      sync(pipeline.consent);
    this.offConsent = pipeline.on('consentchange', ({ consent }) => {
      sync(consent);
      this.dispatchEvent(
        new CustomEvent('live-consent-change', { detail: { consent }, bubbles: true, composed: true }),
      );
    });
    if (this.getAttribute('consent') === 'denied') pipeline.revokeConsent();
  }

  private stop(): void {
    this.offConsent?.();
    this.offConsent = undefined;
    this.handle?.release();
    this.handle = undefined;
  }
}
