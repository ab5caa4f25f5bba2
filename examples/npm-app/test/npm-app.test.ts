// The npm path as a developer takes it: type-check, `vite build`, `vite preview`, open the page in real
// Chromium, and watch the built-in demo stream play through the core Viewer and through <live-player>.
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, startPreview, typecheck, viteBuild } from './vite-app.js';

const app = fileURLToPath(new URL('..', import.meta.url));

/** What the plain <video> (`core`) or the one in live-player's shadow root (`player`) has played so far. */
function playback(page: Page, where: 'core' | 'player') {
  return page.evaluate((where) => {
    const video =
      where === 'core'
        ? document.querySelector<HTMLVideoElement>('#core-video')
        : document.querySelector('live-player')?.shadowRoot?.querySelector('video');
    return video ? { time: video.currentTime, width: video.videoWidth, paused: video.paused } : null;
  }, where);
}

async function expectPlaying(page: Page, where: 'core' | 'player') {
  await expect.poll(async () => (await playback(page, where))?.width ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
  const start = (await playback(page, where))?.time ?? 0;
  await expect
    .poll(async () => (await playback(page, where))?.time ?? 0, { timeout: 20_000 })
    .toBeGreaterThan(start + 2);
  expect((await playback(page, where))?.paused).toBe(false);
}

describe('examples/npm-app (Vite + TypeScript)', () => {
  let browser: Browser;
  let preview: { url: string; server: PreviewServer };
  let outDir: string | undefined;

  beforeAll(async () => {
    if (!existsSync(fileURLToPath(new URL('../../../packages/player/dist/index.js', import.meta.url)))) {
      throw new Error('the packages are not built: run `pnpm build` at the repository root first.');
    }
    outDir = await viteBuild(app);
    preview = await startPreview(app, outDir);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.server.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('type-checks: the typed API and every expected type error', async () => {
    const { code, output } = await typecheck(app);
    expect(output).toBe('');
    expect(code).toBe(0);
  });

  it('plays the live stream on a plain <video> through the core Viewer: state, qualities, metrics', async () => {
    const page = await browser.newPage();
    try {
      const errors = collectPageErrors(page);
      await page.goto(preview.url);
      await expectPlaying(page, 'core');
      await expect.poll(() => page.locator('#core-state').textContent(), { timeout: 10_000 }).toBe('playing');
      // Auto plus the stream's two renditions (portrait 720×1280 and 360×640).
      const options = await page.locator('#core-quality option').allTextContents();
      expect(options[0]).toBe('Auto');
      expect([...options.slice(1)].sort()).toEqual(['1280p', '640p']);
      await expect
        .poll(() => page.locator('#core-metrics').textContent(), { timeout: 10_000 })
        .toMatch(/first frame \d+ ms/);

      // Choosing a quality switches the picture.
      const low = await page.locator('#core-quality option', { hasText: '640p' }).getAttribute('value');
      await page.locator('#core-quality').selectOption(low ?? '');
      await expect.poll(async () => (await playback(page, 'core'))?.width, { timeout: 20_000 }).toBe(360);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('plays it in <live-player>, whose typed event the page shows, and the tied countdown says "Live now"', async () => {
    const page = await browser.newPage();
    try {
      const errors = collectPageErrors(page);
      await page.goto(preview.url);
      await expectPlaying(page, 'player');
      await expect.poll(() => page.locator('#player-state').textContent(), { timeout: 10_000 }).toBe('playing');
      const countdown = page.locator('live-countdown');
      await expect.poll(() => countdown.getAttribute('state'), { timeout: 10_000 }).toBe('live');
      const card = countdown.locator('[part~="card"]');
      expect(await card.textContent()).toContain('Live now');
      expect(await card.locator('[part~="live"]').textContent()).toContain('Watch now');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('speaks Simplified Chinese with ?lang=zh-CN: the page, the player and the widget', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${preview.url}?lang=zh-CN`);
      expect(await page.locator('h1').textContent()).toBe('通过 npm 使用 LiveHook');
      const countdown = page.locator('live-countdown');
      await expect.poll(() => countdown.getAttribute('state'), { timeout: 40_000 }).toBe('live');
      expect(await countdown.locator('[part~="card"]').textContent()).toContain('正在直播');
      expect(await countdown.locator('[part~="headline"]').textContent()).toContain('春季特卖');
    } finally {
      await page.close();
    }
  });
});
