// @ts-check
// What the demo shop sells during its stream, as the reference server is told: the room, the
// follow-to-unlock reward, the fan-group pool, the flash coupon and the next stream's time.
// The shop page (examples/script-tag/index.html) names the same ids in its widgets' attributes.

export const FUNNEL = /** @type {const} */ ({
  /** The stream id in lead events and the report. */
  room: 'demo',
  /** <live-follow-unlock campaign="…">: a ¥20 code, revealed only after the follow. */
  campaign: 'follow-20',
  /** <live-group-qr pool-url="/api/group?pool=…">. */
  pool: 'vip',
  /** The flash coupon the host opens from the console, and its stock. */
  coupon: 'flash50',
  couponQuantity: 50,
  /** How long an opened flash coupon lasts, seconds. */
  couponSeconds: 600,
  /** The <live-coupon> element's id: the cue target. */
  couponTarget: 'flash-coupon',
});

/** The page's <live-countdown schedule>: every Tuesday and Friday, 20:00 Shanghai time (UTC+8, no DST). */
const NEXT_STREAM_DAYS = new Set([2, 5]);
const NEXT_STREAM_UTC_HOUR = 12;

/**
 * The next start of the weekly stream after `now`, for the reference server's calendar file.
 * @param {number} now ms
 * @returns {string} ISO 8601
 */
export function nextStreamStart(now) {
  const day = new Date(now);
  for (let i = 0; i <= 7; i++) {
    const start = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + i, NEXT_STREAM_UTC_HOUR);
    if (NEXT_STREAM_DAYS.has(new Date(start).getUTCDay()) && start > now) return new Date(start).toISOString();
  }
  throw new Error('unreachable: a Tuesday or a Friday is always within a week');
}

/** Everyone trying the demo on this machine shares one client address (loopback), and so does the test
 * run: the production limits (per address, see DEFAULT_RATE_LIMITS) would trip over a few tabs. */
const DEMO_LIMIT = { limit: 1000, windowMs: 60_000 };

/**
 * Options for `createReferenceHandler` (examples/server).
 * @param {object} options
 * @param {string} options.origin where the shop page is served, e.g. http://127.0.0.1:8080
 * @param {string} options.joinOrigin where a phone reaches this machine (the LAN address when listening on all interfaces)
 * @param {string} options.dbPath SQLite file
 * @param {{ url: string, apiKey: string, apiSecret: string, room: string } | null} options.livekit
 * @param {number} [options.now]
 * @param {(line: string) => void} [options.log]
 * @returns {import('../server/src/config.ts').ReferenceServerOptions}
 */
export function referenceOptions({ origin, joinOrigin, dbPath, livekit, now = Date.now(), log }) {
  const rooms = [
    {
      id: FUNNEL.room,
      title: "Lin's tea table, live · 林老师茶席直播",
      startsAt: nextStreamStart(now),
      durationMinutes: 90,
      url: `${origin}/`,
    },
  ];
  if (livekit && livekit.room !== FUNNEL.room) rooms.push({ ...rooms[0], id: livekit.room });
  return {
    dbPath,
    rooms,
    ...(livekit && { livekit: { url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret } }),
    campaigns: {
      [FUNNEL.campaign]: { title: '¥20 off your order · 下单立减 ¥20', codePrefix: 'FOLLOW20', validDays: 7 },
    },
    groups: {
      // A real pool lists WeCom / WhatsApp / LINE invite links or WeChat group QR images, each with its
      // expiry and capacity. The demo's "group" is a page of its own, so opening or scanning it works here.
      [FUNNEL.pool]: [
        {
          href: `${joinOrigin}/join/${FUNNEL.pool}`,
          expiresAt: new Date(now + 7 * 24 * 3600_000).toISOString(),
          capacity: 200,
        },
      ],
    },
    coupons: {
      [FUNNEL.coupon]: { quantity: FUNNEL.couponQuantity, title: '¥50 off orders over ¥300', codePrefix: 'FLASH' },
    },
    rateLimits: {
      token: DEMO_LIMIT,
      follow: DEMO_LIMIT,
      reward: DEMO_LIMIT,
      claim: DEMO_LIMIT,
      remind: DEMO_LIMIT,
      group: DEMO_LIMIT,
      events: DEMO_LIMIT,
    },
    ...(log && { log }),
  };
}
