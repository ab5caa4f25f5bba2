// @ts-check
// Serves the built docs site with everything its live examples need, on one origin and with no accounts:
//   /…                 the site's files (docs/.site, or another folder such as the screenshot test's pages)
//   /cdn/player/, /cdn/widgets/   the CDN builds from packages/*/dist/cdn (always the latest build)
//   /stream/…          the built-in demo live stream (testbed/demo-stream), with the host's cues in it
//   /shop/api/…        the reference server (examples/server) as the example shop's backend (its /api/…)
//   /host/cues         the demo's host console endpoint: POST { action: 'coupon.open' } sends a cue in the stream
// Everything but the site files comes from the demo (`startDemo`, examples/demo/server.mjs) running on a
// private port behind this one, so the examples run exactly what `npm run demo` runs.
import { createServer, request } from 'node:http';
import { join } from 'node:path';
import { startDemo } from '../../examples/demo/server.mjs';
import { sendStatic } from '../../examples/demo/static-files.mjs';
import { defaultSiteDir, playerCdnDir, widgetsCdnDir } from './paths.mjs';

/** Path prefixes answered by the demo behind us: [our prefix, the demo's prefix]. */
const PROXIED = [
  ['/stream/', '/stream/'],
  ['/shop/api/', '/api/'],
  ['/host/cues', '/host/cues'],
  ['/join/', '/join/'],
];

/**
 * @typedef {object} DocsServer
 * @property {string} url the site's home, e.g. http://127.0.0.1:4173/
 * @property {string} origin
 * @property {string} streamUrl the demo stream's master playlist
 * @property {() => Promise<void>} stop
 */

/**
 * @param {object} [options]
 * @param {string} [options.siteDir] the folder served at / (default docs/.site)
 * @param {number} [options.port] default 0 (a free port)
 * @param {string} [options.host] default 127.0.0.1
 * @param {(line: string) => void} [options.log]
 * @returns {Promise<DocsServer>}
 */
export async function startDocsServer({
  siteDir = defaultSiteDir,
  port = 0,
  host = '127.0.0.1',
  log = console.log,
} = {}) {
  const demo = await startDemo({ port: 0, host: '127.0.0.1', log });
  const demoOrigin = new URL(demo.url).origin;
  const root = siteDir.replace(/[\\/]+$/, '');

  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://docs').pathname);
      const proxied = PROXIED.find(([prefix]) => path.startsWith(prefix) || `${path}/` === prefix);
      if (proxied?.[0] === '/host/cues' && !isLoopback(req.socket.remoteAddress ?? '')) {
        // The demo checks this too, but behind us every request comes from loopback: keep the host's button local.
        return void res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('this machine only\n');
      }
      if (proxied) return proxy(req, res, demoOrigin, (req.url ?? '/').replace(proxied[0], proxied[1]));
      if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      if (path.startsWith('/cdn/player/') && (await sendStatic(req, res, cdn(playerCdnDir), path.slice(12)))) return;
      if (path.startsWith('/cdn/widgets/') && (await sendStatic(req, res, cdn(widgetsCdnDir), path.slice(13)))) return;
      const file = path.endsWith('/') ? `${path}index.html` : path;
      if (await sendStatic(req, res, root, file.slice(1))) return;
      // `/guides` → `/guides/index.html`, as static hosts do.
      if (!/\.\w+$/.test(path) && (await sendStatic(req, res, root, `${path.slice(1)}/index.html`))) return;
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`not found: ${path}\n`);
    } catch (error) {
      log(`docs: ${req.method} ${req.url} failed: ${error instanceof Error ? error.message : error}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('internal error\n');
    }
  });
  try {
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve(undefined));
    });
  } catch (error) {
    await demo.stop();
    throw error;
  }
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    url: `${origin}/`,
    origin,
    streamUrl: `${origin}/stream/master.m3u8`,
    stop: async () => {
      await new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections(); // players keep connections alive
      });
      await demo.stop();
    },
  };
}

/** @param {string} address */
function isLoopback(address) {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/** A CDN folder without its trailing slash, as sendStatic wants its root. */
function cdn(/** @type {string} */ dir) {
  return join(dir, '.');
}

/**
 * Passes one request to the demo and its answer back. The Host header is kept, so the reference server
 * sees the page's own origin (same-origin, no CORS) as it does in the demo.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} demoOrigin
 * @param {string} path
 */
function proxy(req, res, demoOrigin, path) {
  const target = new URL(path, demoOrigin);
  const upstream = request(
    target,
    { method: req.method, headers: { ...req.headers, 'x-forwarded-host': req.headers.host ?? '' } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('the example backend is not answering\n');
  });
  req.pipe(upstream);
}
