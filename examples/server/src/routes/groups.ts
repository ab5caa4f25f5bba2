// GET /api/group?pool= → { href | image, expiresAt }: a join-group link that is still valid and not full.
import type { GroupEntry } from '../config.js';
import { field, type RequestContext, viewerOf } from '../context.js';
import { HttpError, sendJson } from '../http.js';

export async function group(ctx: RequestContext): Promise<void> {
  const viewer = viewerOf(ctx);
  // `?pool=` names the pool; without it, the first configured pool answers (one pool is the usual case).
  const pool = ctx.url.searchParams.get('pool') || Object.keys(ctx.config.groups)[0] || field(ctx, undefined, 'pool');
  const entries: GroupEntry[] | undefined = Object.hasOwn(ctx.config.groups, pool)
    ? ctx.config.groups[pool]
    : undefined;
  if (!entries) throw new HttpError(404, `unknown group pool "${pool}"`);
  const now = Date.now();
  const valid = (i: number) => {
    const entry = entries[i];
    return entry !== undefined && Date.parse(entry.expiresAt) > now + 60_000; // a minute to scan it
  };
  const index = await ctx.store.groupEntry(viewer, pool, {
    keep: valid,
    pick: (handedOut) => {
      const i = entries.findIndex((entry, i) => valid(i) && (handedOut.get(i) ?? 0) < (entry.capacity ?? Infinity));
      return i >= 0 ? i : undefined;
    },
  });
  const entry = index === undefined ? undefined : entries[index];
  if (!entry) throw new HttpError(410, 'no join link is available right now');
  sendJson(ctx.res, 200, {
    ...(entry.href && { href: entry.href }),
    ...(entry.image && { image: entry.image }),
    expiresAt: entry.expiresAt,
  });
}
