// The documented answer of each endpoint, checked field by field. Anything else is "invalid":
// shown as a retry state, never rendered half-way.
import type { Validation, Validator } from './request.js';

export interface FollowAnswer {
  followed: boolean;
}
export interface Reward {
  code: string;
  title: string;
  /** ISO 8601, or null when the code does not expire. */
  expiresAt: string | null;
  applyUrl?: string;
}
export interface PoolGroup {
  href?: string;
  image?: string;
  expiresAt: string;
}
export type ClaimStatus = 'claimed' | 'soldout' | 'expired';
export interface ClaimAnswer {
  status: ClaimStatus;
  code?: string;
  remaining?: number;
}

const ok = <T>(value: T): Validation<T> => ({ ok: true, value });
const bad = <T>(reason: string): Validation<T> => ({ ok: false, reason });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function shortString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= max;
}
function isDate(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64 && !Number.isNaN(Date.parse(value));
}
/** Codes are typed at checkout: printable, no spaces inside, at most 64 characters. */
const CODE = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u;

export const validateFollow: Validator<FollowAnswer> = (value) => {
  if (!isObject(value) || typeof value.followed !== 'boolean') return bad('expected { followed: boolean }');
  return ok({ followed: value.followed });
};

export const validateReward: Validator<Reward> = (value) => {
  if (!isObject(value)) return bad('expected { code, title, expiresAt, applyUrl? }');
  const { code, title, expiresAt, applyUrl } = value;
  if (typeof code !== 'string' || !CODE.test(code)) return bad('code must be 1–64 letters, digits, ".", "_" or "-"');
  if (!shortString(title, 200)) return bad('title must be a non-empty string of at most 200 characters');
  if (expiresAt !== null && !isDate(expiresAt)) return bad('expiresAt must be an ISO 8601 date or null');
  if (applyUrl !== undefined && applyUrl !== null && !shortString(applyUrl, 2048)) return bad('applyUrl must be a URL');
  return ok({ code, title, expiresAt, ...(typeof applyUrl === 'string' && { applyUrl }) });
};

export const validatePool: Validator<PoolGroup> = (value) => {
  if (!isObject(value)) return bad('expected { href | image, expiresAt }');
  const { href, image, expiresAt } = value;
  const hasHref = href !== undefined && href !== null;
  const hasImage = image !== undefined && image !== null;
  if (!hasHref && !hasImage) return bad('a group needs href or image');
  if (hasHref && !shortString(href, 2048)) return bad('href must be a URL');
  if (hasImage && !shortString(image, 2048)) return bad('image must be a URL');
  if (!isDate(expiresAt)) return bad('expiresAt must be an ISO 8601 date');
  return ok({ ...(hasHref && { href: href as string }), ...(hasImage && { image: image as string }), expiresAt });
};

export const validateClaim: Validator<ClaimAnswer> = (value) => {
  if (!isObject(value)) return bad("expected { status: 'claimed' | 'soldout' | 'expired', code?, remaining? }");
  const { status, code, remaining } = value;
  if (status !== 'claimed' && status !== 'soldout' && status !== 'expired') return bad('unknown status');
  if (code !== undefined && code !== null && (typeof code !== 'string' || !CODE.test(code))) return bad('bad code');
  if (remaining !== undefined && remaining !== null && !(Number.isInteger(remaining) && (remaining as number) >= 0)) {
    return bad('remaining must be a whole number ≥ 0');
  }
  return ok({
    status,
    ...(typeof code === 'string' && { code }),
    ...(typeof remaining === 'number' && { remaining }),
  });
};

/** Remind-me sign-ups: any 2xx is a yes; the body, if any, is ignored. */
export const acceptAnything: Validator<undefined> = () => ok(undefined);
