// POST /api/events { events: LeadEvent[] } → { accepted, duplicates, rejected: [{ index, id?, reason }] }.
// Every event is checked on its own: the bad ones are refused with a reason, the good ones kept, duplicates dropped by id.
import { checkEvent, EVENT_LIMITS, type StoredEvent } from '../catalogue.js';
import type { RequestContext } from '../context.js';
import { HttpError, sendJson } from '../http.js';

export async function collect(ctx: RequestContext): Promise<void> {
  const body = await ctx.body(ctx.config.maxEventsBodyBytes);
  const events = body.events;
  if (!Array.isArray(events)) throw new HttpError(400, 'body must be { "events": [ … ] }');
  if (events.length > EVENT_LIMITS.maxEventsPerBatch) {
    throw new HttpError(413, `at most ${EVENT_LIMITS.maxEventsPerBatch} events per batch`);
  }
  const now = Date.now();
  const good: StoredEvent[] = [];
  const rejected: { index: number; id?: string; reason: string }[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  events.forEach((value, index) => {
    const check = checkEvent(value, now);
    if (!check.ok) {
      rejected.push({ index, ...(check.id && { id: check.id }), reason: check.reason });
      return;
    }
    if (seen.has(check.event.id)) {
      duplicates++;
      return;
    }
    seen.add(check.event.id);
    good.push(check.event);
  });
  const stored = good.length > 0 ? await ctx.store.insertEvents(good) : [];
  const accepted = stored.filter(Boolean).length;
  duplicates += stored.length - accepted;
  sendJson(ctx.res, 200, { accepted, duplicates, rejected });
}
