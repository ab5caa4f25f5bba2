// @ts-check
// livekit-server lifecycle: free ports, parallel instances, restart on the same ports, no leftovers.
import { afterAll, describe, expect, it } from 'vitest';
import { startLiveKitServer } from './server.mjs';

/** @type {import('./server.mjs').LiveKitServer[]} */
const servers = [];
afterAll(() => Promise.all(servers.map((s) => s.stop({ kill: true }))));

/** @param {string} url */
const answers = (url) =>
  fetch(url, { signal: AbortSignal.timeout(2000) }).then(
    (r) => r.ok,
    () => false,
  );

describe('startLiveKitServer', () => {
  it('runs two instances side by side on their own loopback ports, and restarts on the same ports', async () => {
    const [a, b] = await Promise.all([startLiveKitServer(), startLiveKitServer()]);
    servers.push(a, b);
    expect(a.wsUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect([a.apiKey, a.apiSecret]).toEqual(['devkey', 'secret']);
    expect(new Set([...Object.values(a.ports), ...Object.values(b.ports)]).size).toBe(6);
    expect(await answers(a.httpUrl)).toBe(true);
    expect(await answers(b.httpUrl)).toBe(true);

    const before = { ...a.ports };
    await a.restart({ kill: true });
    expect(a.ports).toEqual(before);
    expect(a.isRunning()).toBe(true);
    expect(await answers(a.httpUrl)).toBe(true);

    await a.stop();
    expect(a.isRunning()).toBe(false);
    expect(await answers(a.httpUrl)).toBe(false);
    expect(await answers(b.httpUrl)).toBe(true);
    await a.start();
    expect(await answers(a.httpUrl)).toBe(true);
  });
});
