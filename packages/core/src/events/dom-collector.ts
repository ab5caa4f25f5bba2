// Listens at the document for the `live-*` events that elements dispatch with a LeadEvent as `detail`.
import type { LeadEvent, LeadEventType } from './lead-event.js';

/**
 * The DOM events collected by default: every @livehook/widgets event, the player's `live-playback`,
 * and `live-track`, which a host page dispatches for its own events (`detail: { type: 'custom.x', data }`).
 */
export const COLLECTED_DOM_EVENTS: readonly string[] = [
  'live-widget-shown',
  'live-widget-dismissed',
  'live-follow-clicked',
  'live-follow-confirmed',
  'live-reward-unlocked',
  'live-reward-copied',
  'live-group-opened',
  'live-reminder-subscribed',
  'live-calendar-added',
  'live-coupon-claimed',
  'live-coupon-soldout',
  'live-playback',
  'live-track',
];

/** The DOM event a host page dispatches to track its own event. */
export const TRACK_DOM_EVENT = 'live-track';

export interface TrackRequest {
  type: LeadEventType;
  data?: Record<string, unknown>;
  room?: string;
}

export interface DomCollectorOptions {
  /** Where to listen (default: document). Events from shadow roots reach it when they are composed. */
  target?: EventTarget;
  /** Event names to collect (default: COLLECTED_DOM_EVENTS). Extra names can be added with `extraEvents`. */
  events?: readonly string[];
  extraEvents?: readonly string[];
}

/**
 * Starts listening; returns the function that stops. `collect` receives complete events,
 * `track` receives a host page's `live-track` requests.
 */
export function collectDomEvents(
  handlers: { collect(event: LeadEvent): void; track(request: TrackRequest): void },
  options: DomCollectorOptions = {},
): () => void {
  const target = options.target ?? globalThis.document;
  if (!target) return () => {};
  const names = [...new Set([...(options.events ?? COLLECTED_DOM_EVENTS), ...(options.extraEvents ?? [])])];
  const listener = (event: Event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (typeof detail !== 'object' || detail === null) return;
    const value = detail as Record<string, unknown>;
    if (event.type === TRACK_DOM_EVENT && typeof value.id !== 'string') {
      if (typeof value.type === 'string') handlers.track(value as unknown as TrackRequest);
      return;
    }
    if (typeof value.id === 'string' && typeof value.type === 'string') handlers.collect(value as unknown as LeadEvent);
  };
  // Capture: a listener inside the page that stops propagation must not hide an event from the shop.
  for (const name of names) target.addEventListener(name, listener, { capture: true });
  return () => {
    for (const name of names) target.removeEventListener(name, listener, { capture: true });
  };
}
