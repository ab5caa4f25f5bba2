// The follow-up report, per stream: viewers ranked by engagement, split into "converted — invite to the VIP
// group" and "engaged, not converted — call back", with the contact they gave. HTML, CSV and JSON.
import { timingSafeEqual } from 'node:crypto';
import { field, type RequestContext } from '../context.js';
import { HttpError, isLoopback, sendJson, sendText } from '../http.js';

export interface ReportRow {
  rank: number;
  segment: 'converted' | 'engaged';
  viewer: string;
  /** watch minutes + 3 × interactions: a minute of attention is worth less than one tap on an offer. */
  score: number;
  watchMinutes: number;
  interactions: number;
  questions: number;
  productClicks: number;
  followed: boolean;
  reward?: string;
  coupon?: string;
  groupOpened: boolean;
  contact?: string;
  contactKind?: string;
  firstSeen: string;
  lastSeen: string;
}

export interface Report {
  room: string;
  generatedAt: string;
  viewers: number;
  /** Watched, but did nothing else: not listed. */
  watchedOnly: number;
  converted: ReportRow[];
  engaged: ReportRow[];
}

/** Admin routes hold contacts: a bearer token, or, when none is configured, loopback clients only. */
export function requireAdmin(ctx: RequestContext): void {
  const token = ctx.options.adminToken;
  if (!token) {
    if (isLoopback(ctx.req.socket.remoteAddress ?? '')) return;
    throw new HttpError(401, 'set adminToken to read reports from another machine');
  }
  const given = /^Bearer (.+)$/.exec(ctx.req.headers.authorization ?? '')?.[1] ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b))
    throw new HttpError(401, 'missing or wrong admin token', { 'WWW-Authenticate': 'Bearer' });
}

export async function buildReport(ctx: RequestContext, room: string): Promise<Report> {
  const activity = await ctx.store.activity(room);
  const ids = activity.map((a) => a.viewer);
  const [contacts, follows, rewards, claims] = await Promise.all([
    ctx.store.contacts(ids),
    ctx.store.follows(ids),
    ctx.store.rewardsOf(ids),
    ctx.store.claimsOf(ids),
  ]);
  const rows: Omit<ReportRow, 'rank'>[] = [];
  let watchedOnly = 0;
  for (const a of activity) {
    const coupon = claims.get(a.viewer);
    const converted = a.converted || coupon !== undefined;
    const contact = contacts.get(a.viewer);
    if (!converted && a.interactions === 0 && !contact) {
      watchedOnly++;
      continue;
    }
    const watchMinutes = Math.round(a.watchSeconds / 6) / 10;
    const reward = rewards.get(a.viewer);
    rows.push({
      segment: converted ? 'converted' : 'engaged',
      viewer: a.viewer,
      score: Math.round((watchMinutes + 3 * a.interactions) * 10) / 10,
      watchMinutes,
      interactions: a.interactions,
      questions: a.questions,
      productClicks: a.productClicks,
      followed: follows.has(a.viewer),
      ...(reward && { reward }),
      ...(coupon && { coupon }),
      groupOpened: a.groupOpened,
      ...(contact && { contact: contact.contact, contactKind: contact.kind }),
      firstSeen: a.firstSeen,
      lastSeen: a.lastSeen,
    });
  }
  rows.sort((x, y) => y.score - x.score || x.viewer.localeCompare(y.viewer));
  const ranked = (segment: ReportRow['segment']) =>
    rows.filter((r) => r.segment === segment).map((r, i) => ({ rank: i + 1, ...r }));
  return {
    room,
    generatedAt: new Date().toISOString(),
    viewers: activity.length,
    watchedOnly,
    converted: ranked('converted'),
    engaged: ranked('engaged'),
  };
}

export async function adminEvents(ctx: RequestContext): Promise<void> {
  requireAdmin(ctx);
  const room = ctx.url.searchParams.get('room') ?? undefined;
  const limit = Math.min(Number(ctx.url.searchParams.get('limit') ?? 10_000) || 10_000, 100_000);
  const events = await ctx.store.events({ ...(room !== undefined && { room }), limit });
  sendJson(ctx.res, 200, { count: await ctx.store.countEvents(room !== undefined ? { room } : {}), events });
}

