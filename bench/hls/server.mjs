// @ts-check
// One loopback HTTP server for the benchmark pages (`/<contender>.html?src=<playlist>`) and their scripts,
// served like a CDN would: right content type, gzip when the browser accepts it, cacheable.
import { createServer } from 'node:http';
import { CONTENDERS, DIAGNOSTICS } from './pages.mjs';

/**
 * @param {import('./assets.mjs').Assets} assets
 * @param {{ host?: string, port?: number }} [options]
 * @returns {Promise<{ origin: string, pageUrl: (contender: string, src: string) => string, stop: () => Promise<void> }>}
 */
export async function startBenchServer(assets, { host = '127.0.0.1', port = 0 } = {}) {
  /** @type {import('./pages.mjs').PageContext} */
  const context = { hlsChunks: hlsChunks(assets) };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const contender = [...CONTENDERS, ...DIAGNOSTICS].find((c) => url.pathname === `/${c.id}.html`);
    if (contender) {
      const src = url.searchParams.get('src') ?? '';
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : contender.html(src, context));
      return;
    }
    const asset = assets.get(url.pathname);
    if (!asset || url.pathname.endsWith('.map')) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? asset.gzip : asset.body;
    res.writeHead(200, {
      'Content-Type': asset.type,
      'Content-Length': String(body.length),
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      Vary: 'Accept-Encoding',
      'Cache-Control': 'public, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const origin = `http://${address.address}:${address.port}`;
  return {
    origin,
    pageUrl: (contender, src) => `${origin}/${contender}.html?src=${encodeURIComponent(src)}`,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The player's chunks an HLS source needs: hls.js, the HLS transport and every chunk
 * they import statically, found by reading the chunks (the entry itself excluded).
 * @param {import('./assets.mjs').Assets} assets
 */
function hlsChunks(assets) {
  // hls.js's light build (`hls.light-<hash>.js`, what a stream without captions, DRM… plays with) and the
  // transport; not the full build nor the on-demand HLS chunks (`hls-cue-reader-*`, native HLS).
  const found = new Set(
    [...assets.keys()].filter((p) => /^\/player\/chunks\/hls(?:\.light|-transport)-[\w-]{8}\.js$/.test(p)),
  );
  for (const path of found) {
    const code = assets.get(path)?.body.toString('utf8') ?? '';
    for (const [, name] of code.matchAll(/from\s*["']\.\/([\w.-]+\.js)["']/g)) found.add(`/player/chunks/${name}`);
  }
  return [...found];
}
