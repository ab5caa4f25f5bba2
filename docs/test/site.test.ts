// The docs site builds from the repository as it is: every internal link and #fragment resolves, every
// element in the Custom Elements Manifests has a reference page listing its attributes (and the rest of its
// API), the typedoc reference is there, and the screenshots appear when the tests took them.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../scripts/find-chromium.mjs';
import { startDocsServer } from '../build/docs-server.mjs';
import { loadElements } from '../build/element-reference.mjs';
import { checkLinks } from '../build/link-check.mjs';
import { buildSite } from '../build/site.mjs';

const temp = mkdtempSync(join(tmpdir(), 'livehook-docs-site-'));
const noScreenshots = join(temp, 'no-screenshots');
const outDir = join(temp, 'site');
let site: Awaited<ReturnType<typeof buildSite>>;

beforeAll(async () => {
  mkdirSync(noScreenshots);
  site = await buildSite({ outDir, screenshotsDir: noScreenshots, log: () => {} });
}, 600_000);

afterAll(() => rmSync(temp, { recursive: true, force: true }));

const read = (path: string) => readFileSync(join(outDir, path), 'utf8');

/** The HTML between a heading with this id and the next heading of the same level or higher. */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) return '';
  const rest = html.slice(start);
  const end = rest.slice(1).search(/<h[1-3][ >]/);
  return end < 0 ? rest : rest.slice(0, end + 1);
}

