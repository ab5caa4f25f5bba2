import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShopApi } from './index.mjs';

/** @type {Awaited<ReturnType<typeof startShopApi>>} */
let api;
beforeAll(async () => {
  api = await startShopApi();
});
afterAll(() => api.stop());

const url = (/** @type {string} */ shop, /** @type {string} */ endpoint) =>
  `${api.info.origin}/shops/${shop}/${endpoint}`;
const control = (/** @type {string} */ shop, /** @type {unknown} */ body) =>
  fetch(`${api.info.origin}/control/${shop}`, { method: 'POST', body: JSON.stringify(body) });
const post = (/** @type {string} */ target, /** @type {unknown} */ body, viewer = 'v1') =>
  fetch(target, {
    method: 'POST',
    headers: { 'X-LiveHook-Viewer': viewer, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('shop-api', () => {
  it('gives the reward only after the follow, and logs in order', async () => {
    expect((await post(url('a', 'reward'), {})).status).toBe(403);
    expect(await (await post(url('a', 'follow'), {})).json()).toEqual({ followed: true });
    const reward = await (await post(url('a', 'reward'), {})).json();
    expect(reward.code).toBe('LIVE20');
    const { log } = await (await fetch(`${api.info.origin}/control/a`)).json();
    expect(log.map((/** @type {any} */ e) => `${e.endpoint}:${e.status}`)).toEqual([
      'reward:403',
      'follow:200',
      'reward:200',
    ]);
  });

  it('claims once per viewer and sells out', async () => {
    await control('b', { coupon: { id: 'c1', stock: 1 } });
    const first = await (await post(url('b', 'claim'), { coupon: 'c1' }, 'v1')).json();
    const again = await (await post(url('b', 'claim'), { coupon: 'c1' }, 'v1')).json();
    const other = await (await post(url('b', 'claim'), { coupon: 'c1' }, 'v2')).json();
    expect(first).toEqual({ status: 'claimed', code: 'FLASH-1', remaining: 0 });
    expect(again).toEqual(first);
    expect(other).toEqual({ status: 'soldout', remaining: 0 });
  });

  it('rotates the pool when a group expires', async () => {
    await control('c', {
      pool: [
        { href: 'https://t.me/a', ttlMs: 200 },
        { href: 'https://t.me/b', ttlMs: 60_000 },
      ],
    });
    expect((await (await fetch(url('c', 'pool'))).json()).href).toBe('https://t.me/a');
    await new Promise((r) => setTimeout(r, 250));
    expect((await (await fetch(url('c', 'pool'))).json()).href).toBe('https://t.me/b');
  });

  it('injects faults for a number of requests, and answers CORS preflights for loopback only', async () => {
    await control('d', { fault: { endpoint: 'follow', mode: 'error', times: 1 } });
    expect((await post(url('d', 'follow'), {})).status).toBe(500);
    expect((await post(url('d', 'follow'), {})).status).toBe(200);
    await control('d', { fault: { endpoint: 'follow', mode: 'garbage' } });
    await expect((await post(url('d', 'follow'), {})).json()).rejects.toThrow();
    const pre = await fetch(url('d', 'claim'), { method: 'OPTIONS', headers: { Origin: 'http://localhost:8000' } });
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://localhost:8000');
    expect(pre.headers.get('access-control-allow-credentials')).toBe('true');
    const evil = await fetch(url('d', 'claim'), { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect((await control('d', { fault: { endpoint: 'nope', mode: 'error' } })).status).toBe(400);
  });

  it('closes hanging requests on stop', async () => {
    const other = await startShopApi();
    await fetch(`${other.info.origin}/control/e`, {
      method: 'POST',
      body: JSON.stringify({ fault: { endpoint: 'pool', mode: 'hang' } }),
    });
    const hanging = fetch(`${other.info.origin}/shops/e/pool`).then(
      () => 'answered',
      () => 'closed',
    );
    await new Promise((r) => setTimeout(r, 100));
    await other.stop();
    expect(await hanging).toBe('closed');
  });
});
