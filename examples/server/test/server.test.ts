// The reference server over real HTTP: coupons under concurrency, rewards behind follows, subscribe-only
// tokens, and a collector that keeps good events, refuses bad ones and never stores a duplicate.
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWN_LEAD_EVENT_TYPES } from '../../../packages/core/src/events/lead-event.js';
import { EVENT_TYPES } from '../src/catalogue.js';
import type { Store } from '../src/store.js';
import { ALLOWED_ORIGIN, event, start, viewerId } from './helpers.js';

type Server = Awaited<ReturnType<typeof start>>;
let server: Server | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const open = { limit: 10_000, windowMs: 60_000 };

describe('flash coupons', () => {
  it('200 concurrent claims on a coupon of 50 give exactly 50 winners', async () => {
    server = await start({ coupons: { flash: { quantity: 50 } }, rateLimits: { claim: open } });
    const viewers = Array.from({ length: 200 }, viewerId);
    const answers = await Promise.all(viewers.map((viewer) => server!.post('/api/claim', { viewer, coupon: 'flash' })));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const winners = answers.filter((a) => a.body.status === 'claimed');
    const losers = answers.filter((a) => a.body.status === 'soldout');
    expect(winners).toHaveLength(50);
    expect(losers).toHaveLength(150);
    expect(new Set(winners.map((w) => w.body.code)).size).toBe(50);
    expect((await server.get('/api/coupon?coupon=flash')).body).toMatchObject({ remaining: 0, status: 'soldout' });
  });

  it('is idempotent per viewer, even for concurrent repeats', async () => {
    server = await start({ coupons: { flash: { quantity: 5 } }, rateLimits: { claim: open } });
    const viewer = viewerId();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => server!.post('/api/claim', { viewer, coupon: 'flash' })),
    );
    expect(new Set(answers.map((a) => a.body.code)).size).toBe(1);
    expect(answers.every((a) => a.body.status === 'claimed')).toBe(true);
    expect((await server.get('/api/coupon?coupon=flash')).body.remaining).toBe(4);
  });

  it('answers expired outside its time window, and 404 for an unknown coupon', async () => {
    server = await start({ coupons: { old: { quantity: 5, expiresAt: '2020-01-01T00:00:00Z' } } });
    expect((await server.post('/api/claim', { viewer: viewerId(), coupon: 'old' })).body).toEqual({
      status: 'expired',
    });
    const unknown = await server.post('/api/claim', { viewer: viewerId(), coupon: 'nope' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatch(/unknown coupon/);
  });
});

describe('follow and rewards', () => {
  const campaigns = { spring: { title: '10% off', applyUrl: 'https://shop.test/cart' }, other: { title: 'Other' } };

  it('never returns a reward without a confirmed follow by that viewer for that campaign', async () => {
    server = await start({ campaigns });
    const alice = viewerId();
    const bob = viewerId();
    const as = (v: string) => ({ 'X-LiveHook-Viewer': v });
    expect((await server.post('/api/reward', { campaign: 'spring' }, as(alice))).status).toBe(403);
    expect((await server.get('/api/reward?campaign=spring', as(alice))).status).toBe(403);
    await server.post('/api/follow', { campaign: 'other' }, as(alice)); // another campaign
    await server.post('/api/follow', { campaign: 'spring' }, as(bob)); // another viewer
    const refused = await server.post('/api/reward', { campaign: 'spring' }, as(alice));
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ error: expect.stringMatching(/follow first/) });
    expect(refused.body.code).toBeUndefined();

    expect((await server.post('/api/follow', { campaign: 'spring' }, as(alice))).body).toEqual({ followed: true });
    const first = await server.post('/api/reward', { campaign: 'spring' }, as(alice));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ title: '10% off', applyUrl: 'https://shop.test/cart' });
    expect(first.body.code).toMatch(/^SPRING-[A-Z2-9]{8}$/);
    expect(Date.parse(first.body.expiresAt)).toBeGreaterThan(Date.now());
    const again = await server.get('/api/reward?campaign=spring', as(alice));
    expect(again.body.code).toBe(first.body.code);
  });

  it("asks verifyFollow before recording, and hands out the shop's own codes in order", async () => {
    server = await start({
      campaigns: { vip: { title: 'VIP', codes: ['CODE-A'] } },
      verifyFollow: ({ body }) => body.proof === 'ok',
    });
    const v = viewerId();
    const w = viewerId();
    expect((await server.post('/api/follow', { campaign: 'vip' }, { 'X-LiveHook-Viewer': v })).status).toBe(403);
    expect((await server.post('/api/reward', { campaign: 'vip' }, { 'X-LiveHook-Viewer': v })).status).toBe(403);
    await server.post('/api/follow', { campaign: 'vip', proof: 'ok' }, { 'X-LiveHook-Viewer': v });
    await server.post('/api/follow', { campaign: 'vip', proof: 'ok' }, { 'X-LiveHook-Viewer': w });
    expect((await server.post('/api/reward', { campaign: 'vip' }, { 'X-LiveHook-Viewer': v })).body.code).toBe(
      'CODE-A',
    );
    expect((await server.post('/api/reward', { campaign: 'vip' }, { 'X-LiveHook-Viewer': w })).status).toBe(410);
  });

  it('needs a viewer id', async () => {
    server = await start({ campaigns });
    const answer = await server.post('/api/follow', { campaign: 'spring' });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatch(/viewer/);
  });
});

