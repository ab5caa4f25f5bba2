// Registering the widgets under their names, or under a prefix when a page already uses `live-`.
// Calling these is the only way the package defines elements; importing this file defines nothing.
import { LiveCountdown } from './countdown/live-countdown.js';
import { LiveCoupon } from './coupon/live-coupon.js';
import { LiveFollowUnlock } from './follow-unlock/live-follow-unlock.js';
import { LiveGroupQr } from './group-qr/live-group-qr.js';
import { LiveAnalytics } from './live-analytics/live-analytics.js';

/** Each widget's default tag and class. */
export const WIDGET_ELEMENTS = {
  'live-follow-unlock': LiveFollowUnlock,
  'live-group-qr': LiveGroupQr,
  'live-countdown': LiveCountdown,
  'live-coupon': LiveCoupon,
  'live-analytics': LiveAnalytics,
} as const;

type Ctor = CustomElementConstructor;

function define(tagName: string, base: Ctor, defaultTag: string): void {
  if (typeof customElements === 'undefined' || customElements.get(tagName)) return;
  // One constructor can be registered once: another name gets a subclass.
  customElements.define(tagName, tagName === defaultTag ? base : class extends (base as typeof HTMLElement) {});
}

/** Registers `<live-follow-unlock>` (or `tagName`). Safe to call twice. */
export function defineFollowUnlock(tagName = 'live-follow-unlock'): void {
  define(tagName, LiveFollowUnlock, 'live-follow-unlock');
}
/** Registers `<live-group-qr>` (or `tagName`). Safe to call twice. */
export function defineGroupQr(tagName = 'live-group-qr'): void {
  define(tagName, LiveGroupQr, 'live-group-qr');
}
/** Registers `<live-countdown>` (or `tagName`). Safe to call twice. */
export function defineCountdown(tagName = 'live-countdown'): void {
  define(tagName, LiveCountdown, 'live-countdown');
}
/** Registers `<live-coupon>` (or `tagName`). Safe to call twice. */
export function defineCoupon(tagName = 'live-coupon'): void {
  define(tagName, LiveCoupon, 'live-coupon');
}

/**
 * Registers all the elements. With `prefix: 'shop'` they become `<shop-follow-unlock>`,
 * `<shop-group-qr>`, `<shop-countdown>`, `<shop-coupon>` and `<shop-analytics>`.
 */
export function defineWidgets({ prefix = 'live' }: { prefix?: string } = {}): void {
  if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(prefix)) throw new Error(`"${prefix}" is not a valid tag prefix`);
  for (const [tag, ctor] of Object.entries(WIDGET_ELEMENTS)) {
    define(`${prefix}-${tag.slice('live-'.length)}`, ctor, tag);
  }
}

/** Registers `<live-analytics>` (or `tagName`). Safe to call twice. */
export function defineAnalytics(tagName = 'live-analytics'): void {
  define(tagName, LiveAnalytics, 'live-analytics');
}
