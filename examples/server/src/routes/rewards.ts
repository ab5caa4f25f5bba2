// Follow-to-unlock: POST /api/follow records a confirmed follow; GET|POST /api/reward hands out the
// reward code only when that follow exists — the same code for the same viewer and campaign, every time.

import { generateCode } from '../codes.js';
import type { CampaignConfig } from '../config.js';
import { field, type RequestContext, viewerOf } from '../context.js';
import { HttpError, sendJson } from '../http.js';

function campaignOf(ctx: RequestContext, body: Record<string, unknown> | undefined): [string, CampaignConfig] {
  const id = field(ctx, body, 'campaign');
  const campaign = Object.hasOwn(ctx.config.campaigns, id) ? ctx.config.campaigns[id] : undefined;
  if (!campaign) throw new HttpError(404, `unknown campaign "${id}"`);
  return [id, campaign];
}

export async function follow(ctx: RequestContext): Promise<void> {
  const body = await ctx.body();
  const viewer = viewerOf(ctx, body);
  const [campaign] = campaignOf(ctx, body);
  const verify = ctx.options.verifyFollow;
  if (verify && !(await verify({ viewer, campaign, body }))) {
    throw new HttpError(403, 'the follow could not be confirmed');
  }
  await ctx.store.recordFollow(viewer, campaign);
  sendJson(ctx.res, 200, { followed: true });
}

export async function reward(ctx: RequestContext): Promise<void> {
  const body = ctx.req.method === 'POST' ? await ctx.body() : undefined;
  const viewer = viewerOf(ctx, body);
  const [id, campaign] = campaignOf(ctx, body);
  if (!(await ctx.store.hasFollow(viewer, id))) {
    throw new HttpError(403, 'follow first: no confirmed follow for this viewer and campaign');
  }
  const record = await ctx.store.reward(viewer, id, (issued) =>
    campaign.codes ? campaign.codes[issued] : generateCode(campaign.codePrefix ?? id),
  );
  if (!record) throw new HttpError(410, 'all reward codes of this campaign have been handed out');
  const expiresAt =
    campaign.expiresAt ??
    new Date(Date.parse(record.issuedAt) + (campaign.validDays ?? 7) * 24 * 3600_000).toISOString();
  sendJson(ctx.res, 200, {
    code: record.code,
    title: campaign.title,
    expiresAt,
    ...(campaign.applyUrl && { applyUrl: campaign.applyUrl }),
  });
}
