// The strict Content-Security-Policy recipe of docs/guides/security.md, proven in Chromium with the real header:
// the CDN builds from another origin, a live stream from a third, Trusted Types required, no 'unsafe-*'. The
// player plays and the widgets draw (QR code, countdown, follow card) with zero violations, seen both by the page's
// `securitypolicyviolation` events and by the policy's report endpoint; LiveKit (WebRTC) plays under it too.
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../../scripts/find-chromium.mjs';
import { startDemoStream } from '../../../testbed/demo-stream/index.mjs';
import { startLiveKitPart } from '../../../testbed/livekit/index.mjs';
import { type CdnOrigin, type ShopOrigin, startCdnOrigin, startShopOrigin } from './cdn-origins.js';
import { frameColours, waitForPlayback, watchProblems } from './page-helpers.js';
import { strictPolicy } from './strict-csp.js';

type Violation = { directive: string; blocked: string; sample: string };

describe('a shop page under a strict CSP with Trusted Types', () => {
  let browser: Browser;
  let cdn: CdnOrigin;
  let shop: ShopOrigin;
  let stream: Awaited<ReturnType<typeof startDemoStream>>;
  let policy = '';

  beforeAll(async () => {
    [cdn, stream] = await Promise.all([startCdnOrigin(), startDemoStream()]);
    shop = await startShopOrigin({
      '/': (shop) => {
        policy = strictPolicy({ cdn: cdn.origin, stream: stream.origin, reportUri: shop.reportUrl });
        return { headers: { 'Content-Security-Policy': policy }, html: storefront() };
      },
      // Why the recipe says 'allow-duplicates': the same page without it.
      '/no-duplicates': (shop) => {
        const strict = strictPolicy({ cdn: cdn.origin, stream: stream.origin, reportUri: shop.reportUrl });
        return {
          headers: { 'Content-Security-Policy': strict.replace(" 'allow-duplicates'", '') },
          html: storefront(),
        };
      },
    });
    browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  }, 120_000);

  const storefront = () => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <link rel="icon" href="data:,">
  <title>Tea house</title>
  <script type="module" src="${cdn.jsdelivr('@livehook/player', 'dist/cdn/live-player.js')}"></script>
  <script type="module" src="${cdn.jsdelivr('@livehook/widgets', 'dist/cdn/live-widgets.js')}"></script>
</head>
<body>
  <live-player id="live" src="${stream.masterUrl}" autoplay muted controls></live-player>
  <live-group-qr href="https://t.me/+TeaHouse" headline="Join our tea club"></live-group-qr>
  <live-countdown starts-at="2099-01-06T20:00:00+08:00" headline="Next tasting"></live-countdown>
  <live-follow-unlock for="live" follow-mode="link" follow-href="https://shop.example/follow" public-code="TEA20"
    headline="Follow us to unlock ¥20 off"></live-follow-unlock>
</body>
</html>`;

  afterAll(async () => {
    await browser?.close();
    await Promise.all([shop?.stop(), cdn?.stop(), stream?.stop()]);
  }, 120_000);

  it('plays the live stream and draws the widgets with zero violations, and would have reported one', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      await context.addInitScript(() => {
        const seen: Violation[] = [];
        (window as unknown as { violations: Violation[] }).violations = seen;
        document.addEventListener('securitypolicyviolation', (e) =>
          seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }),
        );
      });
      const page = await context.newPage();
      const problems = await watchProblems(context, page);
      const response = await page.goto(`${shop.origin}/`);
      const header = response?.headers()['content-security-policy'] ?? '';
      expect(header).toBe(policy);
      expect(header).not.toMatch(/unsafe-|\*|blob:[^;]*script|data:[^;]*script/);

      await waitForPlayback(page, 3);
      const frame = await frameColours(page);
      expect(frame.colours, 'the video frame looks blank').toBeGreaterThan(100);

      await page.waitForFunction(() => {
        const img = document
          .querySelector('live-group-qr')
          ?.shadowRoot?.querySelector<HTMLImageElement>('img[part="qr"]');
        return !!img && img.complete && img.naturalWidth > 0;
      });
      const widgets = await page.evaluate(() => {
        const shadowText = (selector: string, part: string) =>
          document.querySelector(selector)?.shadowRoot?.querySelector(`[part="${part}"]`)?.textContent?.trim() ?? '';
        const stylesIn = (root: Document | ShadowRoot): number =>
          [...root.querySelectorAll('*')].reduce(
            (n, el) => n + (el.localName === 'style' ? 1 : 0) + (el.shadowRoot ? stylesIn(el.shadowRoot) : 0),
            0,
          );
        return {
          timer: shadowText('live-countdown', 'timer'),
          follow: document.querySelector('live-follow-unlock')?.shadowRoot?.textContent ?? '',
          // Lit styles through adoptedStyleSheets: not one <style> element, which style-src would block.
          styleElements: stylesIn(document),
          adopted: document.querySelector('live-player')?.shadowRoot?.adoptedStyleSheets.length ?? 0,
        };
      });
      expect(widgets.timer, 'the countdown shows its numbers').toMatch(/\d/);
      expect(widgets.follow).toContain('Follow us to unlock ¥20 off');
      expect(widgets.styleElements).toBe(0);
      expect(widgets.adopted).toBeGreaterThan(0);

      // Reports are sent as they happen; give a straggler a moment before asserting none came.
      await page.waitForTimeout(1000);
      expect(await page.evaluate(() => (window as unknown as { violations: Violation[] }).violations)).toEqual([]);
      expect(shop.reports).toEqual([]);
      expect(problems).toEqual({ errors: [], failedRequests: [] });

      // The control: the same page does see and report what this policy forbids.
      await page.evaluate(() => {
        try {
          document.createElement('div').innerHTML = '<b>raw HTML</b>';
        } catch {
          // Trusted Types refused it, as it should.
        }
        const styled = document.createElement('div');
        styled.setAttribute('style', 'color: red');
        document.body.append(styled);
      });
      await page.waitForFunction(() => (window as unknown as { violations: Violation[] }).violations.length >= 2);
      const control = await page.evaluate(() => (window as unknown as { violations: Violation[] }).violations);
      expect(control.map((v) => v.directive).sort()).toEqual(['require-trusted-types-for', 'style-src-attr']);
      await expect.poll(() => shop.reports.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    } finally {
      await context.close();
    }
  }, 120_000);
  it("needs 'allow-duplicates': without it the second bundle's Lit cannot create its policy and fails to load", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const problems = await watchProblems(context, page);
      await page.goto(`${shop.origin}/no-duplicates`);
      await page.waitForFunction(() => customElements.get('live-player') || customElements.get('live-countdown'));
      await page.waitForTimeout(500);
      const defined = await page.evaluate(
        () => [customElements.get('live-player'), customElements.get('live-countdown')].filter(Boolean).length,
      );
      expect(defined, 'exactly one of the two bundles loads').toBe(1);
      expect(problems.errors.join('\n')).toMatch(/TrustedTypePolicy named 'lit-html'[^\n]*allow-duplicates/);
    } finally {
      await context.close();
    }
  }, 120_000);
});

describe('LiveKit under the same strict policy', () => {
  let browser: Browser;
  let cdn: CdnOrigin;
  let shop: ShopOrigin;
  let livekit: Awaited<ReturnType<typeof startLiveKitPart>>;

  beforeAll(async () => {
    [cdn, livekit] = await Promise.all([startCdnOrigin(), startLiveKitPart()]);
    const { wsUrl, httpUrl, tokenUrl, room } = livekit.info;
    shop = await startShopOrigin({
      '/': (shop) => ({
        // connect-src: the LiveKit server's WebSocket (and its HTTP address) and the token endpoint's origin.
        headers: {
          'Content-Security-Policy': strictPolicy({
            cdn: cdn.origin,
            stream: `${new URL(wsUrl).origin} ${new URL(httpUrl).origin} ${new URL(tokenUrl).origin}`,
            reportUri: shop.reportUrl,
          }),
        },
        html: `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Tea house</title>
<script type="module" src="${cdn.jsdelivr('@livehook/player', 'dist/cdn/live-player.js')}"></script></head>
<body><live-player livekit-url="${wsUrl}" token-url="${tokenUrl}" room="${room}" autoplay muted controls></live-player></body></html>`,
      }),
    });
    browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([shop?.stop(), cdn?.stop(), livekit?.stop()]);
  }, 120_000);

  it('plays the host over WebRTC with zero violations', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const problems = await watchProblems(context, page);
      await page.goto(`${shop.origin}/`);
      await waitForPlayback(page, 3, 60_000);
      const viaWebRtc = await page.evaluate(
        () =>
          document.querySelector('live-player')?.shadowRoot?.querySelector('video')?.srcObject instanceof MediaStream,
      );
      expect(viaWebRtc, 'the picture comes from LiveKit, not HLS').toBe(true);
      await page.waitForTimeout(1000);
      expect(shop.reports).toEqual([]);
      expect(problems).toEqual({ errors: [], failedRequests: [] });
    } finally {
      await context.close();
    }
  }, 180_000);
});
