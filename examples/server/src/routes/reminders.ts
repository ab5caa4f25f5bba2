// POST /api/remind { contact, kind, consent: true, room, startsAt } → 201; GET /api/calendar.ics?room= → text/calendar.
import { field, type RequestContext } from '../context.js';
import { HttpError, sendJson, sendText } from '../http.js';
import { streamCalendar } from '../ics.js';

const EMAIL = /^[^\s@"<>()]{1,64}@[^\s@"<>()]{1,253}\.[A-Za-z]{2,}$/;
const VIEWER = /^[A-Za-z0-9_-]{8,64}$/;

/** E.164-like: an optional +, then 6–15 digits once spaces, dots, dashes and brackets are removed. */
export function normalisePhone(input: string): string | undefined {
  const compact = input.replace(/[\s().-]/g, '');
  return /^\+?[0-9]{6,15}$/.test(compact) ? compact : undefined;
}

export async function remind(ctx: RequestContext): Promise<void> {
  const body = await ctx.body();
  if (body.consent !== true)
    throw new HttpError(400, '"consent" must be true: the viewer has to agree to be contacted');
  const kind = body.kind;
  if (kind !== 'email' && kind !== 'phone') throw new HttpError(400, '"kind" must be "email" or "phone"');
  const raw = field(ctx, body, 'contact', 254).trim();
  const contact = kind === 'email' ? (EMAIL.test(raw) ? raw.toLowerCase() : undefined) : normalisePhone(raw);
  if (!contact)
    throw new HttpError(
      400,
      kind === 'email' ? '"contact" is not an email address' : '"contact" is not a phone number',
    );
  const room = field(ctx, body, 'room');
  const known = ctx.config.rooms.get(room);
  if (ctx.config.rooms.size > 0 && !known) throw new HttpError(404, `unknown room "${room}"`);
  const startsAt = body.startsAt ?? known?.startsAt;
  if (typeof startsAt !== 'string' || Number.isNaN(Date.parse(startsAt)))
    throw new HttpError(400, '"startsAt" must be an ISO 8601 date-time');
  const header = ctx.req.headers['x-livehook-viewer'];
  const viewer = (Array.isArray(header) ? header[0] : header) ?? body.viewer;
  const locale =
    typeof body.locale === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(body.locale)
      ? body.locale
      : undefined;
  const page = ctx.req.headers.referer ?? ctx.req.headers.origin;
  const added = await ctx.store.addReminder({
    room,
    contact,
    kind,
    startsAt: new Date(startsAt).toISOString(),
    ...(typeof viewer === 'string' && VIEWER.test(viewer) && { viewer }),
    ...(locale && { locale }),
    ...(page && { page: page.slice(0, 2048) }),
    createdAt: new Date().toISOString(),
  });
  sendJson(ctx.res, 201, { subscribed: true, ...(added ? {} : { already: true }) });
}

export async function calendar(ctx: RequestContext): Promise<void> {
  const room = field(ctx, undefined, 'room');
  const stream = ctx.config.rooms.get(room);
  if (!stream) throw new HttpError(404, `unknown room "${room}"`);
  if (!stream.startsAt) throw new HttpError(404, `room "${room}" has no start time`);
  const ics = streamCalendar({
    id: stream.id,
    title: stream.title ?? stream.id,
    startsAt: stream.startsAt,
    durationMinutes: stream.durationMinutes ?? 60,
    ...(stream.url && { url: stream.url }),
    domain: ctx.req.headers.host?.split(':')[0] || 'livehook.local',
  });
  sendText(ctx.res, 200, 'text/calendar; charset=utf-8', ics, {
    'Content-Disposition': `attachment; filename="${stream.id.replace(/[^A-Za-z0-9_-]/g, '_')}.ics"`,
  });
}
