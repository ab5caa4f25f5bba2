// @ts-check
// The token endpoint in Node: real HTTP on loopback, tokens checked with livekit-server-sdk.
import { TokenVerifier } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTokenServer } from './token-server.mjs';

const apiKey = 'devkey';
const apiSecret = 'secret';
/** @type {import('./token-server.mjs').TokenServer} */
let server;
/** @type {unknown[]} */
const controlCalls = [];

beforeAll(async () => {
  server = await startTokenServer({
    wsUrl: 'ws://127.0.0.1:7880',
    apiKey,
    apiSecret,
    rooms: ['demo'],
    control: { data: (body) => controlCalls.push(body) },
  });
});
afterAll(() => server.stop());

/** @param {string} body @param {string} [query] @param {Record<string, string>} [headers] */
const post = (body, query = '', headers = {}) =>
  fetch(server.tokenUrl + query, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

describe('token endpoint', () => {
  it('mints subscribe-only viewer tokens', async () => {
    const res = await post(JSON.stringify({ room: 'demo', identity: 'alice' }));
    expect(res.status).toBe(200);
    const { token, url } = await res.json();
    expect(url).toBe('ws://127.0.0.1:7880');
    const claims = await new TokenVerifier(apiKey, apiSecret).verify(token);
    expect(claims.sub).toBe('alice');
    expect(claims.video).toMatchObject({
      roomJoin: true,
      room: 'demo',
      canSubscribe: true,
      canPublish: false,
      canPublishData: false,
    });
    expect(claims.video?.roomAdmin).toBeFalsy();
    expect(claims.video?.canPublishSources).toBeUndefined();
  });

  it('gives each viewer without an identity its own', async () => {
    const a = await (await post('{"room":"demo"}')).json();
    const b = await (await post('{"room":"demo"}')).json();
    const verifier = new TokenVerifier(apiKey, apiSecret);
    expect((await verifier.verify(a.token)).sub).not.toBe((await verifier.verify(b.token)).sub);
  });

  it('mints data-only tokens on request', async () => {
    const { token } = await (await post('{"room":"demo"}', '?kind=data-only')).json();
    const claims = await new TokenVerifier(apiKey, apiSecret).verify(token);
    expect(claims.video).toMatchObject({ canSubscribe: false, canPublish: false, canPublishData: false });
  });

  it('answers 400 with a reason to bad requests', async () => {
    for (const [body, reason] of [
      ['{"room": ', /not valid JSON/],
      ['{"room":"nope"}', /unknown room "nope"/],
      ['{}', /missing "room"/],
      ['{"room":"demo","identity":7}', /identity/],
      ['{"room":"demo","kind":"admin"}', /unknown kind/],
    ]) {
      const res = await post(/** @type {string} */ (body));
      expect(res.status, String(body)).toBe(400);
      expect((await res.json()).error).toMatch(reason);
    }
  });

  it('fails on demand, per request and sticky', async () => {
    expect((await post('{"room":"demo"}', '?fail=401')).status).toBe(401);
    expect((await post('{"room":"demo"}', '?fail=500')).status).toBe(500);
    const garbage = await post('{"room":"demo"}', '?fail=garbage');
    expect(garbage.status).toBe(200);
    await expect(garbage.json()).rejects.toThrow();
    expect(await (await post('{"room":"demo"}', '?fail=wrong-shape')).json()).toEqual({ tokn: 42 });
    const abort = new AbortController();
    const hung = await Promise.race([
      fetch(`${server.tokenUrl}?fail=hang`, { method: 'POST', body: '{}', signal: abort.signal }).then(
        () => 'answered',
      ),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 500)),
    ]);
    abort.abort();
    expect(hung).toBe('still waiting');

    const control = (/** @type {object} */ body) =>
      fetch(`${server.controlUrl}/token-mode`, { method: 'POST', body: JSON.stringify(body) });
    expect((await control({ fail: '500', times: 2 })).status).toBe(200);
    expect((await post('{"room":"demo"}')).status).toBe(500);
    expect((await post('{"room":"demo"}')).status).toBe(500);
    expect((await post('{"room":"demo"}')).status).toBe(200);
    await control({ fail: '401' });
    expect((await post('{"room":"demo"}')).status).toBe(401);
    await control({ fail: null });
    expect((await post('{"room":"demo"}')).status).toBe(200);
    expect((await control({ fail: 'explode' })).status).toBe(400);
  });

  it('allows loopback origins only (CORS)', async () => {
    const pre = await fetch(server.tokenUrl, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:8000', 'Access-Control-Request-Method': 'POST' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://localhost:8000');
    const foreign = await post('{"room":"demo"}', '', { Origin: 'https://evil.example' });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('routes /control/<name> to its handler and 404s the rest', async () => {
    const res = await fetch(`${server.controlUrl}/data`, { method: 'POST', body: '{"topic":"cue","payload":"hi"}' });
    expect(await res.json()).toEqual({ ok: true, result: 1 });
    expect(controlCalls).toEqual([{ topic: 'cue', payload: 'hi' }]);
    expect((await fetch(`${server.controlUrl}/nope`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${server.controlUrl}/stats`)).ok).toBe(true);
  });
});
