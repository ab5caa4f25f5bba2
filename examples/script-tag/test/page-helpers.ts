// What the demo's browser tests share: watching a page for problems, and reading <live-player>'s video.
import type { BrowserContext, Page } from 'playwright-core';

/** What went wrong on the page while a test looked at it. */
export interface PageProblems {
  errors: string[];
  failedRequests: string[];
}

const watchedContexts = new WeakSet<BrowserContext>();

/**
 * Collects console errors, uncaught exceptions, failed or 4xx/5xx requests and CSP violations of `page`;
 * pass the same `problems` to watch more pages of the context into one list.
 */
export async function watchProblems(
  context: BrowserContext,
  page: Page,
  problems: PageProblems = { errors: [], failedRequests: [] },
): Promise<PageProblems> {
  if (!watchedContexts.has(context)) {
    watchedContexts.add(context);
    // Violations inside shadow roots and the hls.js worker also reach the document's listener or the console.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`);
      });
    });
  }
  page.on('console', (m) => {
    if (m.type() === 'error') problems.errors.push(m.text());
  });
  page.on('pageerror', (e) => problems.errors.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => {
    // Abandoned media requests (the player switching segments) are not failures of the page.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.failedRequests.push(`${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.failedRequests.push(`${r.url()} ${r.status()}`);
  });
  return problems;
}

/** The <video> inside <live-player>'s shadow root: what it has decoded so far. */
export function videoState(page: Page) {
  return page.evaluate(() => {
    const video = document.querySelector('live-player')?.shadowRoot?.querySelector('video');
    if (!video) return null;
    return {
      currentTime: video.currentTime,
      videoWidth: video.videoWidth,
      paused: video.paused,
      frames: video.getVideoPlaybackQuality().totalVideoFrames,
      error: video.error?.message ?? null,
    };
  });
}

/** Waits until the video has played `seconds` of media past the point where it was first seen playing. */
export async function waitForPlayback(page: Page, seconds: number, timeout = 30_000) {
  await page.waitForFunction(
    () => {
      const v = document.querySelector('live-player')?.shadowRoot?.querySelector('video');
      return !!v && v.readyState >= 3 && !v.paused && v.videoWidth > 0;
    },
    null,
    { timeout },
  );
  const start = (await videoState(page))?.currentTime ?? 0;
  await page.waitForFunction(
    ({ start, seconds }) => {
      const v = document.querySelector('live-player')?.shadowRoot?.querySelector('video');
      return !!v && v.currentTime >= start + seconds;
    },
    { start, seconds },
    { timeout },
  );
}

/**
 * Draws the current video frame small and counts its colours: a black, frozen-grey or blank frame
 * has a handful, the demo's gradient with text has hundreds. Avoids a PNG decoder in the test.
 */
export function frameColours(page: Page) {
  return page.evaluate(() => {
    const video = document.querySelector('live-player')?.shadowRoot?.querySelector('video');
    if (!video) return { colours: 0, brightness: 0 };
    const canvas = document.createElement('canvas');
    canvas.width = 72;
    canvas.height = 128;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return { colours: 0, brightness: 0 };
    ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set<number>();
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) {
      colours.add(((data[i] >> 3) << 10) | ((data[i + 1] >> 3) << 5) | (data[i + 2] >> 3));
      sum += (data[i] + data[i + 1] + data[i + 2]) / 3;
    }
    return { colours: colours.size, brightness: sum / (data.length / 4) };
  });
}

/**
 * Like waitForPlayback, for the player matched by `selector` (a player registered under another tag name,
 * e.g. `shop-player`): waits until its video has played `seconds` past the point it was first seen playing.
 */
export async function waitForPlaybackOf(page: Page, selector: string, seconds: number, timeout = 30_000) {
  const currentTime = (selector: string) =>
    document.querySelector(selector)?.shadowRoot?.querySelector('video')?.currentTime ?? -1;
  await page.waitForFunction(
    (selector) => {
      const v = document.querySelector(selector)?.shadowRoot?.querySelector('video');
      return !!v && v.readyState >= 3 && !v.paused && v.videoWidth > 0;
    },
    selector,
    { timeout },
  );
  const start = await page.evaluate(currentTime, selector);
  await page.waitForFunction(
    ({ selector, start, seconds }) => {
      const v = document.querySelector(selector)?.shadowRoot?.querySelector('video');
      return !!v && v.currentTime >= start + seconds;
    },
    { selector, start, seconds },
    { timeout },
  );
}
