// The demo server without a browser: the reference server mounted at /api/, the host console's cues
// in the stream's playlists, the demo's own pages, and a fresh database per run.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo } from './server.mjs';

type Demo = Awaited<ReturnType<typeof startDemo>>;

const VIEWER = 'test-viewer-0001';

describe('the demo server', () => {
  let demo: Demo;
  const at = (path: string) => new URL(path, demo.url).href;
  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(at(path), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-LiveHook-Viewer': VIEWER, ...headers },
      body: JSON.stringify(body),
    });
  const playlist = async () => (await fetch(at('/stream/720p/index.m3u8'))).text();
  const cuesIn = (text: string) =>
    [...text.matchAll(/X-LIVEHOOK-CUE="([^"]+)"/g)].map((m) => JSON.parse(Buffer.from(m[1], 'base64').toString()));

  beforeAll(async () => {
    demo = await startDemo({ port: 0, log: () => {} });
  });
  afterAll(async () => {
    await demo?.stop();
  });

  it('mounts the reference server: follow, then the reward; the group link is the demo page', async () => {
    expect((await postJson('/api/reward', { campaign: 'follow-20' })).status).toBe(403);
    expect(await (await postJson('/api/follow', { campaign: 'follow-20' })).json()).toEqual({ followed: true });
    const reward = await (await postJson('/api/reward', { campaign: 'follow-20' })).json();
    expect(reward.code).toMatch(/^FOLLOW20/);
    const group = await (await fetch(at('/api/group?pool=vip'), { headers: { 'X-LiveHook-Viewer': VIEWER } })).json();
    expect(group.href).toBe(demo.joinUrl);
    const join = await fetch(group.href);
    expect(join.status).toBe(200);
    expect(await join.text()).toContain('You joined the demo VIP group');
    expect(await (await fetch(at('/api/coupon?coupon=flash50'))).json()).toMatchObject({
      status: 'available',
      remaining: 50,
      quantity: 50,
    });
  });

  it("puts the host's coupon on the stream until it is closed", async () => {
    expect(cuesIn(await playlist())).toEqual([]);
    expect((await fetch(at('/host'))).headers.get('content-security-policy')).toContain("script-src 'self'");

    const opened = await postJson('/host/cues', { action: 'coupon.open' });
    expect(opened.status).toBe(201);
    const { cue, delaySeconds } = await opened.json();
    expect(delaySeconds).toBe(6);
    expect(cue).toMatchObject({
      v: 1,
      type: 'widget.show',
      target: 'flash-coupon',
      data: { coupon: 'flash50', duration: 600, remaining: 50, total: 50 },
    });
    const text = await playlist();
    expect(cuesIn(text)).toEqual([cue]);
    expect(text).toMatch(/#EXT-X-DATERANGE:ID="[^"]+",CLASS="com\.livehook\.cue",START-DATE="[^"]+Z"/);
    // Every rendition carries it, and a HEAD tells the length a GET gets.
    expect(cuesIn(await (await fetch(at('/stream/360p/index.m3u8'))).text())).toEqual([cue]);
    const head = await fetch(at('/stream/720p/index.m3u8'), { method: 'HEAD' });
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(text.length - 200);

    const closed = await (await postJson('/host/cues', { action: 'coupon.close' })).json();
    expect(cuesIn(await playlist())).toEqual([closed.cue]);
    expect(closed.cue).toMatchObject({ type: 'widget.hide', target: 'flash-coupon' });
  });

  it("refuses cues from other pages' origins and unknown actions", async () => {
    expect((await postJson('/host/cues', { action: 'coupon.open' }, { Origin: 'https://evil.example' })).status).toBe(
      403,
    );
    expect((await postJson('/host/cues', { action: 'drop.tables' })).status).toBe(400);
    expect((await fetch(at('/host/cues'))).status).toBe(405);
  });

  it('serves the shop page, the CDN builds and the report', async () => {
    const page = await fetch(demo.url);
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    const html = await page.text();
    for (const tag of ['live-follow-unlock', 'live-group-qr', 'live-countdown', 'live-coupon', 'live-analytics'])
      expect(html).toContain(`<${tag}`);
    expect((await fetch(at('/cdn/widgets/live-widgets.js'))).status).toBe(200);
    expect((await fetch(at('/cdn/player/live-player.js'))).status).toBe(200);
    expect((await fetch(demo.reportUrl)).status).toBe(200);
    expect(demo.reportUrl).toMatch(/\/api\/admin\/report\?room=demo$/);
    expect((await fetch(at('/test/demo.test.ts'))).status).toBe(404);
  });

  it('starts every run on a fresh database and deletes it on stop', async () => {
    const other = await startDemo({ port: 0, log: () => {} });
    expect(other.freshDb).toBe(true);
    expect(other.dbPath).not.toBe(demo.dbPath);
    expect(existsSync(other.dbPath)).toBe(true);
    await other.stop();
    expect(existsSync(other.dbPath)).toBe(false);
  });
});
