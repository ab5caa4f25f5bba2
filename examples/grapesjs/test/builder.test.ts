// A storefront builder in GrapesJS, in real Chromium: drag the player and widgets from the block panel onto
// the page with the mouse, fill in their property panels by typing, publish, then open the published page
// on its own and check what a shopper sees: the live stream plays, the QR code encodes the typed link, the
// countdown counts to the typed time.
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../../scripts/find-chromium.mjs';
import { startDemoStream } from '../../../testbed/demo-stream/index.mjs';
import { startBuilderServer } from '../server.mjs';

const require = createRequire(import.meta.url);
const jsQrScript = require.resolve('jsqr/dist/jsQR.js');
const needed = [
  '../../../packages/player/dist/cdn/live-player.js',
  '../../../packages/widgets/dist/cdn/live-widgets.js',
  '../../../packages/player/custom-elements.json',
  '../../../packages/widgets/custom-elements.json',
].map((path) => fileURLToPath(new URL(path, import.meta.url)));

const screenshots = fileURLToPath(new URL('./__screenshots__/', import.meta.url));
const GROUP_LINK = 'https://shop.example/groups/spring-sale?ref=live';
const HEADLINE = '加入粉丝群 Join our fan group';

type Servers = {
  builder: Awaited<ReturnType<typeof startBuilderServer>>;
  stream: { masterUrl: string; stop: () => Promise<void> };
};

