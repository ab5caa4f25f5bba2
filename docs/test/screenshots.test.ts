// Screenshots of every element in its states, for the docs site, taken in real Chromium against the built-in
// demo stream and the reference server (the same backend `pnpm docs:serve` gives the live examples).
// Each test first checks the state a viewer would notice (the state, the part on screen, its text), then saves
// the element's picture into docs/.screenshots/ (gitignored), with index.json for the site build.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../scripts/find-chromium.mjs';
import { type DocsServer, startDocsServer } from '../build/docs-server.mjs';
import { screenshotsDir } from '../build/paths.mjs';
import { loadScreenshots, SCREENSHOT_INDEX, type Screenshot } from '../build/screenshots.mjs';

const PLAYER = '#player';
const shots: Screenshot[] = [];

let server: DocsServer;
let browser: Browser;
let fixtures: string;

beforeAll(async () => {
  fixtures = mkdtempSync(join(tmpdir(), 'livehook-docs-shots-'));
  server = await startDocsServer({ siteDir: fixtures, log: () => {} });
  // Sound may autoplay here, so "playing" shows the plain player; the muted-autoplay test opens its own browser.
  browser = await chromium.launch({
    executablePath: findChromium(),
    args: [...chromiumArgs, '--autoplay-policy=no-user-gesture-required'],
  });
  mkdirSync(screenshotsDir, { recursive: true });
});

afterAll(async () => {
  // Merged with earlier runs, so a run of a few tests (`-t coupon`) keeps the other pictures.
  const taken = new Set(shots.map((shot) => shot.file));
  const index = [...shots, ...loadScreenshots(screenshotsDir).filter((shot) => !taken.has(shot.file))];
  if (shots.length) writeFileSync(join(screenshotsDir, SCREENSHOT_INDEX), `${JSON.stringify(index, null, 2)}\n`);
  await browser?.close();
  await server?.stop();
  if (fixtures) rmSync(fixtures, { recursive: true, force: true });
});

describe('<live-player> states', () => {
  it('playing: the demo stream plays with the controls showing', async () => {
    await withPage(async (page) => {
      await openFixture(
        page,
        'player-playing',
        'en',
        `<live-player id="player" src="/stream/master.m3u8" autoplay controls></live-player>`,
      );
      await waitForPlayback(page);
      await page.hover(PLAYER); // the controls show while the pointer moves over the player
      await expectPart(page, PLAYER, 'live-badge', /LIVE/);
      await expectPart(page, PLAYER, 'play-button');
      await shoot(page, PLAYER, {
        tag: 'live-player',
        state: 'playing',
        lang: 'en',
        caption: 'Playing the live stream, controls shown',
      });
    });
  });

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`waiting (${lang}): a stream that has not started shows the pre-live overlay with the start time`, async () => {
      await withPage(async (page) => {
        // The demo server answers 404 for this playlist: before a first frame that means "not started yet".
        await openFixture(
          page,
          `player-waiting-${lang}`,
          lang,
          `<live-player id="player" src="/stream/not-started/master.m3u8" starts-at="2026-12-01T20:00:00+08:00" autoplay controls></live-player>`,
        );
        await waitForState(page, PLAYER, 'waiting');
        await expectPart(page, PLAYER, 'prelive', lang === 'en' ? /hasn.t started/i : /尚未开始|还没开始|未开始/);
        await expectPart(page, PLAYER, 'start-time', /\d/);
        await shoot(page, PLAYER, {
          tag: 'live-player',
          state: 'waiting',
          lang,
          caption: 'Not started yet (pre-live), with `starts-at`',
        });
      });
    });
  }

  it('reconnecting: the network drops while playing', async () => {
    await withPage(async (page) => {
      await openFixture(
        page,
        'player-reconnecting',
        'en',
        `<live-player id="player" src="/stream/master.m3u8" autoplay controls></live-player>`,
      );
      await waitForPlayback(page);
      await page.route('**/stream/**', (route) => route.abort('connectionreset'));
      await waitForState(page, PLAYER, 'reconnecting', 45_000);
      await expectPart(page, PLAYER, 'reconnecting', /reconnecting/i);
      await shoot(page, PLAYER, {
        tag: 'live-player',
        state: 'reconnecting',
        lang: 'en',
        caption: 'Reconnecting after the network dropped',
      });
    });
  });

  it('ended: the stream ends (its playlists get EXT-X-ENDLIST)', async () => {
    await withPage(async (page) => {
      await openFixture(
        page,
        'player-ended',
        'en',
        `<live-player id="player" src="/stream/master.m3u8" autoplay controls></live-player>`,
      );
      await waitForPlayback(page);
      // From now on the media playlists end: hls.js plays what is left, then the stream is over.
      await page.route('**/stream/*/index.m3u8', async (route) => {
        const response = await route.fetch();
        const body = await response.text();
        await route.fulfill({ response, body: `${body.trimEnd()}\n#EXT-X-ENDLIST\n` });
      });
      await waitForState(page, PLAYER, 'ended', 60_000);
      await expectPart(page, PLAYER, 'ended', /ended/i);
      await shoot(page, PLAYER, {
        tag: 'live-player',
        state: 'ended',
        lang: 'en',
        caption: 'The live stream has ended',
      });
    });
  });

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`error (${lang}): an unreachable stream shows what went wrong and a Retry button`, async () => {
      await withPage(async (page) => {
        // Port 9 (discard) refuses connections: every try fails, and the player gives up before a first frame.
        await openFixture(
          page,
          `player-error-${lang}`,
          lang,
          `<live-player id="player" src="http://127.0.0.1:9/live/master.m3u8" autoplay controls></live-player>`,
        );
        await waitForState(page, PLAYER, 'error', 45_000);
        await expectPart(page, PLAYER, 'error', /network/i);
        await expectPart(page, PLAYER, 'retry-button', lang === 'en' ? /retry/i : /重试/);
        await shoot(page, PLAYER, {
          tag: 'live-player',
          state: 'error',
          lang,
          caption: 'Error: the stream is unreachable, with Retry',
        });
      });
    });
  }

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`muted autoplay (${lang}): it plays without sound and offers "Tap to unmute"`, async () => {
      await withPage(async (page) => {
        // `autoplay muted` is what a page asks for when it wants the picture moving at once; the same prompt
        // shows when a browser refuses sound. (Refusal itself is timing-dependent in Chromium: a play() made
        // before the audio track is known may be allowed with sound, so it is not a stable picture.)
        await openFixture(
          page,
          `player-muted-${lang}`,
          lang,
          `<live-player id="player" src="/stream/master.m3u8" autoplay muted controls></live-player>`,
        );
        await waitForPlayback(page);
        expect(
          await page.evaluate(() => document.querySelector('live-player')?.shadowRoot?.querySelector('video')?.muted),
        ).toBe(true);
        await expectPart(page, PLAYER, 'unmute-button', lang === 'en' ? /tap to unmute/i : /取消静音/);
        await shoot(page, PLAYER, {
          tag: 'live-player',
          state: 'muted autoplay',
          lang,
          caption: 'Playing muted: "Tap to unmute"',
        });
      });
    });
  }
});

