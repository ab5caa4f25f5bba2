// @ts-check
// The demo's one HTTP server: the shop page at /, the player's CDN build at /cdn/player/, the
// widgets' at /cdn/widgets/ (once built), the built-in live stream at /stream/master.m3u8.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createDemoStream } from '../../testbed/demo-stream/index.mjs';
import { resolveLiveKit, TOKEN_PATH } from './livekit.mjs';
import { contentSecurityPolicy, renderPage } from './page.mjs';
import { sendStatic } from './static-files.mjs';

const dir = (/** @type {string} */ relative) => fileURLToPath(new URL(relative, import.meta.url));
const shopDir = dir('../script-tag');
const playerCdnDir = dir('../../packages/player/dist/cdn');
const widgetsCdnDir = dir('../../packages/widgets/dist/cdn');

/**
 * @typedef {object} DemoOptions
 * @property {number} [port] default 8080; 0 picks a free port; a busy port falls back to a free one
 * @property {string} [host] default 127.0.0.1
 * @property {boolean} [livekit] also start the test bed's LiveKit part (the `--livekit` flag)
 * @property {NodeJS.ProcessEnv} [env] where LIVEKIT_URL / _API_KEY / _API_SECRET are read (default process.env)
 * @property {import('../../testbed/demo-stream/index.mjs').DemoStreamOptions} [stream] e.g. `startNearWrap`
 * @property {(line: string) => void} [log]
 */

/**
 * @typedef {object} Demo
 * @property {string} url the shop page
 * @property {string} streamUrl the HLS master playlist
 * @property {import('./page.mjs').LiveKitAttributes | null} livekit what the page tries before HLS
 * @property {{ segmentCount: number, segmentMs: number }} loop the stream's loop, to aim a test at its wrap
 * @property {() => Promise<void>} stop
 */

/**
 * @param {DemoOptions} [options]
 * @returns {Promise<Demo>}
 */
export async function startDemo({
  port = 8080,
  host = '127.0.0.1',
  livekit: useTestbed = false,
  env = process.env,
  stream = {},
  log = console.log,
} = {}) {
  if (!existsSync(`${playerCdnDir}/live-player.js`)) {
    throw new Error(
      'packages/player/dist/cdn/live-player.js is missing: run `pnpm build` at the repository root first.',
    );
  }
  const demoStream = createDemoStream(stream);
  const livekit = await resolveLiveKit({ env, testbed: useTestbed, log });
  const csp = contentSecurityPolicy({ connect: livekit?.connect });
  const pageHeaders = {
    'Content-Security-Policy': csp,
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'SAMEORIGIN',
  };

  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://demo').pathname);
      if (path.startsWith('/stream/') && demoStream.handler(req, res, path.slice('/stream/'.length))) return;
      if (path === TOKEN_PATH && livekit?.tokenRoute) return livekit.tokenRoute(req, res);
      if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      if (path === '/' || path === '/index.html') {
        const html = renderPage(await readFile(`${shopDir}/index.html`, 'utf8'), livekit?.attributes ?? null);
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', ...pageHeaders });
        return void res.end(req.method === 'HEAD' ? undefined : html);
      }
      if (
        path.startsWith('/cdn/player/') &&
        (await sendStatic(req, res, playerCdnDir, path.slice('/cdn/player/'.length)))
      )
        return;
      if (
        path.startsWith('/cdn/widgets/') &&
        (await sendStatic(req, res, widgetsCdnDir, path.slice('/cdn/widgets/'.length)))
      )
        return;
      // The shop's own assets; its tests are not part of the site.
      if (!path.startsWith('/test/') && (await sendStatic(req, res, shopDir, path.slice(1)))) return;
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
    } catch (error) {
      log(`demo: ${req.method} ${req.url} failed: ${error instanceof Error ? error.message : error}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('internal error\n');
    }
  });

  try {
    await listen(server, port, host, log);
  } catch (error) {
    await livekit?.stop();
    throw error;
  }
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${address.port}`;

  return {
    url: `${origin}/`,
    streamUrl: `${origin}/stream/master.m3u8`,
    livekit: livekit?.attributes ?? null,
    loop: { segmentCount: demoStream.segmentCount, segmentMs: demoStream.segmentMs },
    stop: async () => {
      await new Promise((resolve) => {
        server.close(() => resolve(undefined));
        // Players hold keep-alive connections open; close() alone would wait for them.
        server.closeAllConnections();
      });
      await livekit?.stop();
    },
  };
}

/**
 * Listens on `port`, or on a free port when that one is taken (a second demo, another dev server).
 * @param {import('node:http').Server} server
 * @param {number} port
 * @param {string} host
 * @param {(line: string) => void} log
 */
async function listen(server, port, host, log) {
  /** @param {number} p */
  const attempt = (p) =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(p, host, () => {
        server.off('error', reject);
        resolve(undefined);
      });
    });
  try {
    await attempt(port);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EADDRINUSE' || port === 0) throw error;
    log(`Port ${port} is busy; using a free port instead.`);
    await attempt(0);
  }
}
