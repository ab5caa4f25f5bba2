// @ts-check
// One measured page load: a fresh browser context (empty cache, no open connections), navigate, wait for
// the first video frame, read what was fetched by then.
import { installProbe, readProbe } from './probe.mjs';
import { ms } from './stats.mjs';

/**
 * @typedef {{
 *   contender: string, ok: boolean, error?: string,
 *   ttff: number, frame: string, js: { encoded: number, transfer: number, decoded: number, files: number },
 *   marks: Record<string, number>, playlists: number, segments: number, scriptPaths: string[],
 * }} Run
 */

const isScript = (/** @type {string} */ name) => /\.m?js(\?|$)/.test(name);
const isPlaylist = (/** @type {string} */ name) => /\.m3u8(\?|$)/.test(name);
const isSegment = (/** @type {string} */ name) => /\.(ts|m4s|mp4|aac)(\?|$)/.test(name);

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} contender
 * @param {string} url
 * @param {{ timeoutMs?: number, verbose?: boolean, rttMs?: number }} [options] `rttMs` adds that much latency
 *   to every request (Chromium's network emulation), as a CDN far away would; loopback has none.
 * @returns {Promise<Run>}
 */
export async function measure(browser, contender, url, { timeoutMs = 30_000, verbose = false, rttMs = 0 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  /** @type {string[]} */
  const errors = [];
  try {
    await context.addInitScript(installProbe);
    const page = await context.newPage();
    if (rttMs > 0) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: rttMs,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
    }
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(url, { waitUntil: 'commit' });
    await page.evaluate(
      (timeout) =>
        Promise.race([
          /** @type {any} */ (window).__benchProbe.ready,
          new Promise((_, reject) => setTimeout(() => reject(new Error(`no frame after ${timeout} ms`)), timeout)),
        ]),
      timeoutMs,
    );
    const probe = await page.evaluate(readProbe);
    if (verbose) {
      const lines = [
        ...probe.resources.map(
          (r) =>
            /** @type {[number, string]} */ ([
              r.start,
              `    ${ms(r.start).padStart(5)} → ${ms(r.end).padStart(5)}  ${r.name.replace(/^https?:\/\/[^/]+/, '')}`,
            ]),
        ),
        ...probe.milestones.map(
          ([name, at]) => /** @type {[number, string]} */ ([at, `    ${ms(at).padStart(5)}    ·    ${name}`]),
        ),
      ]
        .sort((a, b) => a[0] - b[0])
        .map(([, line]) => line);
      console.log(`  ${contender}: first frame ${ms(probe.firstFrame ?? Number.NaN)} ms\n${lines.join('\n')}`);
    }
    const ttff = probe.firstFrame ?? Number.NaN;
    // Scripts that actually arrived: mux-player also asks gstatic.com for the Cast SDK, which fails offline.
    const scripts = probe.resources.filter((r) => isScript(r.name) && r.decoded > 0);
    const playlists = probe.resources.filter((r) => isPlaylist(r.name));
    const segments = probe.resources.filter((r) => isSegment(r.name));
    const sum = (/** @type {'encoded' | 'transfer' | 'decoded'} */ key) => scripts.reduce((a, r) => a + r[key], 0);
    const first = (/** @type {typeof probe.resources} */ list, /** @type {'start' | 'end'} */ key) =>
      list.length ? Math.min(...list.map((r) => r[key])) : Number.NaN;
    return {
      contender,
      ok: true,
      ttff,
      frame: `${probe.frameWidth}×${probe.frameHeight}`,
      js: { encoded: sum('encoded'), transfer: sum('transfer'), decoded: sum('decoded'), files: scripts.length },
      marks: {
        scriptsDone: scripts.length ? Math.max(...scripts.map((r) => r.end)) : Number.NaN,
        firstPlaylist: first(playlists, 'start'),
        firstSegment: first(segments, 'start'),
        firstSegmentDone: first(segments, 'end'),
      },
      playlists: playlists.length,
      segments: segments.length,
      scriptPaths: scripts.map((r) => new URL(r.name).pathname),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      contender,
      ok: false,
      error: [message, ...errors].join(' | ').slice(0, 300),
      ttff: Number.NaN,
      frame: '',
      js: { encoded: Number.NaN, transfer: Number.NaN, decoded: Number.NaN, files: 0 },
      marks: {},
      playlists: 0,
      segments: 0,
      scriptPaths: [],
    };
  } finally {
    await context.close();
  }
}
