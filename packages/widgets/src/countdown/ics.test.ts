import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine, googleCalendarUrl, icsDate, outlookCalendarUrl } from './ics.js';

const event = {
  uid: 'room-1-20260311T000000Z@livehook',
  start: Date.parse('2026-03-11T00:00:00Z'),
  end: Date.parse('2026-03-11T01:00:00Z'),
  title: 'Spring sale; 春季特卖, live',
  description: 'Gifts for the first 50 orders',
  url: 'https://shop.example/live',
  alarmMinutes: 15,
  stamp: Date.parse('2026-03-01T00:00:00Z'),
};

describe('.ics', () => {
  it('writes a VEVENT in UTC with a display alarm, CRLF line ends', () => {
    const text = buildIcs(event);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain('\r\nDTSTART:20260311T000000Z\r\n');
    expect(text).toContain('\r\nDTEND:20260311T010000Z\r\n');
    expect(text).toContain('\r\nSUMMARY:Spring sale\\; 春季特卖\\, live\r\n');
    expect(text).toContain('BEGIN:VALARM\r\nACTION:DISPLAY\r\n');
    expect(text).toContain('TRIGGER:-PT15M');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'直播'.repeat(40)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('escapes TEXT values', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    expect(icsDate(Date.parse('2026-03-11T00:00:00.123Z'))).toBe('20260311T000000Z');
  });

  it('builds Google and Outlook links', () => {
    const google = new URL(googleCalendarUrl(event));
    expect(google.origin).toBe('https://calendar.google.com');
    expect(google.searchParams.get('dates')).toBe('20260311T000000Z/20260311T010000Z');
    expect(google.searchParams.get('text')).toBe(event.title);
    const outlook = new URL(outlookCalendarUrl(event));
    expect(outlook.searchParams.get('startdt')).toBe('2026-03-11T00:00:00Z');
    expect(outlook.searchParams.get('subject')).toBe(event.title);
  });
});
