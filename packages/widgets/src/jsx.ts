// Types only: the widget elements in React 19's JSX, with their properties and `onlive-*` handlers checked.
// Load it once: `import type {} from '@livehook/widgets/jsx'`, or list it in tsconfig `compilerOptions.types`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { LiveCountdown } from './countdown/live-countdown.js';
import type { LiveCoupon } from './coupon/live-coupon.js';
import type {
  LiveAnalyticsAttributes,
  LiveAnalyticsEventHandlers,
  LiveCountdownEventHandlers,
  LiveCountdownProperties,
  LiveCouponEventHandlers,
  LiveCouponProperties,
  LiveFollowUnlockEventHandlers,
  LiveFollowUnlockProperties,
  LiveGroupQrEventHandlers,
  LiveGroupQrProperties,
} from './element-types.js';
import type { LiveFollowUnlock } from './follow-unlock/live-follow-unlock.js';
import type { LiveGroupQr } from './group-qr/live-group-qr.js';
import type { LiveAnalytics } from './live-analytics/live-analytics.js';

/** React's HTML attributes and `ref` for element `E`, plus its own properties and events. */
type JsxProps<E, Own> = DetailedHTMLProps<HTMLAttributes<E>, E> & Own;

export type LiveFollowUnlockJsxProps = JsxProps<
  LiveFollowUnlock,
  LiveFollowUnlockProperties & LiveFollowUnlockEventHandlers
>;
export type LiveGroupQrJsxProps = JsxProps<LiveGroupQr, LiveGroupQrProperties & LiveGroupQrEventHandlers>;
export type LiveCountdownJsxProps = JsxProps<LiveCountdown, LiveCountdownProperties & LiveCountdownEventHandlers>;
export type LiveCouponJsxProps = JsxProps<LiveCoupon, LiveCouponProperties & LiveCouponEventHandlers>;
export type LiveAnalyticsJsxProps = JsxProps<LiveAnalytics, LiveAnalyticsAttributes & LiveAnalyticsEventHandlers>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'live-follow-unlock': LiveFollowUnlockJsxProps;
      'live-group-qr': LiveGroupQrJsxProps;
      'live-countdown': LiveCountdownJsxProps;
      'live-coupon': LiveCouponJsxProps;
      'live-analytics': LiveAnalyticsJsxProps;
    }
  }
}
