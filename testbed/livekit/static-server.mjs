// @ts-check
// Serves the publisher page, its script, the clock code and livekit-client's browser bundle on loopback.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

/** URL path → file. livekit-client's ESM bundle is self-contained, so it is served as is. */
const files = {
  '/': new URL('./publisher-page.html', import.meta.url),
  '/publisher-page.js': new URL('./publisher-page.js', import.meta.url),
  '/clock-code.mjs': new URL('./clock-code.mjs', import.meta.url),
  '/livekit-client.esm.mjs': new URL(import.meta.resolve('livekit-client')),
};

/** @param {string} path */
const contentType = (path) => (path.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8');

/** @returns {Promise<{ url: string, stop: () => Promise<void> }>} */
export async function startStaticServer() {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url || '/', 'http://127.0.0.1').pathname;
    const file = Object.hasOwn(files, path) ? files[/** @type {keyof typeof files} */ (path)] : null;
    if (!file || req.method !== 'GET') return void res.writeHead(404).end();
    try {
      const body = await readFile(fileURLToPath(file));
      res.writeHead(200, { 'Content-Type': contentType(file.pathname), 'Cache-Control': 'no-store' }).end(body);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