describe('viewer tokens', () => {
  const livekit = {
    url: 'ws://127.0.0.1:7880',
    apiKey: 'devkey',
    apiSecret: 'a-secret-that-must-never-leave-the-server',
  };

  it('carry a subscribe-only grant for an allowed room, and never the secret', async () => {
    server = await start({ livekit, rooms: ['spring-sale'] });
    const answer = await server.post('/api/token', { room: 'spring-sale', identity: 'viewer-1' });
    expect(answer.status).toBe(200);
    expect(answer.body.url).toBe(livekit.url);
    expect(JSON.stringify(answer.body)).not.toContain(livekit.apiSecret);
    const [, payload] = (answer.body.token as string).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    expect(claims.sub).toBe('viewer-1');
    expect(claims.iss).toBe('devkey');
    expect(claims.video).toEqual({
      room: 'spring-sale',
      roomJoin: true,
      canSubscribe: true,
      canPublish: false,
      canPublishData: false,
      canUpdateOwnMetadata: false,
    });
    expect(claims.exp - claims.nbf).toBeLessThanOrEqual(3600);
  });

  it('refuses unknown rooms, bad identities, and too many requests', async () => {
    server = await start({ livekit, rooms: ['spring-sale'], rateLimits: { token: { limit: 3, windowMs: 60_000 } } });
    expect((await server.post('/api/token', { room: 'other' })).status).toBe(404);
    expect((await server.post('/api/token', { room: 'spring-sale', identity: 'x'.repeat(200) })).status).toBe(400);
    expect((await server.post('/api/token', { room: 'spring-sale' })).status).toBe(200);
    const limited = await server.post('/api/token', { room: 'spring-sale' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answers 503 when LiveKit is not configured', async () => {
    server = await start({ rooms: ['spring-sale'] });
    expect((await server.post('/api/token', { room: 'spring-sale' })).status).toBe(503);
  });
});

describe('collector', () => {
  const count = async () => (await server!.get('/api/admin/events')).body.count as number;

  it('rejects malformed JSON, oversized bodies and unknown event types without storing anything', async () => {
    server = await start({ maxEventsBodyBytes: 64 * 1024 });
    const malformed = await server.post('/api/events', '{"events": [');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ error: 'body is not valid JSON' });

    const big = { events: Array.from({ length: 400 }, () => event({ data: { note: 'x'.repeat(200) } })) };
    const oversized = await server.post('/api/events', big);
    expect(oversized.status).toBe(413);
    expect(oversized.body.error).toMatch(/larger than/);

    const unknown = await server.post('/api/events', {
      events: [event({ type: 'made.up' }), event({ type: 'custom.' })],
    });
    expect(unknown.status).toBe(200);
    expect(unknown.body.accepted).toBe(0);
    expect(unknown.body.rejected).toEqual([
      { index: 0, id: expect.any(String), reason: 'unknown event type "made.up"' },
      { index: 1, id: expect.any(String), reason: 'unknown event type "custom."' },
    ]);
    expect((await server.post('/api/events', { events: 'nope' })).status).toBe(400);
    expect((await server.post('/api/events', [1, 2])).status).toBe(400);
    expect(await count()).toBe(0);
  });

  it('keeps the good events of a batch and says why each bad one was refused', async () => {
    server = await start();
    const good = [event(), event({ type: 'custom.add-to-cart', data: { sku: 'TEA-1' } })];
    const answer = await server.post('/api/events', {
      events: [
        good[0],
        { ...event(), data: 'text' },
        good[1],
        event({ time: 'yesterday' }),
        event({ id: 'short' }),
        null,
      ],
    });
    expect(answer.body.accepted).toBe(2);
    expect(answer.body.rejected.map((r: { index: number }) => r.index)).toEqual([1, 3, 4, 5]);
    expect(answer.body.rejected[0].reason).toBe('data must be a JSON object');
    const stored = (await server.get('/api/admin/events')).body.events.map((e: { id: string }) => e.id).sort();
    expect(stored).toEqual(good.map((e) => e.id).sort());
  });

  it('drops duplicates by id, within a batch and across batches', async () => {
    server = await start();
    const batch = Array.from({ length: 20 }, () => event());
    expect((await server.post('/api/events', { events: [...batch, batch[0]] })).body).toEqual({
      accepted: 20,
      duplicates: 1,
      rejected: [],
    });
    expect((await server.post('/api/events', { events: batch })).body).toEqual({
      accepted: 0,
      duplicates: 20,
      rejected: [],
    });
    expect(await count()).toBe(20);
  });

  it('takes text/plain bodies (sendBeacon) and refuses other content types', async () => {
    server = await start();
    const beacon = await server.post(
      '/api/events',
      { events: [event()] },
      { 'Content-Type': 'text/plain;charset=UTF-8' },
    );
    expect(beacon.body.accepted).toBe(1);
    expect(
      (await server.post('/api/events', { events: [event()] }, { 'Content-Type': 'application/x-www-form-urlencoded' }))
        .status,
    ).toBe(415);
  });

  it('knows the same catalogue as @livehook/core', () => {
    expect([...EVENT_TYPES].sort()).toEqual([...KNOWN_LEAD_EVENT_TYPES].sort());
  });
});