describe('widget states', () => {
  const follow = (lang: string) => `<live-follow-unlock id="follow" room="demo" campaign="follow-20" follow-mode="post"
    follow-url="/shop/api/follow" reward-url="/shop/api/reward" reward-label="¥20 OFF" trigger="load"
    headline="${lang === 'en' ? 'Follow Lin, unlock ¥20 off' : '关注主播，解锁 ¥20 优惠'}"></live-follow-unlock>`;

  it('follow-unlock (en): locked, then unlocked after the follow, with the code from the server', async () => {
    await withPage(async (page) => {
      await openFixture(page, 'follow-en', 'en', follow('en'), 'max-width: 440px');
      await waitForState(page, '#follow', 'locked');
      await expectPart(page, '#follow', 'follow-button', /follow/i);
      await shoot(page, '#follow', {
        tag: 'live-follow-unlock',
        state: 'locked',
        lang: 'en',
        caption: 'Locked: follow to unlock',
      });

      await page
        .locator('#follow')
        .getByRole('button', { name: /follow/i })
        .click();
      await waitForState(page, '#follow', 'unlocked');
      await expectPart(page, '#follow', 'code', /FOLLOW20/);
      await shoot(page, '#follow', {
        tag: 'live-follow-unlock',
        state: 'unlocked',
        lang: 'en',
        caption: 'Unlocked: the code from `reward-url`',
      });
    });
  });

  it('follow-unlock (zh-CN): locked', async () => {
    await withPage(async (page) => {
      await openFixture(page, 'follow-zh', 'zh-CN', follow('zh-CN'), 'max-width: 440px');
      await waitForState(page, '#follow', 'locked');
      await expectPart(page, '#follow', 'follow-button', /关注/);
      await shoot(page, '#follow', {
        tag: 'live-follow-unlock',
        state: 'locked',
        lang: 'zh-CN',
        caption: 'Locked: follow to unlock',
      });
    });
  });

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`group-qr (${lang}): the group's QR code from the pool`, async () => {
      await withPage(async (page) => {
        await openFixture(
          page,
          `group-${lang}`,
          lang,
          `<live-group-qr id="group" room="demo" pool-url="/shop/api/group?pool=vip" reward-label="15% OFF" trigger="load"
            headline="${lang === 'en' ? 'Join the VIP fan group' : '加入 VIP 粉丝群'}"></live-group-qr>`,
          'max-width: 440px',
        );
        await waitForState(page, '#group', 'ready');
        // The code is an <img> (so WeChat's long-press can read it): wait until it has decoded.
        await page.waitForFunction(() => {
          const img = document.querySelector('#group')?.shadowRoot?.querySelector('img');
          return !!img && img.complete && img.naturalWidth > 0;
        });
        await shoot(page, '#group', {
          tag: 'live-group-qr',
          state: 'ready',
          lang,
          caption: 'Ready: the fan group QR code',
        });
      });
    });
  }

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`countdown (${lang}): counting down, then live`, async () => {
      await withPage(async (page) => {
        const inTwoDays = new Date(Date.now() + 2 * 86_400_000 + 3 * 3_600_000).toISOString();
        const startedAgo = new Date(Date.now() - 10 * 60_000).toISOString();
        await openFixture(
          page,
          `countdown-${lang}`,
          lang,
          `<live-countdown id="counting" room="demo" starts-at="${inTwoDays}" duration="90" trigger="load"
             headline="${lang === 'en' ? 'Next live: spring oolong tasting' : '下场直播：春季乌龙品鉴'}"></live-countdown>
           <live-countdown id="live" room="demo" starts-at="${startedAgo}" duration="90" trigger="load"
             headline="${lang === 'en' ? 'Spring oolong tasting' : '春季乌龙品鉴'}"></live-countdown>`,
          'max-width: 440px; display: grid; gap: 16px',
        );
        await waitForState(page, '#counting', 'counting');
        await expectPart(page, '#counting', 'card', /\d/);
        await shoot(page, '#counting', {
          tag: 'live-countdown',
          state: 'counting',
          lang,
          caption: 'Counting down to the start',
        });
        await waitForState(page, '#live', 'live');
        await expectPart(page, '#live', 'card', lang === 'en' ? /live/i : /直播/);
        await shoot(page, '#live', { tag: 'live-countdown', state: 'live', lang, caption: 'Live now' });
      });
    });
  }

  it('coupon (en): opened by the host cue in the stream, then claimed', async () => {
    await withPage(async (page) => {
      await openFixture(
        page,
        'coupon-cue',
        'en',
        `<live-player id="player" src="/stream/master.m3u8" autoplay controls>
           <live-coupon slot="bottom-sheet" id="flash-coupon" for="player" room="demo" coupon="flash50" claim-url="/shop/api/claim"
             reward-label="¥50 OFF" headline="Flash deal for the first 50 viewers" detail="Orders over ¥300"></live-coupon>
         </live-player>`,
      );
      await waitForPlayback(page);
      expect(await isShown(page, '#flash-coupon')).toBe(false); // nothing until the host opens it
      // What the host console's button does: a widget.show cue, as EXT-X-DATERANGE in the stream's playlists.
      const answer = await page.request.post(`${server.origin}/host/cues`, { data: { action: 'coupon.open' } });
      expect(answer.ok()).toBe(true);
      await page.waitForFunction(
        () => (document.querySelector('#flash-coupon') as { open?: boolean } | null)?.open === true,
        undefined,
        {
          timeout: 30_000,
        },
      );
      await waitForState(page, '#flash-coupon', 'open');
      await expectPart(page, '#flash-coupon', 'time-left', /\d/);
      await shoot(page, PLAYER, {
        tag: 'live-coupon',
        state: 'open (over the player)',
        lang: 'en',
        caption: 'Opened live by the host’s cue, over the video',
      });

      await page.locator('#flash-coupon').getByRole('button', { name: /claim/i }).click();
      await waitForState(page, '#flash-coupon', 'claimed');
      await expectPart(page, '#flash-coupon', 'code', /FLASH/);
      await shoot(page, '#flash-coupon', {
        tag: 'live-coupon',
        state: 'claimed',
        lang: 'en',
        caption: 'Claimed: the code from `claim-url`',
      });
    });
  });

  it('coupon (zh-CN): open, on its own', async () => {
    await withPage(async (page) => {
      await openFixture(
        page,
        'coupon-zh',
        'zh-CN',
        `<live-coupon id="coupon" room="demo" coupon="flash50" claim-url="/shop/api/claim" trigger="load" duration="600"
           remaining="37" total="50" reward-label="¥50" headline="前 50 名专享闪购券" detail="满 ¥300 可用"></live-coupon>`,
        'max-width: 440px',
      );
      await waitForState(page, '#coupon', 'open');
      await expectPart(page, '#coupon', 'stock', /37/);
      await expectPart(page, '#coupon', 'claim-button', /领|抢/);
      await shoot(page, '#coupon', {
        tag: 'live-coupon',
        state: 'open',
        lang: 'zh-CN',
        caption: 'Open: time and stock left',
      });
    });
  });
});

