// Flash coupons: POST /api/claim { viewer, coupon } takes one of a limited quantity, atomically and
// idempotently per viewer; GET /api/coupon?coupon= tells how many are left.

import { generateCode } from '../codes.js';
import { field, type RequestContext, viewerOf } from '../context.js';
import { HttpError, sendJson } from '../http.js';

function couponOf(ctx: RequestContext, body: Record<string, unknown> | undefined) {
  const id = field(ctx, body, 'coupon');
  const coupon = Object.hasOwn(ctx.config.coupons, id) ? ctx.config.coupons[id] : undefined;
  if (!coupon) throw new HttpError(404, `unknown coupon "${id}"`);
  return { id, coupon };
}

function isOpen(coupon: { startsAt?: string; expiresAt?: string }, now = Date.now()): boolean {
  if (coupon.startsAt && now < Date.parse(coupon.startsAt)) return false;
  if (coupon.expiresAt && now >= Date.parse(coupon.expiresAt)) return false;
  return true;
}

export async function claim(ctx: RequestContext): Promise<void> {
  const body = await ctx.body();
  const viewer = viewerOf(ctx, body);
  const { id, coupon } = couponOf(ctx, body);
  if (!isOpen(coupon)) return sendJson(ctx.res, 200, { status: 'expired' });
  const result = await ctx.store.claimCoupon(viewer, id, () => generateCode(coupon.codePrefix ?? id));
  sendJson(ctx.res, 200, {
    status: result.status,
    ...(result.code && { code: result.code }),
    remaining: result.remaining,
    ...(coupon.title && { title: coupon.title }),
    ...(coupon.expiresAt && { expiresAt: coupon.expiresAt }),
  });
}

export async function couponStatus(ctx: RequestContext): Promise<void> {
  const { id, coupon } = couponOf(ctx, undefined);
  const remaining = await ctx.store.couponRemaining(id);
  const status = !isOpen(coupon) ? 'expired' : remaining > 0 ? 'available' : 'soldout';
  sendJson(ctx.res, 200, {
    status,
    remaining,
    quantity: coupon.quantity,
    ...(coupon.expiresAt && { expiresAt: coupon.expiresAt }),
  });
}