export async function reportJson(ctx: RequestContext): Promise<void> {
  requireAdmin(ctx);
  sendJson(ctx.res, 200, await buildReport(ctx, field(ctx, undefined, 'room')));
}

const CSV_COLUMNS: (keyof ReportRow)[] = [
  'segment',
  'rank',
  'viewer',
  'score',
  'watchMinutes',
  'interactions',
  'questions',
  'productClicks',
  'followed',
  'reward',
  'coupon',
  'groupOpened',
  'contact',
  'contactKind',
  'firstSeen',
  'lastSeen',
];

export async function reportCsv(ctx: RequestContext): Promise<void> {
  requireAdmin(ctx);
  const room = field(ctx, undefined, 'room');
  const report = await buildReport(ctx, room);
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of [...report.converted, ...report.engaged])
    lines.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
  sendText(ctx.res, 200, 'text/csv; charset=utf-8', `${lines.join('\r\n')}\r\n`, {
    'Content-Disposition': `attachment; filename="follow-up-${room.replace(/[^A-Za-z0-9_-]/g, '_')}.csv"`,
  });
}

/** Quotes when needed, and defuses spreadsheet formulas (a contact like "=HYPERLINK(…)"). */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function reportPage(ctx: RequestContext): Promise<void> {
  requireAdmin(ctx);
  const room = ctx.url.searchParams.get('room');
  if (!room) {
    const rooms = await ctx.store.rooms();
    const items = rooms.map((r) => `<li><a href="?room=${encodeURIComponent(r)}">${esc(r)}</a></li>`).join('');
    return sendHtml(
      ctx,
      'Follow-up reports',
      `<h1>Follow-up reports</h1><ul>${items || '<li>No events yet.</li>'}</ul>`,
    );
  }
  const report = await buildReport(ctx, room);
  const table = (rows: ReportRow[]) =>
    rows.length === 0
      ? '<p class="empty">Nobody yet.</p>'
      : `<table><thead><tr><th>#</th><th>Viewer</th><th>Contact</th><th>Watched (min)</th><th>Interactions</th><th>Questions</th><th>Product clicks</th><th>Followed</th><th>Reward</th><th>Coupon</th><th>Group opened</th><th>Last seen</th></tr></thead><tbody>${rows
          .map(
            (r) =>
              `<tr><td>${r.rank}</td><td><code>${esc(r.viewer.slice(0, 8))}</code></td><td>${esc(r.contact ?? '—')}</td><td>${r.watchMinutes}</td><td>${r.interactions}</td><td>${r.questions}</td><td>${r.productClicks}</td><td>${r.followed ? 'yes' : ''}</td><td>${esc(r.reward ?? '')}</td><td>${esc(r.coupon ?? '')}</td><td>${r.groupOpened ? 'yes' : ''}</td><td>${esc(r.lastSeen.slice(0, 16).replace('T', ' '))}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const csv = `report.csv?room=${encodeURIComponent(room)}`;
  sendHtml(
    ctx,
    `Follow-up: ${room}`,
    `<h1>Follow-up: ${esc(room)}</h1>
<p>${report.viewers} viewers sent events; ${report.watchedOnly} only watched. <a href="${esc(csv)}">Download CSV</a></p>
<h2>Converted — invite to the VIP group (${report.converted.length})</h2>${table(report.converted)}
<h2>Engaged, not converted — call back within 24 hours (${report.engaged.length})</h2>${table(report.engaged)}`,
  );
}

function sendHtml(ctx: RequestContext, title: string, body: string): void {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>
body{font:14px/1.5 system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;width:100%;margin-bottom:2rem}
th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left}th{background:#f6f6f6}.empty{color:#777}
</style></head><body>${body}</body></html>`;
  sendText(ctx.res, 200, 'text/html; charset=utf-8', page, {
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'Referrer-Policy': 'no-referrer',
  });
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