/** Runs `body` with a fresh page; fails the test on any uncaught error in the page (nothing may throw into it). */
async function withPage(body: (page: Page) => Promise<void>): Promise<void> {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: 800, height: 600 },
    deviceScaleFactor: 1,
  });
  try {
    const page = await context.newPage();
    const thrown: string[] = [];
    page.on('pageerror', (error) => thrown.push(error.message));
    await body(page);
    expect(thrown, 'errors thrown into the page').toEqual([]);
  } finally {
    await context.close();
  }
}

/** A page with the CDN builds and `body`, in `lang`, at a fixed size so the pictures are comparable. */
async function openFixture(page: Page, name: string, lang: string, body: string, bodyStyle = 'width: 640px') {
  const html = `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <script type="module" src="/cdn/player/live-player.js"></script>
  <script type="module" src="/cdn/widgets/live-widgets.js"></script>
  <style>
    body { margin: 0; padding: 16px; background: #f4f4f5; font-family: system-ui, sans-serif; }
    main { ${bodyStyle} }
  </style>
</head>
<body><main>${body}</main></body>
</html>`;
  writeFileSync(join(fixtures, `${name}.html`), html);
  await page.goto(`${server.url}${name}.html`);
}

async function waitForState(page: Page, selector: string, state: string, timeout = 30_000) {
  try {
    await page.waitForFunction(
      ([s, want]) => document.querySelector(s)?.getAttribute('state') === want,
      [selector, state] as const,
      {
        timeout,
      },
    );
  } catch {
    const actual = await page.evaluate((s) => document.querySelector(s)?.getAttribute('state'), selector);
    throw new Error(`${selector} did not reach state "${state}" within ${timeout} ms (it is "${actual}")`);
  }
}

