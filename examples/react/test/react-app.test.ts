// The React path as a developer takes it: `tsc --noEmit` (typed JSX for the LiveHook tags), `vite build`,
// then the built app in real Chromium playing a live stream from another origin (as from a CDN): the
// component renders the state it got from `onlive-statechange`, and the tied countdown says "Live now".
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStream } from '../../../testbed/demo-stream/index.mjs';
import { collectPageErrors, launchChromium, startPreview, typecheck, viteBuild } from '../../npm-app/test/vite-app.js';
import { App } from '../src/App.js';
import { labelsFor } from '../src/labels.js';

const app = fileURLToPath(new URL('..', import.meta.url));

function playerVideo(page: Page) {
  return page.evaluate(() => {
    const video = document.querySelector('live-player')?.shadowRoot?.querySelector('video');
    return video ? { time: video.currentTime, width: video.videoWidth, paused: video.paused } : null;
  });
}

describe('examples/react (React 19 + Vite)', () => {
  let browser: Browser;
  let preview: { url: string; server: PreviewServer };
  let outDir: string | undefined;
  let stream: Awaited<ReturnType<typeof startDemoStream>>;

  beforeAll(async () => {
    if (!existsSync(fileURLToPath(new URL('../../../packages/player/dist/jsx.d.ts', import.meta.url)))) {
      throw new Error('the packages are not built: run `pnpm build` at the repository root first.');
    }
    outDir = await viteBuild(app);
    [preview, stream, browser] = await Promise.all([startPreview(app, outDir), startDemoStream(), launchChromium()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.server.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
    await stream?.stop();
  });

  it('type-checks the JSX: right props and handlers pass, every `@ts-expect-error` case is an error', async () => {
    const { code, output } = await typecheck(app);
    expect(output).toBe('');
    expect(code).toBe(0);
  });

  it('rejects a wrong prop type on <live-player> (no `@ts-expect-error` to hide behind)', async () => {
    const { code, output } = await typecheck(app, 'test/wrong-props/tsconfig.json');
    expect(code).not.toBe(0);
    expect(output).toContain(`Type '"fast"' is not assignable to type '"low" | "standard" | undefined'`);
    expect(output).toContain(`Type 'string' is not assignable to type 'boolean | undefined'`);
  });

  it('plays the stream; the component renders the state from `onlive-statechange` and switches quality', async () => {
    const page = await browser.newPage();
    try {
      const errors = collectPageErrors(page);
      await page.goto(`${preview.url}?src=${encodeURIComponent(stream.masterUrl)}`);

      await expect.poll(async () => (await playerVideo(page))?.width ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
      const start = (await playerVideo(page))?.time ?? 0;
      await expect
        .poll(async () => (await playerVideo(page))?.time ?? 0, { timeout: 20_000 })
        .toBeGreaterThan(start + 2);
      expect((await playerVideo(page))?.paused).toBe(false);

      // React state, set by the element's event handler prop, rendered as text.
      await expect.poll(() => page.getByTestId('state').textContent(), { timeout: 10_000 }).toBe('playing');
      const countdown = page.locator('live-countdown');
      await expect.poll(() => countdown.getAttribute('state'), { timeout: 10_000 }).toBe('live');
      expect(await countdown.locator('[part~="card"]').textContent()).toContain('Live now');

      // The quality list came from `onlive-qualitychange`; choosing one sets the element's `quality` through a ref.
      const quality = page.getByTestId('quality');
      await expect.poll(() => quality.locator('option').allTextContents(), { timeout: 10_000 }).toHaveLength(3);
      await quality.selectOption({ label: '640p' });
      await expect.poll(async () => (await playerVideo(page))?.width, { timeout: 20_000 }).toBe(360);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('renders on the server (as in Next.js) in Node, with the elements registered, without a DOM', async () => {
    await import('@livehook/player/define');
    await import('@livehook/widgets/define');
    const src = 'https://cdn.example/live/master.m3u8';
    const html = renderToString(createElement(App, { src, labels: labelsFor('en') }));
    // Primitive props become attributes; event handler props stay on the client.
    expect(html).toContain(`<live-player id="shop-live" src="${src}" controls="" autoplay="" muted=""></live-player>`);
    expect(html).toContain('<live-countdown for="shop-live"');
    expect(html).not.toContain('onlive');
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('speaks Simplified Chinese with ?lang=zh-CN', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${preview.url}?lang=zh-CN&src=${encodeURIComponent(stream.masterUrl)}`);
      expect(await page.locator('h1').textContent()).toBe('在 React 中使用 LiveHook');
      const countdown = page.locator('live-countdown');
      await expect.poll(() => countdown.getAttribute('state'), { timeout: 40_000 }).toBe('live');
      expect(await countdown.locator('[part~="card"]').textContent()).toContain('正在直播');
    } finally {
      await page.close();
    }
  });
});
