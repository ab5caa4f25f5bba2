import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { httpOrigin, resolveLiveKit } from './livekit.mjs';
import { startDemo } from './server.mjs';

const env = { LIVEKIT_URL: 'wss://lk.example', LIVEKIT_API_KEY: 'key', LIVEKIT_API_SECRET: 'secret-for-tests-only' };

describe('resolveLiveKit', () => {
  it('plays HLS only when nothing is configured', async () => {
    expect(await resolveLiveKit({ env: {}, log: () => {} })).toBeNull();
  });

  it('says why, in one line, when the credentials are incomplete', async () => {
    const lines: string[] = [];
    expect(await resolveLiveKit({ env: { LIVEKIT_URL: env.LIVEKIT_URL }, log: (l) => lines.push(l) })).toBeNull();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('LIVEKIT_API_KEY');
  });

  it('uses LIVEKIT_* from the environment; the page asks the reference server for tokens', async () => {
    const livekit = await resolveLiveKit({ env, log: () => {} });
    expect(livekit?.attributes).toEqual({ url: 'wss://lk.example', tokenUrl: '/api/token', room: 'demo' });
    expect(livekit?.credentials).toEqual({
      url: 'wss://lk.example',
      apiKey: 'key',
      apiSecret: env.LIVEKIT_API_SECRET,
      room: 'demo',
    });
    expect(livekit?.httpUrl).toBe('https://lk.example');
    expect(livekit?.connect).toEqual(['https://lk.example']);
    const other = await resolveLiveKit({ env: { ...env, LIVEKIT_ROOM: 'spring' }, log: () => {} });
    expect(other?.attributes.room).toBe('spring');
  });

  it('maps LiveKit URLs to the HTTP origin of their server API', () => {
    expect(httpOrigin('wss://lk.example:7880/rtc')).toBe('https://lk.example:7880');
    expect(httpOrigin('ws://127.0.0.1:7880')).toBe('http://127.0.0.1:7880');
    expect(httpOrigin('ftp://lk.example')).toBeNull();
    expect(httpOrigin('not a url')).toBeNull();
  });
});

describe('the demo with LiveKit credentials', () => {
  let demo: Awaited<ReturnType<typeof startDemo>> | undefined;
  afterEach(async () => {
    await demo?.stop();
    demo = undefined;
  });

  it("mints subscribe-only tokens at the reference server's /api/token for its room, and points the page there", async () => {
    demo = await startDemo({ port: 0, env, log: () => {} });
    const page = await fetch(demo.url);
    const html = await page.text();
    expect(html).toMatch(/<live-player livekit-url="wss:\/\/lk\.example" token-url="\/api\/token" room="demo"/);
    expect(page.headers.get('content-security-policy')).toMatch(/connect-src [^;]*https:\/\/lk\.example/);

    // What <live-player> sends: { room, kind }.
    const post = (body: unknown) =>
      fetch(new URL('/api/token', demo?.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const ok = await post({ room: 'demo', kind: 'viewer' });
    expect(ok.status).toBe(200);
    const { token, url } = (await ok.json()) as { token: string; url: string };
    expect(url).toBe('wss://lk.example');
    const [header, payload, signature] = token.split('.');
    expect(createHmac('sha256', env.LIVEKIT_API_SECRET).update(`${header}.${payload}`).digest('base64url')).toBe(
      signature,
    );
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(claims).toMatchObject({ iss: 'key', video: { room: 'demo', roomJoin: true, canPublish: false } });
    expect(claims.video.canPublishData).toBe(false);
    expect((await post({ room: 'other', kind: 'viewer' })).status).toBe(404);
  });

  it('answers /api/token with 503 when LiveKit is off (HLS only)', async () => {
    demo = await startDemo({ port: 0, env: {}, log: () => {} });
    const answer = await fetch(new URL('/api/token', demo.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ room: 'demo' }),
    });
    expect(answer.status).toBe(503);
    expect(await (await fetch(demo.url)).text()).not.toContain('livekit-url=');
  });
});
