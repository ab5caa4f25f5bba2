// @ts-check
// One measured page load of the LiveKit benchmark: a fresh browser context, navigate, wait for the first
// video frame (found through shadow roots by the HLS bench's probe), then read glass-to-glass latency
// samples from the publisher's pixel clock on the frames the page decodes.
import { installProbe, readProbe } from '../hls/probe.mjs';

/**
 * @typedef {{ contender: string, ok: boolean, error?: string, ttff: number, fromStart: number,
 *   frame: string, js: { encoded: number, decoded: number, files: number }, latencies: number[] }} Run
 */

/**
 * In the page: for the next `count` decoded frames, the time on screen minus the capture time the
 * publisher burnt into the picture (same machine, same clock). Self-contained for page.evaluate.
 * @param {{ count: number, timeoutMs: number }} options
 */
async function sampleLatency({ count, timeoutMs }) {
  const { decodeClock } = await import('/clock-code.mjs');
  /** @type {HTMLVideoElement[]} */
  const videos = [];
  const walk = (/** @type {Document | ShadowRoot} */ node) => {
    for (const el of node.querySelectorAll('*')) {
      if (el instanceof HTMLVideoElement) videos.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  const video = videos[0];
  if (!video) throw new Error('no <video>');
  const canvas = document.createElement('canvas');
  const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d', { willReadFrequently: true }));
  /** @type {number[]} */
  const samples = [];
  await new Promise((resolve) => {
    const deadline = setTimeout(resolve, timeoutMs);
    const onFrame = (/** @type {number} */ _now, /** @type {VideoFrameCallbackMetadata} */ meta) => {
      const shown = performance.timeOrigin + meta.expectedDisplayTime;
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      ctx.drawImage(video, 0, 0);
      const captured = decodeClock(ctx.getImageData(0, 0, canvas.width, canvas.height));
      if (captured !== null) samples.push(shown - captured);
      if (samples.length >= count) {
        clearTimeout(deadline);
        resolve(undefined);
      } else video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  });
  return samples;
}

/** In the page: ms from the start of loading to the first frame as the page itself measures it. */
function fromStart() {
  const player = /** @type {any} */ (document.querySelector('live-player'));
  if (player) return player.metrics?.timeToFirstFrame ?? Number.NaN; // Viewer: load() → first frame
  const probe = /** @type {any} */ (window).__benchProbe;
  const script = performance.getEntriesByType('resource').find((e) => e.name.includes('/raw-viewer.js'));
  return script ? probe.firstFrame - script.responseEnd : Number.NaN; // script arrived → first frame
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} contender
 * @param {string} url
 * @param {{ timeoutMs?: number, samples?: number }} [options]
 * @returns {Promise<Run>}
 */
export async function measure(browser, contender, url, { timeoutMs = 30_000, samples = 30 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  /** @type {string[]} */
  const errors = [];
  try {
    await context.addInitScript(installProbe);
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
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
    const start = await page.evaluate(fromStart);
    const latencies = await page.evaluate(sampleLatency, { count: samples, timeoutMs: 15_000 });
    const scripts = probe.resources.filter((r) => /\.m?js(\?|$)/.test(r.name) && r.decoded > 0);
    return {
      contender,
      ok: true,
      ttff: probe.firstFrame ?? Number.NaN,
      fromStart: start,
      frame: `${probe.frameWidth}×${probe.frameHeight}`,
      js: {
        encoded: scripts.reduce((n, r) => n + r.encoded, 0),
        decoded: scripts.reduce((n, r) => n + r.decoded, 0),
        files: scripts.length,
      },
      latencies,
    };
  } catch (error) {
    const message = /** @type {Error} */ (error).message.split('\n')[0];
    return {
      contender,
      ok: false,
      error: [message, ...errors].join(' | '),
      ttff: Number.NaN,
      fromStart: Number.NaN,
      frame: '',
      js: { encoded: 0, decoded: 0, files: 0 },
      latencies: [],
    };
  } finally {
    await context.close();
  }
}
