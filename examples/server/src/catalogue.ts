// The lead-event catalogue as the collector enforces it. Kept in step with @livehook/core by a test,
// and kept here (not imported) so a shop can copy this server without the SDK.

export const EVENT_TYPES = [
  'view.started',
  'view.ended',
  'watch.progress',
  'quality.summary',
  'cue.received',
  'widget.shown',
  'widget.dismissed',
  'follow.clicked',
  'follow.confirmed',
  'reward.unlocked',
  'reward.copied',
  'group.opened',
  'reminder.subscribed',
  'calendar.added',
  'coupon.claimed',
  'coupon.soldout',
  'product.clicked',
  'question.asked',
  'order.placed',
] as const;

const KNOWN = new Set<string>(EVENT_TYPES);
const CUSTOM = /^custom\.[a-z0-9][a-z0-9._-]{0,62}$/;
const ID = /^[A-Za-z0-9_-]{8,64}$/;

export const EVENT_LIMITS = {
  maxEventBytes: 8 * 1024,
  maxEventsPerBatch: 500,
  /** Events queued offline may arrive late; older than this they are refused. */
  maxAgeMs: 30 * 24 * 3600_000,
  /** Clocks on phones drift; a day ahead is still believable. */
  maxFutureMs: 24 * 3600_000,
};

/** Interactions: what a viewer did, as opposed to what the player reports about a view. */
export const INTERACTION_TYPES = new Set<string>([
  'widget.dismissed',
  'follow.clicked',
  'follow.confirmed',
  'reward.unlocked',
  'reward.copied',
  'group.opened',
  'reminder.subscribed',
  'calendar.added',
  'coupon.claimed',
  'coupon.soldout',
  'product.clicked',
  'question.asked',
  'order.placed',
]);

/** Events that mean the viewer bought (or holds a coupon to). */
export const CONVERSION_TYPES = new Set<string>(['coupon.claimed', 'order.placed']);

export interface StoredEvent {
  id: string;
  type: string;
  time: string;
  session: string;
  viewer?: string;
  room?: string;
  page: string;
  data: Record<string, unknown>;
}

export type EventCheck = { ok: true; event: StoredEvent } | { ok: false; reason: string; id?: string };

export function isEventType(type: string): boolean {
  return KNOWN.has(type) || CUSTOM.test(type);
}

/** Validates one untrusted event; never throws. */
export function checkEvent(value: unknown, now = Date.now()): EventCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'event must be a JSON object' };
  const v = value as Record<string, unknown>;
  const id = typeof v.id === 'string' && ID.test(v.id) ? v.id : undefined;
  const fail = (reason: string): EventCheck => ({ ok: false, reason, ...(id && { id }) });
  if (!id) return fail('id must be 8–64 letters, digits, "-" or "_"');
  if (typeof v.type !== 'string' || !isEventType(v.type))
    return fail(`unknown event type ${JSON.stringify(String(v.type).slice(0, 64))}`);
  if (typeof v.time !== 'string' || v.time.length > 40) return fail('time must be an ISO 8601 date-time');
  const time = Date.parse(v.time);
  if (Number.isNaN(time)) return fail('time must be an ISO 8601 date-time');
  if (time > now + EVENT_LIMITS.maxFutureMs) return fail('time is in the future');
  if (time < now - EVENT_LIMITS.maxAgeMs) return fail('time is more than 30 days ago');
  if (!shortString(v.session, 64)) return fail('session must be a string of 1–64 characters');
  if (v.viewer !== undefined && !shortString(v.viewer, 64)) return fail('viewer must be a string of 1–64 characters');
  if (v.room !== undefined && !shortString(v.room, 128)) return fail('room must be a string of 1–128 characters');
  if (typeof v.page !== 'string' || v.page.length > 2048)
    return fail('page must be a string of at most 2048 characters');
  if (typeof v.data !== 'object' || v.data === null || Array.isArray(v.data)) return fail('data must be a JSON object');
  if (Buffer.byteLength(JSON.stringify(v)) > EVENT_LIMITS.maxEventBytes)
    return fail(`event is larger than ${EVENT_LIMITS.maxEventBytes} bytes`);
  return {
    ok: true,
    event: {
      id,
      type: v.type,
      time: new Date(time).toISOString(),
      session: v.session as string,
      ...(v.viewer !== undefined && { viewer: v.viewer as string }),
      ...(v.room !== undefined && { room: v.room as string }),
      page: v.page,
      data: v.data as Record<string, unknown>,
    },
  };
}

function shortString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}
