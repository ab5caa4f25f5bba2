// Types only: the properties a page sets on each widget and its `on<event>` handlers, for framework
// typings (React and Svelte 5 name handlers `onlive-coupon-claimed`; Vue can reuse the property lists).
import type { LiveCountdown } from './countdown/live-countdown.js';
import type { LiveCoupon } from './coupon/live-coupon.js';
import type {
  LiveAnalyticsEventMap,
  LiveCountdownEventMap,
  LiveCouponEventMap,
  LiveFollowUnlockEventMap,
  LiveGroupQrEventMap,
} from './event-maps.js';
import type { LiveFollowUnlock } from './follow-unlock/live-follow-unlock.js';
import type { LiveGroupQr } from './group-qr/live-group-qr.js';
import type { LiveWidget } from './shared/widget.js';

/** `on<event name>` handlers for an event map: React 19 and Svelte 5 listen to the event named after `on`. */
export type EventHandlerProps<M> = { [K in keyof M & string as `on${K}`]?: (event: M[K]) => void };

type Settable<E, K extends keyof E> = Partial<Pick<E, K>>;

/** What every widget takes: triggers, frequency cap, the tied player, display, preview. */
export type LiveWidgetProperties = Settable<
  LiveWidget,
  | 'room'
  | 'for'
  | 'trigger'
  | 'delay'
  | 'watchTime'
  | 'cueTarget'
  | 'dismissFor'
  | 'campaign'
  | 'display'
  | 'dismissible'
  | 'preview'
  | 'timeout'
>;

export type LiveFollowUnlockProperties = LiveWidgetProperties &
  Settable<
    LiveFollowUnlock,
    'followUrl' | 'followHref' | 'followMode' | 'rewardUrl' | 'publicCode' | 'rewardLabel' | 'headline' | 'benefit'
  >;

export type LiveGroupQrProperties = LiveWidgetProperties &
  Settable<LiveGroupQr, 'href' | 'src' | 'poolUrl' | 'headline' | 'benefit' | 'rewardLabel'>;

export type LiveCountdownProperties = LiveWidgetProperties &
  Settable<
    LiveCountdown,
    | 'startsAt'
    | 'schedule'
    | 'timeZone'
    | 'duration'
    | 'headline'
    | 'benefit'
    | 'watchUrl'
    | 'reminderMinutes'
    | 'remindUrl'
    | 'remindWith'
    | 'consentText'
    | 'privacyUrl'
  >;

export type LiveCouponProperties = LiveWidgetProperties &
  Settable<
    LiveCoupon,
    'coupon' | 'claimUrl' | 'headline' | 'detail' | 'rewardLabel' | 'endsAt' | 'duration' | 'remaining' | 'total'
  >;

/** `<live-analytics>` is configured by attributes only (it has no writable properties). */
export interface LiveAnalyticsAttributes {
  endpoint?: string;
  room?: string;
  /** `required`: nothing is stored or sent until granted; `granted` (default); `denied` revokes. */
  consent?: 'required' | 'granted' | 'denied';
  datalayer?: boolean | string;
  'dom-events'?: boolean;
  'batch-size'?: number | string;
  'flush-interval'?: number | string;
  storage?: 'local' | 'memory';
  credentials?: 'same-origin' | 'include' | 'omit';
}

export type LiveFollowUnlockEventHandlers = EventHandlerProps<LiveFollowUnlockEventMap>;
export type LiveGroupQrEventHandlers = EventHandlerProps<LiveGroupQrEventMap>;
export type LiveCountdownEventHandlers = EventHandlerProps<LiveCountdownEventMap>;
export type LiveCouponEventHandlers = EventHandlerProps<LiveCouponEventMap>;
export type LiveAnalyticsEventHandlers = EventHandlerProps<LiveAnalyticsEventMap>;
