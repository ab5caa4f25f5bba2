// @livehook/widgets: the element classes and helpers, without registering anything
// (import '@livehook/widgets/define' for that, or call defineWidgets()).
export type { ContactChoice, ContactKind } from './countdown/contact.js';
export { CountdownState, LiveCountdown } from './countdown/live-countdown.js';
export { type CouponCueData, CouponState, LiveCoupon } from './coupon/live-coupon.js';
export type {
  EventHandlerProps,
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
  LiveWidgetProperties,
} from './element-types.js';
export type {
  LiveAnalyticsEventMap,
  LiveConsentChangeEvent,
  LiveCountdownEventMap,
  LiveCouponEventMap,
  LiveFollowUnlockEventMap,
  LiveGroupQrEventMap,
  LiveWidgetEventMap,
  WidgetEventMap,
} from './event-maps.js';
export { type FollowMode, FollowUnlockState, LiveFollowUnlock } from './follow-unlock/live-follow-unlock.js';
export { type GroupInfo, GroupQrState, LiveGroupQr } from './group-qr/live-group-qr.js';
export { LiveAnalytics } from './live-analytics/live-analytics.js';
export {
  defineAnalytics,
  defineCountdown,
  defineCoupon,
  defineFollowUnlock,
  defineGroupQr,
  defineWidgets,
  WIDGET_ELEMENTS,
} from './registry.js';
export { WIDGET_EVENTS, type WidgetEvent, type WidgetEventData, type WidgetEventName } from './shared/events.js';
export { registerWidgetLocale } from './shared/i18n/locale.js';
export type { WidgetStrings } from './shared/i18n/strings.js';
export { EndpointError, EndpointErrorKind } from './shared/request.js';
export { type SafeUrlResult, safeUrl } from './shared/safe-url.js';
export type { ClaimAnswer, ClaimStatus, PoolGroup, Reward } from './shared/validators.js';
export {
  setViewerStorageConsent,
  VIEWER_KEY,
  type ViewerIdentity,
  viewerIdentity,
  viewerStorageAllowed,
} from './shared/viewer-id.js';
export { type DismissReason, LiveWidget } from './shared/widget.js';
