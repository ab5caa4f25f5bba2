// The honest version of "survives reloads": real Chromium (playwright-core) on a shop page served from one
// loopback origin, the reference collector on another, real offline emulation and real page reloads and exits.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs helper without types
import { chromiumArgs, findChromium } from '../../../scripts/find-chromium.mjs';
import { type ReferenceServer, startReferenceServer } from '../src/server.js';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const adminToken = randomUUID();

let collector: ReferenceServer;
let shop: Server;
let shopUrl: string;
let browser: Browser;
let dir: string;

/** The shop page: loads the pipeline bundle and exposes `track(n)` for the test. */
const PAGE = (endpoint: string) => `<!doctype html><meta charset="utf-8"><title>shop</title>
<script type="module">
  import { createLeadPipeline, exponentialBackoff } from '/pipeline.js';
  const room = new URL(location.href).searchParams.get('room');
  window.leads = createLeadPipeline({
    endpoint: ${JSON.stringify(endpoint)},
    room,
    http: { flushInterval: 10 * 60_000, retry: exponentialBackoff({ initial: 100, max: 500 }) },
  });
  window.track = (n, tag) => Array.from({ length: n }, (_, i) => window.leads.track('custom.' + tag, { i }).id);
  window.ready = true;
</script>`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'livehook-reload-'));
  collector = await startReferenceServer({
    port: 0,
    dbPath: join(dir, 'collector.db'),
    origins: [/^http:\/\/127\.0\.0\.1:\d+$/],
    adminToken,
    log: () => {},
  });
  const bundle = await build({
    stdin: {
      contents: "export * from './events/index.ts'; export { exponentialBackoff } from './policy/retry.ts';",
      resolveDir: join(root, 'packages/core/src'),
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
  });
  const script = bundle.outputFiles[0]!.text;
  const page = PAGE(`${collector.url}/api/events`);
  shop = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/pipeline.js') return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    if (path === '/') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => shop.listen(0, '127.0.0.1', () => r()));
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => shop?.close(r));
  await collector?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function stored(room: string): Promise<string[]> {
  const response = await fetch(`${collector.url}/api/admin/events?room=${room}`, {
    headers: { Authorization: `Bearer ${adminToken}` },
  });
  return ((await response.json()) as { events: { id: string }[] }).events.map((e) => e.id);
}

async function open(page: Page, room: string): Promise<void> {
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(`${shopUrl}/?room=${room}`);
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
}

async function eventually(check: () => Promise<boolean>, what: string, timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const track = (page: Page, n: number, tag: string) =>
  page.evaluate(([n, tag]) => (window as unknown as { track(n: number, t: string): string[] }).track(n, tag), [
    n,
    tag,
  ] as const);

describe('lead events across real reloads (Chromium via playwright-core)', () => {
  it('events queued offline survive a reload that fails offline, and arrive once the page is back online', async () => {
    const room = `reload-${Date.now().toString(36)}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    const ids: string[] = [];
    await open(page, room);
    ids.push(...(await track(page, 20, 'online')));
    await page.evaluate(() => (window as unknown as { leads: { flush(): Promise<boolean> } }).leads.flush());

    await context.setOffline(true);
    ids.push(...(await track(page, 50, 'offline')));
    await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/); // the tab reloads into an error page
    await context.setOffline(false);
    await open(page, room); // the shop page again: its pipeline restores the queue and sends it
    ids.push(...(await track(page, 30, 'after')));
    await page.evaluate(() => (window as unknown as { leads: { flush(): Promise<boolean> } }).leads.flush());

    await eventually(async () => (await stored(room)).length >= ids.length, 'all events at the collector');
    const at = await stored(room);
    expect(new Set(at).size).toBe(at.length);
    expect([...at].sort()).toEqual([...ids].sort());
    await context.close();
  }, 60_000);

  it('a real navigation away (pagehide) delivers the queued batch with keepalive', async () => {
    const room = `exit-${Date.now().toString(36)}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    await open(page, room);
    const ids = await track(page, 40, 'leaving'); // the next timed batch is ten minutes away
    await page.goto('about:blank'); // pagehide: the pipeline hands the queue to fetch(keepalive)
    await eventually(async () => (await stored(room)).length >= ids.length, 'the exit batch at the collector');
    expect((await stored(room)).sort()).toEqual([...ids].sort());
    await context.close();
  }, 60_000);
});
