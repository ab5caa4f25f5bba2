import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { mintViewerToken, resolveLiveKit } from './livekit.mjs';

const env = { LIVEKIT_URL: 'wss://lk.example', LIVEKIT_API_KEY: 'key', LIVEKIT_API_SECRET: 'secret' };

describe('resolveLiveKit', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('plays HLS only when nothing is configured', async () => {
    expect(await resolveLiveKit({ env: {}, log: () => {} })).toBeNull();
  });

  it('says why, in one line, when the credentials are incomplete', async () => {
    const lines: string[] = [];
    expect(await resolveLiveKit({ env: { LIVEKIT_URL: env.LIVEKIT_URL }, log: (l) => lines.push(l) })).toBeNull();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('LIVEKIT_API_KEY');
  });

  it('uses LIVEKIT_* from the environment and serves subscribe-only tokens for its one room', async () => {
    const livekit = await resolveLiveKit({ env, log: () => {} });
    expect(livekit?.attributes).toEqual({ url: 'wss://lk.example', tokenUrl: '/livekit/token', room: 'demo' });
    expect(livekit?.connect).toEqual(['https://lk.example']);

    const route = livekit?.tokenRoute;
    if (!route) throw new Error('no token route');
    const app = createServer((req, res) => route(req, res));
    server = app;
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    const address = app.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    const post = (body: unknown) => fetch(url, { method: 'POST', body: JSON.stringify(body) });

    const ok = await post({ room: 'demo', identity: 'alice' });
    expect(ok.status).toBe(200);
    const { token, url: wsUrl } = (await ok.json()) as { token: string; url: string };
    expect(wsUrl).toBe('wss://lk.example');
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({
      iss: 'key',
      sub: 'alice',
      video: { room: 'demo', roomJoin: true, canPublish: false },
    });
    expect((await post({ room: 'other' })).status).toBe(400);
    expect((await fetch(url)).status).toBe(405);
  });
});

describe('mintViewerToken', () => {
  it('signs an HS256 JWT with the API secret', () => {
    const token = mintViewerToken({ apiKey: 'key', apiSecret: 'secret', room: 'demo', identity: 'bob' });
    const [header, payload, signature] = token.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(createHmac('sha256', 'secret').update(`${header}.${payload}`).digest('base64url')).toBe(signature);
    const { nbf, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(exp - nbf).toBeGreaterThan(3000);
  });
});