describe('CORS and errors', () => {
  it('echoes an allowed origin with credentials, and refuses writes from any other', async () => {
    server = await start();
    const ok = await server.post('/api/events', { events: [event()] }, { Origin: ALLOWED_ORIGIN });
    expect(ok.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
    const preflight = await fetch(`${server.url}/api/claim`, {
      method: 'OPTIONS',
      headers: {
        Origin: ALLOWED_ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-livehook-viewer',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/X-LiveHook-Viewer/i);

    const evil = await server.post(
      '/api/events',
      { events: [event()] },
      { Origin: 'https://evil.test', 'Content-Type': 'text/plain' },
    );
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect((await server.get('/api/admin/events')).body.count).toBe(1);

    // Mounted in the shop's own site, the page's own origin needs no listing.
    const same = await server.post('/api/events', { events: [event()] }, { Origin: server.url });
    expect(same.body.accepted).toBe(1);
  });

  it('answers 500 without internals when the store fails, 404/405 with a reason', async () => {
    const broken = new Proxy({} as Store, {
      get: (_t, name) =>
        name === 'ensureCoupon' || name === 'close'
          ? async () => {}
          : async () => {
              throw new Error('SQLITE_CORRUPT at /var/lib/secret/path.db');
            },
    });
    server = await start({ store: broken });
    const answer = await server.post('/api/events', { events: [event()] });
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ error: 'internal error' });
    expect((await server.get('/api/nothing')).status).toBe(404);
    expect((await server.get('/api/claim')).status).toBe(405);
  });
});

describe('reminders', () => {
  const rooms = [
    {
      id: 'spring-sale',
      title: 'Spring tea, live',
      startsAt: '2031-03-01T12:00:00Z',
      durationMinutes: 90,
      url: 'https://shop.test/live',
    },
  ];

  it('stores a consented, valid sign-up and refuses the rest with a reason', async () => {
    server = await start({ rooms });
    const base = { room: 'spring-sale', startsAt: '2031-03-01T12:00:00Z' };
    expect((await server.post('/api/remind', { ...base, contact: 'a@b.co', kind: 'email' })).status).toBe(400);
    expect(
      (await server.post('/api/remind', { ...base, contact: 'a@b.co', kind: 'email', consent: 'yes' })).status,
    ).toBe(400);
    expect(
      (await server.post('/api/remind', { ...base, contact: 'not-an-email', kind: 'email', consent: true })).body.error,
    ).toMatch(/email/);
    expect(
      (await server.post('/api/remind', { ...base, contact: '12', kind: 'phone', consent: true })).body.error,
    ).toMatch(/phone/);
    expect(
      (await server.post('/api/remind', { ...base, room: 'other', contact: 'a@b.co', kind: 'email', consent: true }))
        .status,
    ).toBe(404);
    const ok = await server.post('/api/remind', {
      ...base,
      contact: '+86 138-0013-8000',
      kind: 'phone',
      consent: true,
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({ subscribed: true });
  });

  it('exports an .ics for a stream', async () => {
    server = await start({ rooms });
    const response = await fetch(`${server.url}/api/calendar.ics?room=spring-sale`);
    expect(response.headers.get('content-type')).toMatch(/text\/calendar/);
    const ics = await response.text();
    expect(ics).toContain('DTSTART:20310301T120000Z\r\n');
    expect(ics).toContain('DTEND:20310301T133000Z\r\n');
    expect(ics).toContain('SUMMARY:Spring tea\\, live\r\n');
    expect(ics).toContain('TRIGGER:-PT15M');
  });
});

describe('join-group pools', () => {
  it('hands out a valid link, keeps it per viewer, moves on when one is full', async () => {
    const groups = {
      vip: [
        { href: 'https://chat.test/old', expiresAt: '2020-01-01T00:00:00Z' },
        { href: 'https://chat.test/a', expiresAt: '2099-01-01T00:00:00Z', capacity: 1 },
        { image: 'https://cdn.test/b.png', expiresAt: '2099-01-01T00:00:00Z' },
      ],
    };
    server = await start({ groups });
    const v = viewerId();
    const first = await server.get('/api/group?pool=vip', { 'X-LiveHook-Viewer': v });
    expect(first.body).toEqual({ href: 'https://chat.test/a', expiresAt: '2099-01-01T00:00:00Z' });
    expect((await server.get('/api/group?pool=vip', { 'X-LiveHook-Viewer': v })).body.href).toBe('https://chat.test/a');
    expect((await server.get('/api/group?pool=vip', { 'X-LiveHook-Viewer': viewerId() })).body).toEqual({
      image: 'https://cdn.test/b.png',
      expiresAt: '2099-01-01T00:00:00Z',
    });
    expect((await server.get('/api/group?pool=none', { 'X-LiveHook-Viewer': v })).status).toBe(404);
  });
});

describe('follow-up report', () => {
  it('ranks viewers and splits converted from engaged, with their contact', async () => {
    server = await start({
      rooms: ['r1'],
      coupons: { flash: { quantity: 10 } },
      campaigns: { c: { title: 'C' } },
      adminToken: 'secret-admin',
    });
    const [buyer, asker, watcher] = ['viewer-buyer-01', 'viewer-asker-01', 'viewer-watch-01'];
    const e = (viewer: string, type: string, data = {}) => event({ viewer, type, data, room: 'r1' });
    await server.post('/api/events', {
      events: [
        e(buyer, 'watch.progress', { seconds: 600 }),
        e(buyer, 'coupon.claimed'),
        e(asker, 'watch.progress', { seconds: 1200 }),
        e(asker, 'question.asked'),
        e(asker, 'product.clicked'),
        e(watcher, 'watch.progress', { seconds: 3000 }),
      ],
    });
    await server.post(
      '/api/remind',
      { contact: '=1+1@evil.co', kind: 'email', consent: true, room: 'r1', startsAt: '2031-01-01T00:00:00Z' },
      { 'X-LiveHook-Viewer': asker },
    );
    const auth = { Authorization: 'Bearer secret-admin' };
    expect((await server.get('/api/admin/report.json?room=r1')).status).toBe(401);
    const report = (await server.get('/api/admin/report.json?room=r1', auth)).body;
    expect(report.viewers).toBe(3);
    expect(report.watchedOnly).toBe(1);
    expect(report.converted.map((r: { viewer: string }) => r.viewer)).toEqual([buyer]);
    expect(report.engaged).toMatchObject([
      { viewer: asker, watchMinutes: 20, interactions: 2, questions: 1, contact: '=1+1@evil.co' },
    ]);
    const csv = (await server.get('/api/admin/report.csv?room=r1', auth)).body as string;
    expect(csv.split('\r\n')[0]).toMatch(/^segment,rank,viewer,score,watchMinutes/);
    expect(csv).toContain("'=1+1@evil.co"); // no formula injection in spreadsheets
    const page = (await server.get('/api/admin/report?room=r1', auth)).body as string;
    expect(page).toContain('Converted — invite to the VIP group (1)');
    expect(page).toContain('Engaged, not converted');
  });
});
