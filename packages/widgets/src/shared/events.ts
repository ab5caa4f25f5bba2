// The widgets' public events: one bubbling, composed `live-` CustomEvent per funnel step, whose
// `detail` is a complete LeadEvent. The lead-event pipeline collects them at the document.
import { createLeadEvent, type LeadEvent, LeadEventType } from '@livehook/core';

/** Each widget event name and the lead-event type its detail carries. */
export const WIDGET_EVENTS = {
  'live-widget-shown': LeadEventType.WidgetShown,
  'live-widget-dismissed': LeadEventType.WidgetDismissed,
  'live-follow-clicked': LeadEventType.FollowClicked,
  'live-follow-confirmed': LeadEventType.FollowConfirmed,
  'live-reward-unlocked': LeadEventType.RewardUnlocked,
  'live-reward-copied': LeadEventType.RewardCopied,
  'live-group-opened': LeadEventType.GroupLinkOpened,
  'live-reminder-subscribed': LeadEventType.ReminderSubscribed,
  'live-calendar-added': LeadEventType.CalendarAdded,
  'live-coupon-claimed': LeadEventType.CouponClaimed,
  'live-coupon-soldout': LeadEventType.CouponSoldOut,
} as const;

export type WidgetEventName = keyof typeof WIDGET_EVENTS;

/** Every widget event's detail names the widget it came from. */
export interface WidgetEventData extends Record<string, unknown> {
  /** `follow-unlock`, `group-qr`, `countdown` or `coupon`. */
  widget: string;
  /** The element's id, if it has one. */
  element?: string;
}

export type WidgetEvent<D extends WidgetEventData = WidgetEventData> = CustomEvent<LeadEvent<D>>;

export interface EmitOptions {
  room?: string;
  /** Set only when the viewer id is stored with consent. */
  viewer?: string;
  cancelable?: boolean;
}

/** Dispatches a widget event from `host`. Returns false if a listener called preventDefault(). */
export function emitWidgetEvent(
  host: HTMLElement,
  name: WidgetEventName,
  data: WidgetEventData,
  options: EmitOptions = {},
): boolean {
  const detail = createLeadEvent({
    type: WIDGET_EVENTS[name],
    data,
    ...(options.room && { room: options.room }),
    ...(options.viewer && { viewer: options.viewer }),
  });
  return host.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}

declare global {
  interface HTMLElementEventMap {
    'live-widget-shown': WidgetEvent;
    'live-widget-dismissed': WidgetEvent;
    'live-follow-clicked': WidgetEvent;
    'live-follow-confirmed': WidgetEvent;
    'live-reward-unlocked': WidgetEvent;
    'live-reward-copied': WidgetEvent;
    'live-group-opened': WidgetEvent;
    'live-reminder-subscribed': WidgetEvent;
    'live-calendar-added': WidgetEvent;
    'live-coupon-claimed': WidgetEvent;
    'live-coupon-soldout': WidgetEvent;
  }
}
