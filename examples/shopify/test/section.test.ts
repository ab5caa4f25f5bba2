// The Shopify theme section as a shop owner uses it: settings from the theme editor → liquidjs → a storefront page
// loading the CDN builds from an npm CDN URL. Checks the schema, the escaping of hostile settings, and, in Chromium,
// that the player plays the live stream and the widgets show and work (follow → unlocked code, group QR, countdown).
import { readFileSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../../scripts/find-chromium.mjs';
import { startDemoStream } from '../../../testbed/demo-stream/index.mjs';
import { startShopApi } from '../../../testbed/shop-api/index.mjs';
import { type CdnOrigin, type ShopOrigin, startCdnOrigin, startShopOrigin } from '../../script-tag/test/cdn-origins.js';
import { waitForPlayback, watchProblems } from '../../script-tag/test/page-helpers.js';
import { renderSection, sectionSchema } from './render-section.js';

const locale = (name: string) =>
  JSON.parse(readFileSync(new URL(`../locales/${name}.schema.json`, import.meta.url), 'utf8'));

const HOSTILE = '"><script>window.pwned = 1</script>';
const hostileSettings = {
  stream_url: 'javascript:alert(1)',
  follow_headline: HOSTILE,
  follow_reward_label: "' onmouseover='window.pwned = 2",
  follow_href: ' JaVaScRiPt:alert(1)',
  follow_url: 'data:text/html,<script>alert(1)</script>',
  show_follow: true,
  show_group: true,
  group_url: 'javascript:alert(1)',
  show_countdown: true,
  starts_at: '2026-12-01T20:00:00+08:00"><img src=x onerror="window.pwned = 3">',
  countdown_headline: '</live-countdown><script>window.pwned = 4</script>',
  livekit_url: 'javascript:alert(1)',
  token_url: '/apps/livehook/token',
};

/** Theme layout around the section, as `theme.liquid` would wrap it. */
const layout = (section: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Tea house</title></head>
<body><main>${section}</main></body></html>`;

describe('the Shopify section: schema and rendering', () => {
  it('has valid settings: unique ids, every label translated into English and Simplified Chinese', () => {
    const schema = sectionSchema();
    const ids = schema.settings.flatMap((s) => (s.id ? [s.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    const en = locale('en.default');
    const zh = locale('zh-CN');
    const keys = JSON.stringify(schema)
      .match(/"t:[\w.]+"/g)
      ?.map((k) => k.slice(3, -1));
    expect(keys?.length).toBeGreaterThan(20);
    const lookUp = (tree: Record<string, unknown>, key: string) =>
      key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
    for (const key of keys ?? []) {
      expect(typeof lookUp(en, key), `en: ${key}`).toBe('string');
      expect(lookUp(zh, key), `zh-CN: ${key}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('maps the settings to element attributes, and leaves out widgets that are switched off', async () => {
    const html = await renderSection(
      {
        stream_url: 'https://cdn.example.com/live/tea/master.m3u8',
        poster: { src: '//cdn.shopify.com/s/files/1/0001/poster.jpg' },
        starts_at: '2026-12-01T20:00:00+08:00',
        language: 'zh-CN',
        livekit_url: 'wss://live.example.com',
        token_url: '/apps/livehook/token',
        room: 'tea-sale',
        show_group: true,
        group_url: 'https://t.me/+TeaClub',
        group_title: 'Join our tea club',
      },
      { sectionId: 'template--7__live' },
    );
    expect(html).toContain(
      '<script type="module" src="https://cdn.jsdelivr.net/npm/@livehook/player@0/dist/cdn/live-player.js"></script>',
    );
    expect(html).toContain('src="https://cdn.jsdelivr.net/npm/@livehook/widgets@0/dist/cdn/live-widgets.js"');
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain('id="livehook-template--7__live"');
    expect(html).toContain('src="https://cdn.example.com/live/tea/master.m3u8"');
    expect(html).toContain('poster="//cdn.shopify.com/s/files/1/0001/poster.jpg?width=1280"');
    expect(html).toContain('starts-at="2026-12-01T20:00:00+08:00"');
    expect(html).toContain('livekit-url="wss://live.example.com" token-url="/apps/livehook/token" room="tea-sale"');
    expect(html).toContain('autoplay muted');
    expect(html).toMatch(/<live-group-qr\s+for="livehook-template--7__live"\s+href="https:\/\/t\.me\/\+TeaClub"/);
    expect(html).toContain('headline="Join our tea club"');
    expect(html).not.toContain('<live-follow-unlock');
    expect(html).not.toContain('<live-countdown');

    const playerOnly = await renderSection({ stream_url: 'https://cdn.example.com/m.m3u8' }, { locale: 'en' });
    expect(playerOnly).not.toContain('live-widgets.js');
    expect(playerOnly).toContain('lang="en"');
    expect(playerOnly).not.toContain('livekit-url');
  });

  it('escapes hostile settings and drops URLs that are not http(s)', async () => {
    const html = await renderSection(hostileSettings);
    expect(html.match(/<script/g)).toHaveLength(2); // the two CDN scripts, nothing else
    expect(html).not.toMatch(/javascript:|data:text/i);
    expect(html).not.toMatch(/<img|<\/live-countdown><script/);
    // liquidjs writes `"` as &#34;, Shopify as &quot;: either keeps the value inside its attribute.
    expect(html).toMatch(/headline="(&#34;|&quot;)&gt;&lt;script&gt;window\.pwned = 1&lt;\/script&gt;"/);
    expect(html).not.toContain('<live-group-qr'); // its only link was javascript:
    expect(html).not.toMatch(/ src="[^"]*alert/);
  });
});

