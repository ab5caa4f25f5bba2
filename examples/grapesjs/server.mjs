// @ts-check
// The GrapesJS example's server: the editor page, GrapesJS itself, the packages' manifests and CDN builds,
// the built-in demo stream, and a "publish" endpoint that keeps pages in memory and serves them on their own.
//   node examples/grapesjs/server.mjs [port]
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemoStream } from '../../testbed/demo-stream/index.mjs';
import { sendStatic } from '../demo/static-files.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const MAX_PAGE_BYTES = 1_000_000;
const MAX_PAGES = 200;

/** URL prefix → folder. The CDN folders are what a shop would load from a CDN. */
const MOUNTS = [
  ['/src/', join(here, 'src')],
  ['/vendor/grapesjs/', join(here, 'node_modules', 'grapesjs', 'dist')],
  ['/vendor/grapesjs/locale/', join(here, 'node_modules', 'grapesjs', 'locale')],
  ['/cdn/player/', join(repo, 'packages', 'player', 'dist', 'cdn')],
  ['/cdn/widgets/', join(repo, 'packages', 'widgets', 'dist', 'cdn')],
].sort((a, b) => b[0].length - a[0].length);

const FILES = {
  '/': join(here, 'index.html'),
  '/manifests/player.json': join(repo, 'packages', 'player', 'custom-elements.json'),
  '/manifests/widgets.json': join(repo, 'packages', 'widgets', 'custom-elements.json'),
};

/**
 * @param {{ port?: number, host?: string }} [options]
 * @returns {Promise<{ origin: string, streamUrl: string, stop: () => Promise<void> }>}
 */
export async function startBuilderServer({ port = 0, host = '127.0.0.1' } = {}) {
  const stream = createDemoStream();
  /** @type {Map<string, string>} */
  const pages = new Map();
  let pageCount = 0;

  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (req.method === 'POST' && path === '/pages') return storePage(req, res, pages, () => String(++pageCount));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed\n');
    // Published pages have no icon of their own; answer the browser's automatic request quietly.
    if (path === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    const page = /^\/pages\/(\d+)$/.exec(path);
    if (page) {
      const html = pages.get(page[1]);
      return html ? send(res, 200, 'text/html; charset=utf-8', html) : send(res, 404, 'text/plain', 'no such page\n');
    }
    if (path.startsWith('/stream/') && stream.handler(req, res, path.slice('/stream/'.length))) return;
    const file = FILES[/** @type {keyof typeof FILES} */ (path)];
    if (file) {
      const slash = file.lastIndexOf('/');
      if (await sendStatic(req, res, file.slice(0, slash), file.slice(slash + 1))) return;
    }
    for (const [prefix, folder] of MOUNTS) {
      if (path.startsWith(prefix) && (await sendStatic(req, res, folder, path.slice(prefix.length)))) return;
    }
    send(res, 404, 'text/plain', 'not found\n');
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const origin = `http://${host}:${address.port}`;
  return {
    origin,
    streamUrl: `${origin}/stream/master.m3u8`,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {Map<string, string>} pages
 * @param {() => string} nextId
 */
async function storePage(req, res, pages, nextId) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_PAGE_BYTES) return send(res, 413, 'text/plain', 'page too large\n');
    chunks.push(chunk);
  }
  const html = Buffer.concat(chunks).toString('utf8');
  if (!/^<!doctype html>/i.test(html.trimStart())) return send(res, 400, 'text/plain', 'expected an HTML document\n');
  if (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value ?? '');
  const id = nextId();
  pages.set(id, html);
  send(res, 201, 'application/json', JSON.stringify({ url: `/pages/${id}` }));
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} type
 * @param {string} body
 */
function send(res, status, type, body) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { origin, streamUrl, stop } = await startBuilderServer({ port: Number(process.argv[2] ?? 8090) });
  console.log(`LiveHook page builder: ${origin}/  (中文: ${origin}/?lang=zh-CN)`);
  console.log(`Demo live stream for <live-player src>: ${streamUrl}`);
  process.once('SIGINT', () => stop().then(() => process.exit(0)));
}
