// The lead event: one shape for every interaction a shop may want to follow up on.

/** The documented catalogue. Custom events from the host page use `custom.<name>`. */
export const LeadEventType = {
  ViewStarted: 'view.started',
  ViewEnded: 'view.ended',
  /** Heartbeat with seconds actually played since the last one. */
  WatchProgress: 'watch.progress',
  /** Quality and rebuffer summary for a view. */
  QualitySummary: 'quality.summary',
  CueReceived: 'cue.received',
  WidgetShown: 'widget.shown',
  WidgetDismissed: 'widget.dismissed',
  FollowClicked: 'follow.clicked',
  FollowConfirmed: 'follow.confirmed',
  RewardUnlocked: 'reward.unlocked',
  RewardCopied: 'reward.copied',
  GroupLinkOpened: 'group.opened',
  ReminderSubscribed: 'reminder.subscribed',
  CalendarAdded: 'calendar.added',
  CouponClaimed: 'coupon.claimed',
  CouponSoldOut: 'coupon.soldout',
  ProductClicked: 'product.clicked',
  /** The viewer asked a question (chat, form): a strong "call me back" signal. Sent by the host page. */
  QuestionAsked: 'question.asked',
  /** The shop's checkout confirmed an order. Sent by the host page; the report counts it as converted. */
  OrderPlaced: 'order.placed',
} as const;

export type KnownLeadEventType = (typeof LeadEventType)[keyof typeof LeadEventType];
export type LeadEventType = KnownLeadEventType | `custom.${string}`;

export interface LeadEvent<D extends Record<string, unknown> = Record<string, unknown>> {
  /** Unique (UUID): the collector drops duplicates by id, so retries never double-count. */
  readonly id: string;
  readonly type: LeadEventType;
  /** ISO 8601 time the interaction happened in the page. */
  readonly time: string;
  /** One page visit (a new one per tab load). */
  readonly session: string;
  /** Anonymous, stable per browser; absent until consent where consent is required. */
  readonly viewer?: string;
  /** The room / stream id the interaction belongs to. */
  readonly room?: string;
  /** The page URL without query string or fragment (no personal data from URLs). */
  readonly page: string;
  readonly data: D;
}

/** Every type in the catalogue, for validators on both ends of the wire. */
export const KNOWN_LEAD_EVENT_TYPES: readonly KnownLeadEventType[] = Object.values(LeadEventType);
const KNOWN = new Set<string>(KNOWN_LEAD_EVENT_TYPES);
/** Custom types from the host page: `custom.` and a short lowercase name. */
export const CUSTOM_LEAD_EVENT_TYPE = /^custom\.[a-z0-9][a-z0-9._-]{0,62}$/;
const CUSTOM = CUSTOM_LEAD_EVENT_TYPE;

export function isLeadEventType(type: string): type is LeadEventType {
  return KNOWN.has(type) || CUSTOM.test(type);
}

/** A per-page-load id kept in memory only (never stored), so it needs no consent. */
const pageSession = randomId();

export interface LeadEventInit<D extends Record<string, unknown>> {
  type: LeadEventType;
  data?: D;
  room?: string;
  /** Set by the lead-event pipeline where consent allows it. */
  viewer?: string;
  session?: string;
}

/**
 * Builds a complete lead event. Elements call this for the events they dispatch; the lead-event
 * pipeline, when it collects them, replaces `session` and `viewer` with its own consent-aware values.
 */
export function createLeadEvent<D extends Record<string, unknown>>(init: LeadEventInit<D>): LeadEvent<D> {
  const location = globalThis.location;
  return {
    id: randomId(),
    type: init.type,
    time: new Date().toISOString(),
    session: init.session ?? pageSession,
    ...(init.viewer !== undefined && { viewer: init.viewer }),
    ...(init.room !== undefined && { room: init.room }),
    page: location ? `${location.origin}${location.pathname}` : '',
    data: (init.data ?? {}) as D,
  };
}

/** RFC 4122 v4 UUID; crypto.randomUUID needs a secure context, so fall back to getRandomValues. */
export function randomId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') {
    try {
      return c.randomUUID();
    } catch {
      /* insecure context */
    }
  }
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
