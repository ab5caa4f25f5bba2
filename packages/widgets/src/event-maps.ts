// Types only: each widget's events by name, for typed listeners and framework typings. The events
// bubble to the document, where a page (or the lead pipeline) usually listens.
import type { ConsentState } from '@livehook/core';
import type { WidgetEvent } from './shared/events.js';

/** Every widget fires these. */
export interface LiveWidgetEventMap {
  'live-widget-shown': WidgetEvent;
  'live-widget-dismissed': WidgetEvent;
}

export interface LiveFollowUnlockEventMap extends LiveWidgetEventMap {
  /** Cancellable: `preventDefault()` runs the page's own follow, which ends with `confirmFollow()`. */
  'live-follow-clicked': WidgetEvent;
  'live-follow-confirmed': WidgetEvent;
  'live-reward-unlocked': WidgetEvent;
  'live-reward-copied': WidgetEvent;
}

export interface LiveGroupQrEventMap extends LiveWidgetEventMap {
  'live-group-opened': WidgetEvent;
}

export interface LiveCountdownEventMap extends LiveWidgetEventMap {
  'live-calendar-added': WidgetEvent;
  'live-reminder-subscribed': WidgetEvent;
}

export interface LiveCouponEventMap extends LiveWidgetEventMap {
  'live-coupon-claimed': WidgetEvent;
  'live-coupon-soldout': WidgetEvent;
  'live-reward-copied': WidgetEvent;
}

export type LiveConsentChangeEvent = CustomEvent<{ consent: ConsentState }>;

export interface LiveAnalyticsEventMap {
  'live-consent-change': LiveConsentChangeEvent;
}

/** Every widget event by name. */
export interface WidgetEventMap
  extends LiveFollowUnlockEventMap,
    LiveGroupQrEventMap,
    LiveCountdownEventMap,
    LiveCouponEventMap,
    LiveAnalyticsEventMap {}

// The events bubble and compose: typed on the document too, e.g. `document.addEventListener('live-coupon-claimed', …)`.
declare global {
  interface HTMLElementEventMap extends LiveAnalyticsEventMap {}
  interface DocumentEventMap extends WidgetEventMap {}
}
