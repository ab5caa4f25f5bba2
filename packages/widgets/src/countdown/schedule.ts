// When the next stream starts: a single `starts-at`, or the next occurrence of a recurring RRULE
// in the shop's time zone, as a UTC instant. rrule (lazy-loaded) expands the rule on "floating"
// wall-clock times; the time zone is applied here with Intl, so DST is handled by the browser's
// own zone data and not by the machine's local zone.

/** A wall-clock time: what a clock on the wall in the zone shows. Month is 1–12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export interface Schedule {
  /** The RRULE value without the `RRULE:` prefix, e.g. `FREQ=WEEKLY;BYDAY=TU,FR`. */
  rule: string;
  /** IANA time zone the rule's times are in. */
  zone: string;
  /** First occurrence as wall time in `zone`, if the schedule gave one. */
  start?: WallTime;
}

export type ScheduleResult = { ok: true; schedule: Schedule } | { ok: false; reason: string };

const MAX_SCHEDULE_LENGTH = 1000;
const DTSTART = /^DTSTART(?:;TZID=([^:;]+))?:(\d{8}T\d{6})(Z?)$/i;
const RULE_PART = /^[A-Z]+=[A-Z0-9,+\-:]+$/i;

/** True when `zone` is an IANA zone this browser knows. */
export function isTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a schedule attribute: an RRULE, with or without `RRULE:`, optionally preceded by a DTSTART
 * line (`DTSTART;TZID=Asia/Shanghai:20250107T200000`), lines separated by spaces or newlines.
 * The zone is `timeZone` if given, else the DTSTART's TZID, else UTC for a DTSTART ending in Z.
 */
export function parseSchedule(text: string, timeZone = ''): ScheduleResult {
  const input = text.trim();
  if (!input) return { ok: false, reason: 'the schedule is empty' };
  if (input.length > MAX_SCHEDULE_LENGTH)
    return { ok: false, reason: `the schedule is longer than ${MAX_SCHEDULE_LENGTH} characters` };
  let rule = '';
  let zone = timeZone.trim();
  let start: WallTime | undefined;
  let utcStart: number | undefined;
  for (const line of input.split(/\s+|\\n/).filter(Boolean)) {
    const dt = DTSTART.exec(line);
    if (dt) {
      const wall = parseBasic(dt[2]!);
      if (!wall) return { ok: false, reason: `"${line.slice(0, 60)}" is not a valid DTSTART` };
      if (dt[3]) utcStart = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
      else start = wall;
      if (!zone && dt[1]) zone = dt[1];
      if (!zone && dt[3]) zone = 'UTC';
      continue;
    }
    const value = line.replace(/^RRULE:/i, '');
    if (value.split(';').every((part) => RULE_PART.test(part)) && /(^|;)FREQ=/i.test(value)) {
      if (rule) return { ok: false, reason: 'one RRULE only' };
      rule = value.toUpperCase();
      continue;
    }
    return { ok: false, reason: `can't read "${line.slice(0, 60)}": expected DTSTART or RRULE` };
  }
  if (!rule) return { ok: false, reason: 'no RRULE (e.g. FREQ=WEEKLY;BYDAY=TU,FR;BYHOUR=20)' };
  if (/(^|;)(DTSTART|TZID)=/i.test(rule)) return { ok: false, reason: 'put DTSTART on its own line' };
  if (!zone) return { ok: false, reason: 'no time zone: set time-zone (e.g. Asia/Shanghai) or DTSTART;TZID=…' };
  if (!isTimeZone(zone)) return { ok: false, reason: `unknown time zone "${zone.slice(0, 60)}"` };
  if (utcStart !== undefined) start = wallTimeIn(utcStart, zone);
  if (!start && !/(^|;)BYHOUR=/.test(rule))
    return { ok: false, reason: 'give the time: BYHOUR (and BYMINUTE) or a DTSTART' };
  return { ok: true, schedule: { rule, zone, ...(start && { start }) } };
}

function parseBasic(text: string): WallTime | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  return { year, month, day, hour, minute, second };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall time in `zone` at the UTC instant `utc` (ms). */
export function wallTimeIn(utc: number, zone: string): WallTime {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(utc)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

function wallMs(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The zone's offset from UTC at the instant `utc`, ms (e.g. +8 h for Asia/Shanghai). */
export function zoneOffset(utc: number, zone: string): number {
  return wallMs(wallTimeIn(utc, zone)) - Math.floor(utc / 1000) * 1000;
}

/**
 * The UTC instant of a wall time in `zone`, as RFC 5545 reads local times: a time that occurs twice
 * (clocks going back) is the first one; a time that doesn't exist (clocks going forward) is read with
 * the offset from before the gap, so 02:30 on a spring-forward night is 03:30 new time.
 */
export function zonedTimeToUtc(wall: WallTime, zone: string): number {
  const local = wallMs(wall);
  const day = 86_400_000;
  const before = zoneOffset(local - day, zone);
  const after = zoneOffset(local + day, zone);
  const first = local - before;
  const second = local - after;
  const firstOk = zoneOffset(first, zone) === before;
  const secondOk = zoneOffset(second, zone) === after;
  if (firstOk && secondOk) return Math.min(first, second);
  if (firstOk) return first;
  if (secondOk) return second;
  return first;
}

export interface Occurrence {
  /** UTC ms of the start. */
  start: number;
  /** True when `now` is within [start, start + duration). */
  current: boolean;
}

type RRuleModule = typeof import('rrule');

let rrule: Promise<RRuleModule> | undefined;
/** rrule is CommonJS under Node and ESM in bundlers: take its exports from either shape. */
function loadRRule(): Promise<RRuleModule> {
  rrule ??= import('rrule').then((m) =>
    (m as { rrulestr?: unknown }).rrulestr ? m : (m as { default: RRuleModule }).default,
  );
  return rrule;
}

function basic(wall: WallTime): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(wall.year, 4)}${p(wall.month)}${p(wall.day)}T${p(wall.hour)}${p(wall.minute)}${p(wall.second)}`;
}

function fromFloating(date: Date): WallTime {
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

/**
 * The occurrence a viewer should see at `now`: the one in progress (started less than `durationMs`
 * ago), else the next one. Undefined when the rule has no more occurrences. Throws on a bad rule.
 */
export async function nextOccurrence(
  schedule: Schedule,
  now: number,
  durationMs: number,
): Promise<Occurrence | undefined> {
  const { rrulestr } = await loadRRule();
  const nowWall = wallTimeIn(now, schedule.zone);
  // Without a DTSTART the rule starts a week ago at midnight, so the occurrence in progress is found.
  const start = schedule.start ?? { ...wallTimeIn(now - 8 * 86_400_000, schedule.zone), hour: 0, minute: 0, second: 0 };
  const rule = rrulestr(`DTSTART:${basic(start)}\nRRULE:${schedule.rule}`);
  const floatingNow = new Date(wallMs(nowWall));
  const previous = rule.before(floatingNow, true);
  if (previous) {
    const at = zonedTimeToUtc(fromFloating(previous), schedule.zone);
    if (at <= now && now < at + durationMs) return { start: at, current: true };
  }
  let next = rule.after(floatingNow, false);
  // A wall time in a DST gap can land a moment before `now` once mapped; step past it.
  for (let guard = 0; next && guard < 3; guard++) {
    const at = zonedTimeToUtc(fromFloating(next), schedule.zone);
    if (at > now) return { start: at, current: false };
    next = rule.after(next, false);
  }
  return undefined;
}
