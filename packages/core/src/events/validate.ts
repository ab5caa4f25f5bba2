// Checks that an untrusted value is a well-formed LeadEvent, with the same limits the reference collector applies.
import { isLeadEventType, type LeadEvent } from './lead-event.js';

/** Limits shared by the pipeline and the collector, so an event the page queues is one the server keeps. */
export const LEAD_EVENT_LIMITS = {
  /** A whole event as JSON, bytes. Events are facts, not payloads; a bigger one is a bug. */
  maxEventBytes: 8 * 1024,
  maxIdLength: 64,
  maxSessionLength: 64,
  maxViewerLength: 64,
  maxRoomLength: 128,
  maxPageLength: 2048,
} as const;

const ID = /^[A-Za-z0-9_-]{8,64}$/;

/** `json` and `bytes`: the event serialised once, so the queue and storage need not do it again. */
export type LeadEventCheck =
  | { ok: true; event: LeadEvent; json: string; bytes: number }
  | { ok: false; reason: string };

/** Never throws: events come from other scripts on the page or from the network. */
export function checkLeadEvent(value: unknown): LeadEventCheck {
  if (!isObject(value)) return fail('event must be a JSON object');
  const { id, type, time, session, viewer, room, page, data } = value;
  if (typeof id !== 'string' || !ID.test(id)) return fail('id must be 8–64 letters, digits, "-" or "_"');
  if (typeof type !== 'string' || !isLeadEventType(type)) {
    return fail(`unknown event type ${JSON.stringify(String(type).slice(0, 64))}`);
  }
  if (typeof time !== 'string' || time.length > 40 || Number.isNaN(Date.parse(time))) {
    return fail('time must be an ISO 8601 date-time');
  }
  if (!isShortString(session, LEAD_EVENT_LIMITS.maxSessionLength)) return fail('session must be a short string');
  if (viewer !== undefined && !isShortString(viewer, LEAD_EVENT_LIMITS.maxViewerLength)) {
    return fail('viewer must be a short string');
  }
  if (room !== undefined && !isShortString(room, LEAD_EVENT_LIMITS.maxRoomLength)) {
    return fail('room must be a short string');
  }
  if (typeof page !== 'string' || page.length > LEAD_EVENT_LIMITS.maxPageLength)
    return fail('page must be a URL string');
  if (!isObject(data)) return fail('data must be a JSON object');
  let json: string;
  let bytes: number;
  try {
    json = JSON.stringify(value);
    bytes = utf8Length(json);
  } catch {
    return fail('event is not JSON-serialisable');
  }
  if (bytes > LEAD_EVENT_LIMITS.maxEventBytes)
    return fail(`event is larger than ${LEAD_EVENT_LIMITS.maxEventBytes} bytes`);
  return { ok: true, event: value as unknown as LeadEvent, json, bytes };
}

/** UTF-8 byte length without allocating an encoder per call. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isShortString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(reason: string): LeadEventCheck {
  return { ok: false, reason };
}
