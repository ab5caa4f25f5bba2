// The demo as a user gets it (`pnpm demo`): the shop page in real Chromium, under its strict CSP,
// playing the built-in live stream through the CDN build of <live-player>, across a loop wrap.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../../scripts/find-chromium.mjs';
import { startDemo } from '../../demo/server.mjs';
import { frameColours, videoState, waitForPlayback, watchProblems } from './page-helpers.js';

type Demo = Awaited<ReturnType<typeof startDemo>>;

const playerBuild = fileURLToPath(new URL('../../../packages/player/dist/cdn/live-player.js', import.meta.url));
const screenshots = fileURLToPath(new URL('./__screenshots__/', import.meta.url));

describe('the demo shop page', () => {
  let browser: Browser;
  let demo: Demo;

  beforeAll(async () => {
    if (!existsSync(playerBuild)) {
      throw new Error(
        'packages/player/dist/cdn/live-player.js is missing: run `pnpm build` at the repository root first.',
      );
    }
    demo = await startDemo({ port: 0, log: () => {} });
    browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
    mkdirSync(screenshots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it('plays the live stream under a strict CSP, with no console errors', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const problems = await watchProblems(context, page);
      const response = await page.goto(demo.url);
      const csp = response?.headers()['content-security-policy'] ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("require-trusted-types-for 'script'");

      await waitForPlayback(page, 3);
      const state = await videoState(page);
      expect(state).toMatchObject({ paused: false, error: null });
      expect(state?.videoWidth).toBeGreaterThan(0);

      const frame = await frameColours(page);
      expect(frame.colours, 'the video frame looks blank').toBeGreaterThan(100);
      expect(frame.brightness, 'the video frame looks black').toBeGreaterThan(40);

      // Let the native controls fade out so the picture shows the stream, not the control bar.
      await page.mouse.move(0, 0);
      await page.waitForTimeout(3500);
      await page.screenshot({ path: `${screenshots}demo.png` });
      expect(problems).toEqual({ errors: [], failedRequests: [] });
    } finally {
      await context.close();
    }
  });

  it('fits a 390 px phone: the player is on the first screen and nothing scrolls sideways', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    try {
      const page = await context.newPage();
      const problems = await watchProblems(context, page);
      await page.goto(demo.url);
      await waitForPlayback(page, 1);
      const layout = await page.evaluate(() => {
        const box = document.querySelector('live-player')?.getBoundingClientRect();
        return {
          scrollWidth: document.documentElement.scrollWidth,
          box: box && { top: box.top, bottom: box.bottom, width: box.width },
        };
      });
      expect(layout.scrollWidth).toBeLessThanOrEqual(390);
      expect(layout.box?.width).toBeGreaterThanOrEqual(280);
      expect(layout.box?.bottom).toBeLessThanOrEqual(844);
      await page.waitForTimeout(3500);
      await page.screenshot({ path: `${screenshots}demo-mobile.png` });
      expect(problems).toEqual({ errors: [], failedRequests: [] });
    } finally {
      await context.close();
    }
  });
});

describe('the demo stream loop', () => {
  let browser: Browser;
  let demo: Demo;

  beforeAll(async () => {
    // The first playlist ends on the loop's last segment, so a player joining at the live edge
    // reaches the wrap (an EXT-X-DISCONTINUITY, timestamps restarting) within seconds.
    demo = await startDemo({ port: 0, log: () => {}, stream: { startNearWrap: true } });
    browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it('plays across the wrap without stalling', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const problems = await watchProblems(context, page);
      const segments: number[] = [];
      page.on('request', (r) => {
        const match = /\/stream\/[\w-]+\/(\d+)\.ts$/.exec(r.url());
        if (match) segments.push(Number(match[1]));
      });
      await page.goto(demo.url);
      await page.waitForFunction(() => {
        const v = document.querySelector('live-player')?.shadowRoot?.querySelector('video');
        return !!v && !v.paused && v.readyState >= 3;
      });
      // Count every stall from here on: a player stuck at the discontinuity shows up as "waiting".
      await page.evaluate(() => {
        const v = document.querySelector('live-player')?.shadowRoot?.querySelector('video');
        const w = window as unknown as { stalls: number };
        w.stalls = 0;
        v?.addEventListener('waiting', () => w.stalls++);
      });

      const wrap = 2 * demo.loop.segmentCount; // the first segment of the third pass
      const firstPlayed = Math.min(...segments);
      expect(firstPlayed, 'the player should join before the wrap').toBeLessThan(wrap);
      // Play through the wrap and two more segments of the new pass.
      const seconds = ((wrap - firstPlayed) * demo.loop.segmentMs) / 1000 + 4;
      await waitForPlayback(page, seconds, (seconds + 15) * 1000);

      expect(segments).toContain(wrap);
      expect(segments).toContain(wrap + 1);
      expect(await page.evaluate(() => (window as unknown as { stalls: number }).stalls)).toBe(0);
      const after = await frameColours(page);
      expect(after.colours).toBeGreaterThan(100);
      expect(problems).toEqual({ errors: [], failedRequests: [] });
    } finally {
      await context.close();
    }
  });
});
