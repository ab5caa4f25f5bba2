// @ts-check
// One loopback HTTP server for the LiveKit benchmark pages and their scripts, served like a CDN would
// (right content type, gzip when accepted, cacheable).
import { createServer } from 'node:http';
import { CONTENDERS } from './pages.mjs';

/**
 * @param {Map<string, import('./assets.mjs').Asset>} assets
 * @param {import('./pages.mjs').Target} target
 */
export async function startBenchServer(assets, target) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const contender = CONTENDERS.find((c) => url.pathname === `/${c.id}.html`);
    if (contender) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(contender.html(target));
      return;
    }
    const asset = assets.get(url.pathname);
    if (!asset) {
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
    });
    res.end(body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    pageUrl: (/** @type {import('./pages.mjs').Contender} */ c) => `${origin}/${c.id}.html${c.query?.(target) ?? ''}`,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  };
}
