// The immediate sinks: every accepted event is handed to Google Tag Manager, the DOM or a callback as it happens.
// (The HTTP sink is different: durable and batched, see http-sink.ts.)
import type { LeadEvent } from './lead-event.js';

/** Something that receives each accepted event, after consent and stamping. */
export interface LeadSink {
  readonly name: string;
  handle(event: LeadEvent): void;
}

/** Name of the DOM event the DOM sink dispatches; the pipeline's own collector never listens to it. */
export const LEAD_DOM_EVENT = 'live-lead';

/**
 * Pushes `{ event: 'livehook.<type>', livehook: <LeadEvent> }` to `window.dataLayer` (or the named array),
 * so a GTM trigger "Custom Event, regex ^livehook\." can forward any of them to GA4 or an ads pixel.
 */
export function dataLayerSink(name = 'dataLayer'): LeadSink {
  return {
    name: 'dataLayer',
    handle(event) {
      const host = globalThis as unknown as Record<string, unknown>;
      if (!Array.isArray(host[name])) host[name] = [];
      (host[name] as unknown[]).push({ event: `livehook.${event.type}`, livehook: event });
    },
  };
}

/** Dispatches a `live-lead` CustomEvent (detail: the stamped LeadEvent) on `target` (default: document). */
export function domSink(target: EventTarget | undefined = globalThis.document): LeadSink {
  return {
    name: 'dom',
    handle(event) {
      target?.dispatchEvent(new CustomEvent(LEAD_DOM_EVENT, { detail: event }));
    },
  };
}

/** Calls `callback` with each event. */
export function callbackSink(callback: (event: LeadEvent) => void): LeadSink {
  return { name: 'callback', handle: callback };
}