describe('the docs site', () => {
  it('resolves every internal link and #fragment, API reference included', () => {
    const { pages, links, broken } = checkLinks(outDir);
    expect(broken).toEqual([]);
    expect(pages).toBeGreaterThan(50); // the guides plus typedoc's pages
    expect(links).toBeGreaterThan(1000);
  });

  it('turns links between markdown files into links between pages', () => {
    const home = read('index.html');
    expect(home).toContain('href="getting-started/script-tag.html"');
    expect(home).not.toMatch(/href="[^"]*\.md[#"]/);
    // A link out of docs/ to a repository README gets a page of its own.
    expect(existsSync(join(outDir, 'repo/bench/index.html'))).toBe(true);
  });

  it('has a page for every guide, getting-started page and live example in the navigation', () => {
    const home = read('index.html');
    for (const page of [
      'getting-started/script-tag.html',
      'getting-started/npm.html',
      'guides/page-builders.html',
      'guides/hls.html',
      'guides/livekit.html',
      'guides/hybrid.html',
      'guides/cues.html',
      'guides/lead-events.html',
      'guides/theming.html',
      'guides/i18n.html',
      'guides/scaling.html',
      'guides/wechat.html',
      'examples/player.html',
      'examples/widgets.html',
      'api/index.html',
    ]) {
      expect(site.pages.concat('api/index.html'), page).toContain(page);
      expect(home, `the sidebar links ${page}`).toContain(`href="${page}"`);
    }
  });

  it('has a reference page per element, listing what its manifest lists', () => {
    const elements = loadElements();
    expect(elements.map((el) => el.tag)).toEqual(
      expect.arrayContaining(['live-player', 'live-follow-unlock', 'live-group-qr', 'live-countdown', 'live-coupon']),
    );
    for (const el of elements) {
      const page = `elements/${el.tag}.html`;
      expect(site.pages, page).toContain(page);
      const html = read(page);
      const lists: [string, { name: string }[]][] = [
        ['attributes', el.attributes],
        ['events', el.events],
        ['slots', el.slots.filter((slot) => slot.name)],
        ['css-parts', el.cssParts],
        ['css-custom-properties', el.cssProperties],
      ];
      for (const [id, items] of lists) {
        // The narrative may have its own "Attributes"/"Events" heading first; the reference's is the last one.
        const ids = [...html.matchAll(new RegExp(`id="(${id}(?:-\\d+)?)"`, 'g'))].map((m) => m[1] ?? '');
        const table = section(html, ids.at(-1) ?? id);
        expect(table, `${page} has a ${id} section`).not.toBe('');
        for (const item of items)
          expect(table, `${page} ${id} lists ${item.name}`).toContain(`<code>${item.name}</code>`);
      }
    }
    expect(el('live-player').attributes.map((a) => a.name)).toEqual(
      expect.arrayContaining(['src', 'starts-at', 'livekit-mode']),
    );
  });

  it('says how to get screenshots when there are none', () => {
    expect(site.screenshots).toBe(0);
    expect(read('elements/live-player.html')).toContain('No screenshots in this build');
  });

  it('shows the screenshots the tests took, on their element pages', async () => {
    const shots = join(temp, 'shots');
    mkdirSync(shots);
    // A 1×1 PNG stands in for a picture; the build only copies it and describes it.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    writeFileSync(join(shots, 'live-coupon--open--en.png'), png);
    writeFileSync(
      join(shots, 'index.json'),
      JSON.stringify([
        {
          file: 'live-coupon--open--en.png',
          tag: 'live-coupon',
          state: 'open',
          lang: 'en',
          caption: 'Open',
          width: 1,
          height: 1,
        },
      ]),
    );
    const small = join(temp, 'site-with-shots');
    const built = await buildSite({ outDir: small, screenshotsDir: shots, api: false, log: () => {} });
    expect(built.screenshots).toBe(1);
    const coupon = readFileSync(join(small, 'elements/live-coupon.html'), 'utf8');
    expect(coupon).toContain('src="../screenshots/live-coupon--open--en.png"');
    expect(existsSync(join(small, 'screenshots/live-coupon--open--en.png'))).toBe(true);
    expect(readFileSync(join(small, 'elements/live-player.html'), 'utf8')).toContain('No screenshots in this build');
  }, 120_000);
});

describe('the live examples, served by docs:serve', () => {
  it('play the demo stream and talk to the example shop', async () => {
    const docs = await startDocsServer({ siteDir: outDir, log: () => {} });
    const browser = await chromium.launch({
      executablePath: findChromium(),
      args: [...chromiumArgs, '--autoplay-policy=no-user-gesture-required'],
    });
    try {
      const page = await browser.newPage();
      const thrown: string[] = [];
      page.on('pageerror', (error) => thrown.push(error.message));
      await page.goto(`${docs.url}examples/player.html`);
      await page.waitForFunction(
        () => {
          const player = document.querySelector('#example-playing');
          const video = player?.shadowRoot?.querySelector('video');
          return player?.getAttribute('state') === 'playing' && !!video && video.currentTime > 1;
        },
        undefined,
        { timeout: 45_000 },
      );
      // The pre-live example: a playlist that is not there yet.
      await page.waitForSelector('live-player[starts-at][state="waiting"]', { timeout: 30_000 });

      await page.goto(`${docs.url}examples/widgets.html`);
      await page.waitForSelector('live-follow-unlock[state="locked"]');
      await page.waitForSelector('live-group-qr[state="ready"]', { timeout: 30_000 });
      await page.waitForSelector('live-coupon[state="open"][open]');
      expect(thrown).toEqual([]);
    } finally {
      await browser.close();
      await docs.stop();
    }
  }, 180_000);
});

describe('the link checker', () => {
  it('reports a missing page and a missing #fragment', () => {
    const dir = join(temp, 'broken');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'a.html'),
      '<h1 id="top">A</h1><a href="b.html#nowhere">b</a> <a href="gone.html">gone</a> <a href="#top">top</a>',
    );
    writeFileSync(join(dir, 'b.html'), '<h1 id="here">B</h1>');
    expect(checkLinks(dir).broken).toEqual([
      { page: 'a.html', link: 'b.html#nowhere', problem: 'no id "nowhere" in b.html' },
      { page: 'a.html', link: 'gone.html', problem: 'no file gone.html' },
    ]);
  });
});

function el(tag: string) {
  const found = loadElements().find((element) => element.tag === tag);
  if (!found) throw new Error(`no <${tag}> in the manifests`);
  return found;
}
