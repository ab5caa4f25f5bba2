// The one-script-tag path as a shop pastes it, from npm CDN URLs on another origin: `data-prefix` renames
// every element for a page that already uses `live-player`, widgets still find their player under the new
// names, an unpkg-style redirect still finds the lazy chunks, and loading the scripts twice (or two versions) is harmless.
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../../scripts/find-chromium.mjs';
import { startDemoStream } from '../../../testbed/demo-stream/index.mjs';
import { type CdnOrigin, type ShopOrigin, startCdnOrigin, startShopOrigin } from './cdn-origins.js';
import { waitForPlaybackOf, watchProblems } from './page-helpers.js';

const PLAYER = 'dist/cdn/live-player.js';
const WIDGETS = 'dist/cdn/live-widgets.js';

// The page's own <live-player> (another vendor's, say), defined before LiveHook loads.
const theirPlayer = `customElements.define('live-player', class extends HTMLElement {
  connectedCallback() { this.textContent = 'their player'; }
});`;

describe('the script tag on a page that already uses live-*', () => {
  let browser: Browser;
  let cdn: CdnOrigin;
  let shop: ShopOrigin;
  let stream: Awaited<ReturnType<typeof startDemoStream>>;

  beforeAll(async () => {
    [cdn, stream] = await Promise.all([startCdnOrigin(), startDemoStream()]);
    const page = (head: string, body: string) => ({
      html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Shop</title>${head}</head><body>${body}</body></html>`,
    });
    shop = await startShopOrigin(
      {
        '/prefixed': page(
          `<script src="/their-player.js"></script>
          <script type="module" src="${cdn.jsdelivr('@livehook/player', PLAYER)}" data-prefix="shop"></script>
          <script type="module" src="${cdn.jsdelivr('@livehook/widgets', WIDGETS)}" data-prefix="shop"></script>`,
          `<live-player id="theirs"></live-player>
          <shop-player id="p" src="${stream.masterUrl}" autoplay muted controls>
            <shop-follow-unlock slot="bottom-sheet" trigger="watch-time" watch-time="2" follow-mode="link"
              follow-href="https://shop.example/follow" public-code="SHOP20" headline="Follow us"></shop-follow-unlock>
          </shop-player>
          <shop-countdown for="p" starts-at="2099-01-01T20:00:00+08:00" headline="Next stream"></shop-countdown>
          <shop-group-qr href="https://t.me/+ShopGroup" headline="Join our group"></shop-group-qr>`,
        ),
        '/unpkg': page(
          `<script type="module" src="${cdn.unpkg('@livehook/player', PLAYER)}" data-prefix="acme"></script>`,
          `<acme-player id="p" src="${stream.masterUrl}" autoplay muted></acme-player>`,
        ),
        '/twice': page(
          `<script type="module" src="${cdn.jsdelivr('@livehook/player', PLAYER)}"></script>
          <script type="module" src="${cdn.jsdelivr('@livehook/widgets', WIDGETS)}"></script>
          <script type="module" src="${cdn.jsdelivr('@livehook/player', PLAYER)}"></script>
          <script type="module" src="${cdn.jsdelivr('@livehook/player', PLAYER, '0.9.0')}"></script>
          <script type="module" src="${cdn.jsdelivr('@livehook/widgets', WIDGETS, '0.9.0')}"></script>`,
          `<live-player id="p" src="${stream.masterUrl}" autoplay muted></live-player>
          <live-countdown for="p" starts-at="2099-01-01T20:00:00+08:00"></live-countdown>`,
        ),
        '/bad-prefix': page(
          `<script type="module" src="${cdn.jsdelivr('@livehook/player', PLAYER)}" data-prefix="My Shop"></script>
          <script type="module" src="${cdn.jsdelivr('@livehook/widgets', WIDGETS)}" data-prefix="-x"></script>`,
          '<p>shop content</p>',
        ),
      },
      { '/their-player.js': { body: theirPlayer, type: 'text/javascript' } },
    );
    browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([shop?.stop(), cdn?.stop(), stream?.stop()]);
  }, 120_000);

  async function open(path: string, run: (page: Page) => Promise<void>) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const problems = await watchProblems(context, page);
      await page.goto(`${shop.origin}${path}`);
      await run(page);
      return problems;
    } finally {
      await context.close();
    }
  }

  it('data-prefix="shop" gives <shop-player> and <shop-*> widgets, tied to it by for= and by nesting', async () => {
    const problems = await open('/prefixed', async (page) => {
      await waitForPlaybackOf(page, 'shop-player', 2);
      // for="p" on a renamed player: the countdown follows it into "live".
      await page.waitForFunction(() => document.querySelector('shop-countdown')?.getAttribute('state') === 'live');
      // Nested in <shop-player>: its watch time counts, so the follow card opens after 2 s of playing.
      await page.waitForFunction(() => document.querySelector('shop-follow-unlock')?.hasAttribute('open'), null, {
        timeout: 15_000,
      });
      await page.waitForFunction(() => {
        const img = document
          .querySelector('shop-group-qr')
          ?.shadowRoot?.querySelector<HTMLImageElement>('img[part="qr"]');
        return !!img && img.complete && img.naturalWidth > 0;
      });
      const page$ = await page.evaluate(() => ({
        theirs: document.querySelector('#theirs')?.textContent,
        follow: document.querySelector('shop-follow-unlock')?.shadowRoot?.textContent ?? '',
        defined: [
          'shop-player',
          'shop-follow-unlock',
          'shop-group-qr',
          'shop-countdown',
          'shop-coupon',
          'shop-analytics',
        ]
          .filter((tag) => customElements.get(tag))
          .concat(['live-follow-unlock', 'live-group-qr', 'live-countdown'].filter((tag) => customElements.get(tag))),
      }));
      expect(page$.theirs, "the page's own <live-player> is untouched").toBe('their player');
      expect(page$.follow).toContain('Follow us');
      expect(page$.defined).toEqual([
        'shop-player',
        'shop-follow-unlock',
        'shop-group-qr',
        'shop-countdown',
        'shop-coupon',
        'shop-analytics',
      ]);
    });
    expect(problems).toEqual({ errors: [], failedRequests: [] });
  }, 120_000);

  it('follows an unpkg-style redirect: the prefix and the lazy chunks still resolve from where the entry landed', async () => {
    const problems = await open('/unpkg', async (page) => {
      await waitForPlaybackOf(page, 'acme-player', 2);
      expect(await page.evaluate(() => customElements.get('live-player'))).toBeUndefined();
    });
    // The first test fetched the chunks under the jsDelivr path; this one's come from the unpkg path only.
    const chunk = cdn.requests.find((path) =>
      /^\/@livehook\/player@[^/]+\/dist\/cdn\/chunks\/hls-transport-/.test(path),
    );
    expect(chunk, 'the HLS chunk comes from the redirected (exact) version').toMatch(/@\d+\.\d+\.\d+\//);
    expect(problems).toEqual({ errors: [], failedRequests: [] });
  }, 120_000);

  it('is harmless to load twice, and next to another version: the first definition wins and plays', async () => {
    const problems = await open('/twice', async (page) => {
      await waitForPlaybackOf(page, 'live-player', 2);
      await page.waitForFunction(() => document.querySelector('live-countdown')?.getAttribute('state') === 'live');
    });
    expect(problems).toEqual({ errors: [], failedRequests: [] });
  }, 120_000);

  it('refuses an invalid prefix with a clear console error, defines nothing and throws nothing', async () => {
    const problems = await open('/bad-prefix', async (page) => {
      await page.waitForLoadState('load');
      const defined = await page.evaluate(() =>
        ['live-player', 'live-group-qr', 'my shop-player', '-x-group-qr'].filter((tag) => {
          try {
            return !!customElements.get(tag);
          } catch {
            return false;
          }
        }),
      );
      expect(defined).toEqual([]);
    });
    expect(problems.failedRequests).toEqual([]);
    expect(problems.errors.sort()).toEqual([
      'LiveHook: data-prefix="-x" is not a valid tag prefix (a-z, 0-9, hyphens); nothing defined.',
      'LiveHook: data-prefix="My Shop" is not a valid tag prefix (a-z, 0-9, hyphens); nothing defined.',
    ]);
  }, 120_000);
});