describe('the GrapesJS page builder', () => {
  let browser: Browser;
  let servers: Servers;

  beforeAll(async () => {
    const missing = needed.filter((file) => !existsSync(file));
    if (missing.length)
      throw new Error(`Missing ${missing.join(', ')}: run \`pnpm build\` at the repository root first.`);
    // The stream comes from another origin than the page, as from a real CDN.
    servers = { builder: await startBuilderServer(), stream: await startDemoStream() };
    browser = await chromium.launch({
      executablePath: findChromium(),
      args: [...chromiumArgs, '--autoplay-policy=no-user-gesture-required'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await servers?.builder.stop();
    await servers?.stream.stop();
  });

  it('offers one block per element in the manifests, in English or Simplified Chinese', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      const errors = watchErrors(page);
      await page.goto(`${servers.builder.origin}/`);
      const blocks = page.locator('#blocks [data-block]');
      await expect.poll(() => blocks.count()).toBeGreaterThan(0);
      const tags = await blocks.evaluateAll((els) => els.map((el) => el.getAttribute('data-block')));
      expect(tags.sort()).toEqual([
        'live-analytics',
        'live-countdown',
        'live-coupon',
        'live-follow-unlock',
        'live-group-qr',
        'live-player',
      ]);
      expect(errors).toEqual([]);

      await page.goto(`${servers.builder.origin}/?lang=zh-CN`);
      await expect.poll(() => page.getByRole('button', { name: '发布' }).isEnabled()).toBe(true);
      expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['组件', '设置']);
    } finally {
      await page.close();
    }
  });

  it('says what is wrong when a manifest cannot be loaded, without throwing into the page', async () => {
    const page = await browser.newPage();
    try {
      const uncaught: string[] = [];
      page.on('pageerror', (e) => uncaught.push(e.message));
      await page.route('**/manifests/widgets.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
      await page.goto(`${servers.builder.origin}/`);
      await expect
        .poll(() => page.getByRole('status').textContent())
        .toContain('Could not load the element descriptions (/manifests/widgets.json: HTTP 404)');
      expect(await page.getByRole('button', { name: 'Publish' }).isDisabled()).toBe(true);
      expect(uncaught).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('drag, fill in, publish: the published page plays the stream and shows the widgets as set', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${servers.builder.origin}/`);
      await page.getByRole('button', { name: 'Publish' }).and(page.locator(':enabled')).waitFor();
      const canvas = await canvasFrame(page);

      // The group QR, dropped on the empty page, its link and headline typed into its panel.
      await dragBlock(page, 'live-group-qr', { x: 0.5, y: 0.1 });
      await expect.poll(() => canvas.locator('live-group-qr').count()).toBe(1);
      await canvas.locator('live-group-qr').click();
      await typeInto(page, 'href', GROUP_LINK);
      await typeInto(page, 'headline', HEADLINE);
      // Rendered live in the editor: the canvas runs the CDN build.
      expect(await decodeQr(canvas, 'live-group-qr'), 'the QR code in the editor').toBe(GROUP_LINK);

      // The countdown, below it, to a time typed into its panel (1 day, 3 hours and 25 minutes from now).
      const startsAt = new Date(Date.now() + ((24 + 3) * 60 + 25) * 60_000);
      startsAt.setSeconds(30, 0);
      await dragBlock(page, 'live-countdown', { x: 0.5, y: 0.95 });
      await expect.poll(() => canvas.locator('live-countdown').count()).toBe(1);
      await canvas.locator('live-countdown').click();
      await typeInto(page, 'starts-at', startsAt.toISOString());
      await typeInto(page, 'duration', '90');
      await chooseOption(page, 'remind-with', 'email');
      // A field typed and then emptied again leaves no attribute behind: the element's default applies.
      await typeInto(page, 'reminder-minutes', '30');
      expect(await canvas.locator('live-countdown').getAttribute('reminder-minutes')).toBe('30');
      await typeInto(page, 'reminder-minutes', '');
      expect(await canvas.locator('live-countdown').getAttribute('reminder-minutes')).toBeNull();

      // The player, dropped above both, then its stream typed in and three switches ticked.
      await dragBlock(page, 'live-player', { x: 0.5, y: 0.01 });
      await expect.poll(() => canvas.locator('body > * > live-player').count()).toBe(1);
      await canvas.locator('live-player').click();
      const playlistLoads = countRequests(page, servers.stream.masterUrl);
      await typeInto(page, 'src', servers.stream.masterUrl);
      await setChecked(page, 'muted');
      await setChecked(page, 'autoplay');
      await expect.poll(() => playedSeconds(canvas), { timeout: 30_000 }).toBeGreaterThan(0.5);
      // Showing the controls is not a new source: the stream in the editor keeps playing, no restart.
      const loadsBefore = playlistLoads.count;
      await setChecked(page, 'controls');
      await canvas.locator('live-player [part~="controls"]').waitFor();
      await page.waitForTimeout(1000);
      expect(playlistLoads.count, 'master playlist loads').toBe(loadsBefore);
      mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: `${screenshots}editor.png` });

      // What GrapesJS exports: the attributes typed, nothing the editor added for itself.
      const exported = await page.evaluate(() =>
        (window as unknown as { editor: { getHtml(): string } }).editor.getHtml(),
      );
      expect(exported).toContain(`src="${servers.stream.masterUrl}"`);
      expect(exported).toMatch(/<live-player[^>]*\bautoplay\b/);
      expect(exported).toContain(`href="${GROUP_LINK.replace(/&/g, '&amp;')}"`);
      expect(exported).toContain(`starts-at="${startsAt.toISOString()}"`);
      expect(exported).toContain('duration="90"');
      expect(exported).toContain('remind-with="email"');
      // Untouched settings stay out of the page, so the elements' own defaults apply.
      expect(exported).not.toContain('latency=');
      expect(exported).not.toContain('reminder-minutes');
      expect(exported).not.toContain('display=');
      expect(exported).not.toContain('preview');
      expect(exported).not.toContain('data-gjs');

      await page.getByRole('button', { name: 'Publish' }).click();
      const link = page.locator('.published-link');
      await link.waitFor();
      const publishedUrl = new URL((await link.getAttribute('href')) ?? '', servers.builder.origin).href;
      // A player dropped before its `src` is typed says so once; anything else is a problem.
      const unexpected = errors.filter((e) => !e.includes('<live-player>: no source given'));
      expect(unexpected, 'errors in the editor').toEqual([]);

      // The published page, on its own: no editor, only the page and the CDN builds.
      const published = await context.newPage();
      const publishedErrors = watchErrors(published);
      const scripts: string[] = [];
      published.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
      await published.goto(publishedUrl);
      const html = await published.content();
      expect(html).not.toContain('grapes');
      // Three blocks side by side on the page, in the order they were placed.
      expect(await published.evaluate(() => [...document.body.children].map((el) => el.localName))).toEqual([
        'live-player',
        'live-group-qr',
        'live-countdown',
      ]);
      expect(scripts).toEqual(expect.arrayContaining(['/cdn/player/live-player.js', '/cdn/widgets/live-widgets.js']));

      const mainFrame = published.mainFrame();
      await expect.poll(() => playedSeconds(mainFrame), { timeout: 30_000 }).toBeGreaterThan(2);
      const video = await videoState(mainFrame);
      expect(video).toMatchObject({ paused: false, muted: true });
      expect(video.videoWidth).toBeGreaterThan(0);

      const qr = published.locator('live-group-qr');
      await expect.poll(() => qr.getAttribute('state')).toBe('ready');
      expect(await qr.locator('#headline').textContent()).toContain(HEADLINE);
      expect(await decodeQr(mainFrame, 'live-group-qr'), 'the QR code on the published page').toBe(GROUP_LINK);

      const timer = published.locator('live-countdown [part="timer"] .digits');
      await expect.poll(() => timer.count(), { timeout: 10_000 }).toBe(4);
      const digits = await timer.allTextContents();
      expect(digits.slice(0, 2)).toEqual(['01', '03']);
      expect(Number(digits[2])).toBeGreaterThanOrEqual(23);
      expect(Number(digits[2])).toBeLessThanOrEqual(25);
      await published.screenshot({ path: `${screenshots}published.png`, fullPage: true });
      expect(publishedErrors, 'errors on the published page').toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

/** The canvas iframe GrapesJS draws the page in. */
async function canvasFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('#gjs iframe.gjs-frame');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no canvas frame');
  await frame.waitForSelector('[data-gjs-type="wrapper"]', { state: 'attached' });
  return frame;
}

/** Drags a block with the mouse onto the canvas, at a point given as a fraction of the canvas size. */
async function dragBlock(page: Page, tagName: string, at: { x: number; y: number }): Promise<void> {
  const block = await page.locator(`#blocks [data-block="${tagName}"]`).boundingBox();
  const canvas = await page.locator('#gjs iframe.gjs-frame').boundingBox();
  if (!block || !canvas) throw new Error('block or canvas not on screen');
  const target = { x: canvas.x + canvas.width * at.x, y: canvas.y + canvas.height * at.y };
  const start = { x: block.x + block.width / 2, y: block.y + block.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  // A few pixels first, so the browser starts a drag, then across to the canvas.
  await page.mouse.move(start.x + 10, start.y + 5, { steps: 3 });
  await page.mouse.move(target.x, target.y, { steps: 20 });
  // Hover a moment before letting go, as a hand does: GrapesJS places the drop marker on later dragover events.
  for (let nudge = 1; nudge <= 4; nudge++) {
    await page.waitForTimeout(100);
    await page.mouse.move(target.x + nudge, target.y + nudge);
  }
  await page.mouse.up();
}

/** The trait row of the selected element's property panel for one attribute. */
function traitRow(page: Page, attribute: string) {
  return page.locator(`#traits [data-attribute="${attribute}"]`);
}

/** Clicks into a setting, types like a user, and leaves the field (GrapesJS applies on change). */
async function typeInto(page: Page, attribute: string, text: string): Promise<void> {
  const input = traitRow(page, attribute).locator('input');
  await input.click();
  await input.press('ControlOrMeta+A');
  if (text) await page.keyboard.type(text);
  else await page.keyboard.press('Backspace');
  await page.keyboard.press('Tab');
}

async function setChecked(page: Page, attribute: string): Promise<void> {
  // GrapesJS draws its own check mark over a hidden input: click what the user sees.
  await traitRow(page, attribute).locator('.gjs-chk-icon').click();
  await expect.poll(() => traitRow(page, attribute).locator('input[type="checkbox"]').isChecked()).toBe(true);
}

async function chooseOption(page: Page, attribute: string, value: string): Promise<void> {
  await traitRow(page, attribute).locator('select').selectOption(value);
}

/** Counts a page's requests (its frames included) for one URL. */
function countRequests(page: Page, url: string): { count: number } {
  const counter = { count: 0 };
  page.on('request', (r) => {
    if (r.url() === url) counter.count++;
  });
  return counter;
}

/** Seconds the first <live-player>'s video has played. */
function playedSeconds(frame: Frame): Promise<number> {
  return frame.evaluate(
    () => document.querySelector('live-player')?.shadowRoot?.querySelector('video')?.currentTime ?? 0,
  );
}

function videoState(frame: Frame) {
  return frame.evaluate(() => {
    const v = document.querySelector('live-player')?.shadowRoot?.querySelector('video');
    return { paused: v?.paused, muted: v?.muted, videoWidth: v?.videoWidth ?? 0 };
  });
}

/** Reads a widget's QR image back to text with jsQR, in the page that shows it. */
async function decodeQr(frame: Frame, tagName: string): Promise<string | null> {
  await frame.waitForFunction(
    (tag) => (document.querySelector(tag)?.shadowRoot?.querySelector('img[part="qr"]') as HTMLImageElement)?.complete,
    tagName,
  );
  await frame.addScriptTag({ path: jsQrScript });
  return frame.evaluate(async (tag) => {
    const img = document.querySelector(tag)?.shadowRoot?.querySelector('img[part="qr"]') as HTMLImageElement;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
    const jsQR = (
      window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }
    ).jsQR;
    return jsQR(data, width, height)?.data ?? null;
  }, tagName);
}

/** Uncaught errors, console errors and failed requests of a page. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // A failed request is reported below with its URL.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()}: ${r.url()}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  return errors;
}