/** The player is playing and its picture has moved on for more than a second. */
async function waitForPlayback(page: Page) {
  await waitForState(page, PLAYER, 'playing', 45_000);
  await page.waitForFunction(
    () => {
      const video = document.querySelector('live-player')?.shadowRoot?.querySelector('video');
      return !!video && video.readyState >= 3 && video.videoWidth > 0 && video.currentTime > 1;
    },
    undefined,
    { timeout: 30_000 },
  );
}

/** A shadow part is on screen (non-zero size, not hidden) and, if given, its text matches. */
async function expectPart(page: Page, host: string, part: string, text?: RegExp) {
  const found = await page.evaluate(
    ([h, p]) => {
      const el = document.querySelector(h)?.shadowRoot?.querySelector<HTMLElement>(`[part~="${p}"]`);
      if (!el) return null;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return {
        width: box.width,
        height: box.height,
        visible: style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0,
        // biome-ignore lint/performance/useDomNodeTextContent: the text a viewer sees, without hidden nodes
        text: (el.innerText || el.getAttribute('aria-label') || '').trim(),
      };
    },
    [host, part] as const,
  );
  expect(found, `${host} has no part "${part}"`).not.toBeNull();
  expect(found?.width, `part "${part}" has no width`).toBeGreaterThan(0);
  expect(found?.height, `part "${part}" has no height`).toBeGreaterThan(0);
  expect(found?.visible, `part "${part}" is hidden`).toBe(true);
  if (text) expect(found?.text).toMatch(text);
}

async function isShown(page: Page, selector: string) {
  return page.evaluate((s) => (document.querySelector(s) as { open?: boolean } | null)?.open === true, selector);
}

/** Saves the element's picture after checking it has a size, and records it for the site. */
async function shoot(page: Page, selector: string, shot: Omit<Screenshot, 'file' | 'width' | 'height'>) {
  const element = page.locator(selector);
  const box = await element.boundingBox();
  expect(box?.width, `${selector} has no width`).toBeGreaterThan(0);
  expect(box?.height, `${selector} has no height`).toBeGreaterThan(0);
  const file = `${shot.tag}--${shot.state.replace(/\W+/g, '-')}--${shot.lang}.png`;
  await element.screenshot({ path: join(screenshotsDir, file), animations: 'disabled' });
  shots.push({ ...shot, file, width: Math.round(box?.width ?? 0), height: Math.round(box?.height ?? 0) });
}
