// The whole funnel as `npm run demo` shows it, in real Chromium under the page's CSP: watch, accept the
// consent banner, follow to unlock the reward, open the fan group, claim the coupon the host opens from
// the host console, and find this viewer with all of it in the follow-up report.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../../scripts/find-chromium.mjs';
import { startDemo } from '../../demo/server.mjs';
import { waitForPlayback, watchProblems } from './page-helpers.js';

type Demo = Awaited<ReturnType<typeof startDemo>>;

const screenshots = fileURLToPath(new URL('./__screenshots__/', import.meta.url));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface ReportRow {
  viewer: string;
  followed: boolean;
  reward?: string;
  coupon?: string;
  groupOpened: boolean;
  interactions: number;
}

describe('the demo funnel', () => {
  let browser: Browser;
  let demo: Demo;

  beforeAll(async () => {
    demo = await startDemo({ port: 0, log: () => {} });
    browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
    mkdirSync(screenshots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it('watch, follow, unlock, join the group, claim the host’s coupon; the report lists the viewer', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const problems = await watchProblems(context, page);
      await page.goto(demo.url);

      // (a) Watch: the stream plays. Nothing is counted before the viewer says yes.
      await waitForPlayback(page, 2);
      // Over HLS alone nobody knows how many watch: no made-up count.
      expect(await page.locator('#live-viewers').isHidden()).toBe(true);
      expect(await page.locator('#live-topic').isVisible()).toBe(true);
      expect(await page.evaluate(() => localStorage.getItem('livehook:viewer'))).toBeNull();
      await page.locator('#consent-accept').click();
      await expect.poll(() => page.locator('#consent').isHidden(), { timeout: 5_000 }).toBe(true);
      await expect
        .poll(() => page.evaluate(() => localStorage.getItem('livehook:viewer')), { timeout: 5_000 })
        .toMatch(UUID);
      const viewer = (await page.evaluate(() => localStorage.getItem('livehook:viewer'))) as string;

      // (b) Follow → the server records it → the reward code comes from the server.
      const follow = page.locator('live-follow-unlock');
      await follow.locator('[part~="follow-button"]').click();
      await expect.poll(() => follow.getAttribute('state'), { timeout: 15_000 }).toBe('unlocked');
      const reward = (await follow.locator('[part~="code"]').textContent())?.trim() ?? '';
      expect(reward).toMatch(/^FOLLOW20/);
      const fromServer = await fetch(new URL('/api/reward?campaign=follow-20', demo.url), {
        headers: { 'X-LiveHook-Viewer': viewer },
      });
      expect((await fromServer.json()).code).toBe(reward);

      // (c) The fan group: a QR code of the pool's link, and a link that opens it.
      const group = page.locator('live-group-qr');
      await expect
        .poll(() => group.locator('[part~="qr"]').getAttribute('src'), { timeout: 15_000 })
        .toMatch(/^data:image\/png;base64,/);
      const open = group.locator('[part~="open-button"]');
      expect(await open.getAttribute('href')).toBe(demo.joinUrl);
      const [joined] = await Promise.all([context.waitForEvent('page'), open.click()]);
      await watchProblems(context, joined, problems);
      await joined.waitForLoadState();
      expect(await joined.locator('h1').textContent()).toBe('You joined the demo VIP group');
      await joined.close();

      // (d) The host opens the flash coupon from the console; it reaches the viewer with the stream.
      const host = await context.newPage();
      await watchProblems(context, host, problems);
      await host.goto(demo.hostUrl);
      await host.locator('#open-coupon').click();
      await expect
        .poll(() => host.locator('#log').textContent(), { timeout: 10_000 })
        .toContain('Coupon opened (50 left)');
      const coupon = page.locator('live-coupon');
      await expect
        .poll(() => coupon.evaluate((el) => (el as HTMLElement & { open: boolean }).open), { timeout: 30_000 })
        .toBe(true);
      expect(await coupon.isVisible()).toBe(true);
      await coupon.locator('[part~="claim-button"]').click();
      await expect.poll(() => coupon.getAttribute('state'), { timeout: 15_000 }).toBe('claimed');
      const couponCode = (await coupon.locator('[part~="code"]').textContent())?.trim() ?? '';
      expect(couponCode).toMatch(/^FLASH/);
      await expect.poll(() => host.locator('#stock-text').textContent(), { timeout: 10_000 }).toContain('49 of 50');

      await page.mouse.move(0, 0);
      await page.screenshot({ path: `${screenshots}demo-funnel.png`, fullPage: true });

      // (e) The lead events reached the collector: the report lists this viewer with what they did.
      await page.evaluate(() =>
        (document.querySelector('live-analytics') as unknown as { flush(): Promise<boolean> }).flush(),
      );
      const reportJson = new URL('/api/admin/report.json?room=demo', demo.url);
      let row: ReportRow | undefined;
      await expect
        .poll(
          async () => {
            const report = (await (await fetch(reportJson)).json()) as { converted: ReportRow[] };
            row = report.converted.find((r) => r.viewer === viewer);
            return row;
          },
          { timeout: 20_000 },
        )
        .toMatchObject({ followed: true, reward, coupon: couponCode, groupOpened: true });
      expect(row?.interactions).toBeGreaterThanOrEqual(5);

      const { events } = (await (await fetch(new URL('/api/admin/events?room=demo', demo.url))).json()) as {
        events: { type: string; viewer?: string }[];
      };
      const types = new Set(events.filter((e) => e.viewer === viewer).map((e) => e.type));
      for (const type of ['follow.clicked', 'follow.confirmed', 'reward.unlocked', 'group.opened', 'coupon.claimed'])
        expect(types, type).toContain(type);

      const csv = await (await fetch(new URL('/api/admin/report.csv?room=demo', demo.url))).text();
      expect(csv).toContain(viewer);
      const page2 = await (await fetch(demo.reportUrl)).text();
      expect(page2).toContain(viewer.slice(0, 8));

      expect(problems).toEqual({ errors: [], failedRequests: [] });
    } finally {
      await context.close();
    }
  }, 90_000);
});
