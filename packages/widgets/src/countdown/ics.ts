// "Add to calendar": an RFC 5545 .ics file with a reminder, and Google / Outlook.com links.
// Small enough to write here: the `ics` package pulls in yup and nanoid, ical-generator needs Node 22.

export interface CalendarEvent {
  /** Stable id, so adding the same stream twice updates one entry. */
  uid: string;
  /** UTC ms. */
  start: number;
  /** UTC ms. */
  end: number;
  title: string;
  description?: string;
  /** Where to watch (http/https). */
  url?: string;
  /** Minutes before the start for the reminder (0: none). */
  alarmMinutes?: number;
  /** DTSTAMP, UTC ms (defaults to now). */
  stamp?: number;
}

/** `20260311T000000Z` */
export function icsDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline. */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** The .ics text (CRLF line ends) for one event with an optional display alarm. */
export function buildIcs(event: CalendarEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//LiveHook//Widgets//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${icsDate(event.stamp ?? Date.now())}`,
    `DTSTART:${icsDate(event.start)}`,
    `DTEND:${icsDate(event.end)}`,
    `SUMMARY:${escapeText(event.title)}`,
  ];
  const description = [event.description, event.url].filter(Boolean).join('\n\n');
  if (description) lines.push(`DESCRIPTION:${escapeText(description)}`);
  if (event.url) lines.push(`URL:${event.url}`, `LOCATION:${escapeText(event.url)}`);
  const alarm = event.alarmMinutes ?? 0;
  if (alarm > 0) {
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(event.title)}`,
      `TRIGGER:-PT${Math.round(alarm)}M`,
      'END:VALARM',
    );
  }
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** Google Calendar's "create event" link. */
export function googleCalendarUrl(event: CalendarEvent): string {
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: event.title,
    dates: `${icsDate(event.start)}/${icsDate(event.end)}`,
  });
  const details = [event.description, event.url].filter(Boolean).join('\n\n');
  if (details) params.set('details', details);
  if (event.url) params.set('location', event.url);
  return `https://calendar.google.com/calendar/render?${params}`;
}

/** Outlook.com's "compose event" link. */
export function outlookCalendarUrl(event: CalendarEvent): string {
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const params = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: event.title,
    startdt: iso(event.start),
    enddt: iso(event.end),
  });
  const body = [event.description, event.url].filter(Boolean).join('\n\n');
  if (body) params.set('body', body);
  if (event.url) params.set('location', event.url);
  return `https://outlook.live.com/calendar/0/action/compose?${params}`;
}
