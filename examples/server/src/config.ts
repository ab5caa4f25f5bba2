// The server's options, their defaults, and the checks that turn a typo into a clear startup error.
import type { OriginRule } from './http.js';
import type { RateLimit } from './rate-limit.js';
import type { Store } from './store.js';

export interface RoomConfig {
  /** The LiveKit room name / stream id used in events. */
  id: string;
  title?: string;
  /** ISO 8601 start, for the calendar file. */
  startsAt?: string;
  durationMinutes?: number;
  /** The shop page where the stream plays, put in the calendar entry. */
  url?: string;
}

export interface CampaignConfig {
  /** Shown with the code, e.g. "10% off your first order". */
  title: string;
  /** Codes from the shop's own system, handed out one per viewer; without them codes are generated. */
  codes?: string[];
  /** Prefix of generated codes (default: the campaign id in capitals). */
  codePrefix?: string;
  /** ISO 8601 expiry of the reward; or `validDays` after it is issued. */
  expiresAt?: string;
  validDays?: number;
  /** Where the viewer applies the code (the shop's cart). */
  applyUrl?: string;
}

export interface CouponConfig {
  /** How many exist. Fixed at the first start: a running coupon keeps its remaining count. */
  quantity: number;
  title?: string;
  /** Claims before this time are refused as `expired` too (not yet open). */
  startsAt?: string;
  expiresAt?: string;
  codePrefix?: string;
}

export interface GroupEntry {
  /** A join link (WhatsApp / LINE / Telegram / a WeCom contact-me link) … */
  href?: string;
  /** … or a QR code image URL (WeChat group codes, which expire after 7 days). */
  image?: string;
  expiresAt: string;
  /** Hand it to at most this many viewers (a WeChat group is full at 200), then use the next. */
  capacity?: number;
}

export interface LiveKitConfig {
  /** wss:// URL the players connect to (returned with each token). */
  url: string;
  apiKey: string;
  apiSecret: string;
  /** Token lifetime, e.g. '1h'. */
  ttl?: string;
}

export type RateLimitName = 'token' | 'follow' | 'reward' | 'claim' | 'remind' | 'group' | 'events';

export interface ReferenceServerOptions {
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. Use 0.0.0.0 behind a reverse proxy that terminates TLS. */
  host?: string;
  /** SQLite file (default ./livehook.db); ':memory:' for throwaway runs. Ignored when `store` is given. */
  dbPath?: string;
  /** Pages allowed to call the API from a browser: exact origins, RegExps, or '*' (any; avoid in production). */
  origins?: readonly OriginRule[];
  /** Without it, POST /api/token answers 503. */
  livekit?: LiveKitConfig;
  /** Rooms tokens may be minted for, and the streams reminders and calendar files are for. */
  rooms?: readonly (string | RoomConfig)[];
  campaigns?: Record<string, CampaignConfig>;
  coupons?: Record<string, CouponConfig>;
  /** Join-group link pools, by name. */
  groups?: Record<string, GroupEntry[]>;
  /** Bearer token for /api/admin/* (the report holds contacts). Without it, only loopback clients may read them. */
  adminToken?: string;
  /** Per client address, per route. */
  rateLimits?: Partial<Record<RateLimitName, RateLimit>>;
  /** Largest POST /api/events body, bytes (other endpoints take at most 16 KB). */
  maxEventsBodyBytes?: number;
  /** Read the client address from X-Forwarded-For (only behind your own proxy). */
  trustProxy?: boolean;
  /**
   * Confirms a follow before it is recorded. The reference accepts the viewer's word; a real shop
   * checks with its platform or CRM (an OAuth follow check, a webhook it received, a logged-in customer).
   */
  verifyFollow?: (request: {
    viewer: string;
    campaign: string;
    body: Record<string, unknown>;
  }) => boolean | Promise<boolean>;
  /** Your own Store (PostgreSQL…); default SQLite at `dbPath`. */
  store?: Store;
  log?: (line: string) => void;
}

export const DEFAULT_RATE_LIMITS: Record<RateLimitName, RateLimit> = {
  token: { limit: 30, windowMs: 60_000 }, // a player asks once per join and per reconnect
  follow: { limit: 30, windowMs: 60_000 },
  reward: { limit: 60, windowMs: 60_000 },
  claim: { limit: 30, windowMs: 60_000 }, // a person taps a few times; a script taps thousands
  remind: { limit: 10, windowMs: 60_000 },
  group: { limit: 60, windowMs: 60_000 },
  // Viewers on one mobile carrier share addresses (CGNAT): be generous with the batches.
  events: { limit: 600, windowMs: 60_000 },
};

export interface ResolvedConfig {
  rooms: Map<string, RoomConfig>;
  campaigns: Record<string, CampaignConfig>;
  coupons: Record<string, CouponConfig>;
  groups: Record<string, GroupEntry[]>;
  origins: readonly OriginRule[];
  rateLimits: Record<RateLimitName, RateLimit>;
  maxEventsBodyBytes: number;
}

/** Checks the options once at startup; throws with the path of the first bad value. */
export function resolveConfig(options: ReferenceServerOptions): ResolvedConfig {
  const rooms = new Map<string, RoomConfig>();
  for (const entry of options.rooms ?? []) {
    const room = typeof entry === 'string' ? { id: entry } : entry;
    if (!room.id || typeof room.id !== 'string') throw new Error('rooms: every room needs an id');
    if (room.startsAt !== undefined && Number.isNaN(Date.parse(room.startsAt))) {
      throw new Error(`rooms.${room.id}.startsAt is not an ISO 8601 date`);
    }
    rooms.set(room.id, room);
  }
  for (const [id, coupon] of Object.entries(options.coupons ?? {})) {
    if (!Number.isInteger(coupon.quantity) || coupon.quantity < 0)
      throw new Error(`coupons.${id}.quantity must be a whole number ≥ 0`);
  }
  for (const [id, campaign] of Object.entries(options.campaigns ?? {})) {
    if (!campaign.title) throw new Error(`campaigns.${id}.title is required`);
  }
  for (const [id, pool] of Object.entries(options.groups ?? {})) {
    for (const [i, entry] of pool.entries()) {
      if (!entry.href && !entry.image) throw new Error(`groups.${id}[${i}] needs href or image`);
      if (Number.isNaN(Date.parse(entry.expiresAt)))
        throw new Error(`groups.${id}[${i}].expiresAt is not an ISO 8601 date`);
    }
  }
  if (options.livekit && (!options.livekit.url || !options.livekit.apiKey || !options.livekit.apiSecret)) {
    throw new Error('livekit needs url, apiKey and apiSecret');
  }
  return {
    rooms,
    campaigns: options.campaigns ?? {},
    coupons: options.coupons ?? {},
    groups: options.groups ?? {},
    origins: options.origins ?? [],
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
    maxEventsBodyBytes: options.maxEventsBodyBytes ?? 256 * 1024,
  };
}
