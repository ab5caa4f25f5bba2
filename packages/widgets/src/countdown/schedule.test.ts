import { describe, expect, it } from 'vitest';
import { nextOccurrence, parseSchedule, wallTimeIn, zonedTimeToUtc } from './schedule.js';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('parseSchedule', () => {
  it('reads DTSTART;TZID + RRULE on separate lines or one line', () => {
    const a = parseSchedule('DTSTART;TZID=Asia/Shanghai:20250107T200000\nRRULE:FREQ=WEEKLY;BYDAY=TU,FR');
    const b = parseSchedule('DTSTART;TZID=Asia/Shanghai:20250107T200000 RRULE:FREQ=WEEKLY;BYDAY=TU,FR');
    expect(a).toEqual(b);
    expect(a.ok && a.schedule).toEqual({
      rule: 'FREQ=WEEKLY;BYDAY=TU,FR',
      zone: 'Asia/Shanghai',
      start: { year: 2025, month: 1, day: 7, hour: 20, minute: 0, second: 0 },
    });
  });

  it('takes the zone from time-zone for a bare rule with BYHOUR', () => {
    const r = parseSchedule('FREQ=WEEKLY;BYDAY=TU,FR;BYHOUR=20;BYMINUTE=0', 'Europe/Berlin');
    expect(r.ok && r.schedule.zone).toBe('Europe/Berlin');
  });

  it.each([
    ['', 'empty'],
    ['FREQ=WEEKLY;BYDAY=TU', 'time zone'],
    ['RRULE:FREQ=WEEKLY;BYDAY=TU;BYHOUR=20', 'time zone'],
    ['DTSTART;TZID=Mars/Olympus:20250107T200000 RRULE:FREQ=WEEKLY', 'unknown time zone'],
    ['DTSTART;TZID=Asia/Shanghai:20251307T200000 RRULE:FREQ=WEEKLY', 'DTSTART'],
    ['<script>alert(1)</script>', "can't read"],
    ['FREQ=WEEKLY;BYDAY=TU', 'time'],
  ])('refuses %j', (text, reason) => {
    const r = parseSchedule(text, text === 'FREQ=WEEKLY;BYDAY=TU' && reason === 'time' ? 'UTC' : '');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(reason);
  });
});

describe('zone arithmetic', () => {
  it('maps wall times to UTC in zones with and without DST', () => {
    const w = (year: number, month: number, day: number, hour: number, minute = 0) => ({
      year,
      month,
      day,
      hour,
      minute,
      second: 0,
    });
    expect(iso(zonedTimeToUtc(w(2026, 3, 10, 20), 'Asia/Shanghai'))).toBe('2026-03-10T12:00:00.000Z');
    expect(iso(zonedTimeToUtc(w(2026, 3, 6, 20), 'America/New_York'))).toBe('2026-03-07T01:00:00.000Z'); // EST
    expect(iso(zonedTimeToUtc(w(2026, 3, 10, 20), 'America/New_York'))).toBe('2026-03-11T00:00:00.000Z'); // EDT
    expect(iso(zonedTimeToUtc(w(2026, 3, 27, 20), 'Europe/Berlin'))).toBe('2026-03-27T19:00:00.000Z'); // CET
    expect(iso(zonedTimeToUtc(w(2026, 3, 31, 20), 'Europe/Berlin'))).toBe('2026-03-31T18:00:00.000Z'); // CEST
    // Spring-forward gap: 02:30 does not exist in New York on 2026-03-08; read with the old offset → 03:30 EDT.
    expect(iso(zonedTimeToUtc(w(2026, 3, 8, 2, 30), 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
    // Fall-back overlap: 01:30 happens twice on 2026-11-01; the first (EDT) is meant.
    expect(iso(zonedTimeToUtc(w(2026, 11, 1, 1, 30), 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(wallTimeIn(Date.parse('2026-03-11T00:00:00Z'), 'America/New_York')).toMatchObject({ day: 10, hour: 20 });
  });
});

describe('nextOccurrence', () => {
  const hour = 3_600_000;
  const tuFr = (zone: string) => {
    const r = parseSchedule(`DTSTART;TZID=${zone}:20260106T200000\nRRULE:FREQ=WEEKLY;BYDAY=TU,FR`);
    if (!r.ok) throw new Error(r.reason);
    return r.schedule;
  };

  it('every Tuesday and Friday 20:00 Asia/Shanghai (no DST)', async () => {
    const next = await nextOccurrence(tuFr('Asia/Shanghai'), Date.parse('2026-03-07T00:00:00Z'), hour);
    expect(iso(next?.start)).toBe('2026-03-10T12:00:00.000Z');
  });

  it('crosses the US spring-forward: the next Tuesday 20:00 New York is 00:00 UTC, not 01:00', async () => {
    const s = tuFr('America/New_York');
    expect(iso((await nextOccurrence(s, Date.parse('2026-03-06T12:00:00Z'), hour))?.start)).toBe(
      '2026-03-07T01:00:00.000Z',
    );
    expect(iso((await nextOccurrence(s, Date.parse('2026-03-07T12:00:00Z'), hour))?.start)).toBe(
      '2026-03-11T00:00:00.000Z',
    );
  });

  it('crosses the EU spring-forward in Berlin', async () => {
    const s = tuFr('Europe/Berlin');
    expect(iso((await nextOccurrence(s, Date.parse('2026-03-28T00:00:00Z'), hour))?.start)).toBe(
      '2026-03-31T18:00:00.000Z',
    );
  });

  it('reports the occurrence in progress during the stream', async () => {
    const s = tuFr('Asia/Shanghai');
    const during = await nextOccurrence(s, Date.parse('2026-03-10T12:30:00Z'), hour);
    expect(during).toEqual({ start: Date.parse('2026-03-10T12:00:00Z'), current: true });
    const after = await nextOccurrence(s, Date.parse('2026-03-10T13:30:00Z'), hour);
    expect(after).toEqual({ start: Date.parse('2026-03-13T12:00:00Z'), current: false });
  });

  it('works from BYHOUR without DTSTART', async () => {
    const r = parseSchedule('RRULE:FREQ=WEEKLY;BYDAY=TU,FR;BYHOUR=20;BYMINUTE=0', 'America/New_York');
    if (!r.ok) throw new Error(r.reason);
    const next = await nextOccurrence(r.schedule, Date.parse('2026-03-07T12:00:00Z'), hour);
    expect(iso(next?.start)).toBe('2026-03-11T00:00:00.000Z');
  });

  it('ends when the rule ends', async () => {
    const r = parseSchedule('DTSTART;TZID=UTC:20200101T100000 RRULE:FREQ=DAILY;COUNT=2');
    if (!r.ok) throw new Error(r.reason);
    expect(await nextOccurrence(r.schedule, Date.parse('2026-01-01T00:00:00Z'), hour)).toBeUndefined();
  });
});
