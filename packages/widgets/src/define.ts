// Registers the widget elements. Importing this file is the only side effect the package has.
import type { LiveCountdown } from './countdown/live-countdown.js';
import type { LiveCoupon } from './coupon/live-coupon.js';
import type { LiveFollowUnlock } from './follow-unlock/live-follow-unlock.js';
import type { LiveGroupQr } from './group-qr/live-group-qr.js';
import type { LiveAnalytics } from './live-analytics/live-analytics.js';
import { defineWidgets } from './registry.js';

export {
  defineAnalytics,
  defineCountdown,
  defineCoupon,
  defineFollowUnlock,
  defineGroupQr,
  defineWidgets,
} from './registry.js';

defineWidgets();

declare global {
  interface HTMLElementTagNameMap {
    'live-follow-unlock': LiveFollowUnlock;
    'live-group-qr': LiveGroupQr;
    'live-countdown': LiveCountdown;
    'live-coupon': LiveCoupon;
    'live-analytics': LiveAnalytics;
  }
}
