// @ts-check
// The built-in demo stream: a pre-encoded loop served as an endless LIVE HLS stream (sliding
// window, wall-clock sequence numbers, a discontinuity at every wrap). Needs no ffmpeg at run time.
import { createServer } from 'node:http';
import { createStreamHandler } from './handler.mjs';
import { loadCatalog } from './media-catalog.mjs';

/**
 * @typedef {object} DemoStreamOptions
 * @property {number} [windowSize] segments per playlist (default 6)
 * @property {boolean} [startNearWrap] start with the window ending on the loop's last segment (of its
 *   second pass, so the discontinuity sequence is already 1): a player joining at the live edge
 *   crosses a wrap within seconds. For tests; by default the stream starts at sequence 0.
 * @property {string} [mediaDir] another pre-encoded loop (default: ./media)
 * @property {() => number} [clock] wall clock, ms
 */

/**
 * Builds the stream's request handler, to mount in an existing server (the demo page's).
 * The window is full from the first request: the clock starts `windowSize` segments in the past.
 * @param {DemoStreamOptions} [options]
 */
export function createDemoStream({ windowSize = 6, startNearWrap = false, mediaDir, clock = Date.now } = {}) {
  const catalog = loadCatalog(mediaDir);
  const firstSequence = startNearWrap ? Math.max(0, 2 * catalog.segmentCount - windowSize) : 0;
  const zeroTime = clock() - (firstSequence + windowSize) * catalog.segmentMs;
  return {
    handler: createStreamHandler({ catalog, zeroTime, windowSize, clock }),
    /** Loop length in segments, for callers that want to aim at a wrap. */
    segmentCount: catalog.segmentCount,
    segmentMs: catalog.segmentMs,
  };
}

/**
 * Serves the demo stream on its own HTTP server.
 * @param {DemoStreamOptions & { port?: number, host?: string }} [options]
 * @returns {Promise<{ origin: string, masterUrl: string, stop: () => Promise<void> }>}
 */
export async function startDemoStream({ port = 0, host = '127.0.0.1', ...streamOptions } = {}) {
  const { handler } = createDemoStream(streamOptions);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
    if (!handler(req, res, path)) res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    origin,
    masterUrl: `${origin}/master.m3u8`,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Players keep connections alive; without this close() waits for them.
        server.closeAllConnections();
      }),
  };
}

/** The test-bed part `demo` (see ../index.mjs): info for browser tests, and how to stop it. */
export async function startDemoPart() {
  const { origin, masterUrl, stop } = await startDemoStream();
  return { info: { origin, masterUrl }, stop };
}