describe('the Shopify section in Chromium', () => {
  let browser: Browser;
  let cdn: CdnOrigin;
  let shop: ShopOrigin;
  let stream: Awaited<ReturnType<typeof startDemoStream>>;
  let shopApi: Awaited<ReturnType<typeof startShopApi>>;

  beforeAll(async () => {
    [cdn, stream, shopApi] = await Promise.all([startCdnOrigin(), startDemoStream(), startShopApi()]);
    const endpoint = (name: string) => `${shopApi.info.origin}/shops/shopify-section/${name}`;
    const storefront = await renderSection({
      cdn_base: `${cdn.origin}/npm`,
      stream_url: stream.masterUrl,
      show_follow: true,
      follow_headline: 'Follow us to unlock ¥20 off',
      follow_url: endpoint('follow'),
      reward_url: endpoint('reward'),
      follow_after_seconds: 0,
      show_group: true,
      group_url: 'https://t.me/+TeaClub',
      group_title: 'Join our tea club',
      show_countdown: true,
      countdown_schedule: 'DTSTART;TZID=Asia/Shanghai:20260106T200000 RRULE:FREQ=WEEKLY;BYDAY=TU,FR',
      countdown_headline: 'Next tasting',
    });
    const hostile = await renderSection({ ...hostileSettings, cdn_base: `${cdn.origin}/npm` });
    shop = await startShopOrigin({ '/': { html: layout(storefront) }, '/hostile': { html: layout(hostile) } });
    browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([shop?.stop(), cdn?.stop(), stream?.stop(), shopApi?.stop()]);
  }, 120_000);

  it('plays the stream; the follow card unlocks a code, the QR code and the countdown show', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const problems = await watchProblems(context, page);
      await page.goto(`${shop.origin}/`);
      await waitForPlayback(page, 3);

      // Tied to the playing player, the countdown says the stream is live now.
      await page.waitForFunction(() => document.querySelector('live-countdown')?.getAttribute('state') === 'live');
      await page.waitForFunction(() => {
        const img = document
          .querySelector('live-group-qr')
          ?.shadowRoot?.querySelector<HTMLImageElement>('img[part="qr"]');
        return !!img && img.complete && img.naturalWidth > 0;
      });
      // After a second of playing the follow card opens; following reveals the shop's code.
      await page.waitForFunction(() => document.querySelector('live-follow-unlock')?.hasAttribute('open'));
      await page.locator('live-follow-unlock [part="follow-button"]').click();
      await page.waitForFunction(
        () => document.querySelector('live-follow-unlock')?.getAttribute('state') === 'unlocked',
      );
      const code = await page.locator('live-follow-unlock [part="code"]').textContent();
      expect(code?.trim()).toMatch(/^[\w.-]+$/);
      expect(problems).toEqual({ errors: [], failedRequests: [] });
    } finally {
      await context.close();
    }
  }, 120_000);

  it('renders hostile settings as text: nothing runs, no javascript: link anywhere', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${shop.origin}/hostile`);
      await page.waitForFunction(() => customElements.get('live-follow-unlock') && customElements.get('live-player'));
      await page.waitForTimeout(1000);
      const seen = await page.evaluate(() => {
        const all = (root: Document | ShadowRoot): Element[] =>
          [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
        const elements = all(document);
        return {
          pwned: (window as unknown as { pwned?: number }).pwned,
          scripts: document.scripts.length,
          handlers: elements.flatMap((el) => el.getAttributeNames().filter((name) => name.startsWith('on'))),
          links: elements.flatMap((el) =>
            ['href', 'src', 'action']
              .map((name) => el.getAttribute(name) ?? '')
              .filter((v) => /^\s*(javascript:|data:text)/i.test(v)),
          ),
          headline: document.querySelector('live-follow-unlock')?.getAttribute('headline'),
          playerSrc: document.querySelector('live-player')?.getAttribute('src'),
        };
      });
      expect(seen).toEqual({
        pwned: undefined,
        scripts: 2,
        handlers: [],
        links: [],
        headline: HOSTILE, // shown as the text the owner typed, not parsed as HTML
        playerSrc: null,
      });
    } finally {
      await context.close();
    }
  }, 120_000);
});
