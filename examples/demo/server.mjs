// @ts-check
// The demo's one HTTP server, the whole funnel on one origin:
//   /                  the shop page (examples/script-tag): <live-player> and the lead-capture widgets
//   /stream/…          the built-in live stream (HLS), carrying the host's cues as EXT-X-DATERANGE
//   /api/…             the reference server (examples/server): follow → reward, group pool, flash coupon,
//                      reminders, the lead-event collector and the follow-up report, on a SQLite file
//   /host              the host console: open and close the flash coupon during the stream
//   /join/vip          the demo's stand-in for a fan-group invite link
//   /cdn/player/, /cdn/widgets/   the CDN builds of @livehook/player and @livehook/widgets
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemoStream } from '../../testbed/demo-stream/index.mjs';
import { createReferenceHandler } from '../server/index.mjs';
import { createCueBoard } from './cues.mjs';
import { FUNNEL, referenceOptions } from './funnel.mjs';
import { createHostConsole } from './host.mjs';
import { createLiveKitCueSender, resolveLiveKit } from './livekit.mjs';
import { contentSecurityPolicy, renderPage } from './page.mjs';
import { sendStatic } from './static-files.mjs';

const dir = (/** @type {string} */ relative) => fileURLToPath(new URL(relative, import.meta.url));
const shopDir = dir('../script-tag');
const pagesDir = dir('./pages');
const playerCdnDir = dir('../../packages/player/dist/cdn');
const widgetsCdnDir = dir('../../packages/widgets/dist/cdn');

/** How many segments behind the live edge <live-player> plays HLS (its `standard` latency). */
const HLS_SEGMENTS_BEHIND = 3;

/**
 * @typedef {object} DemoOptions
 * @property {number} [port] default 8080; 0 picks a free port; a busy port falls back to a free one
 * @property {string} [host] default 127.0.0.1
 * @property {boolean} [livekit] also start the test bed's LiveKit part (the `--livekit` flag)
 * @property {NodeJS.ProcessEnv} [env] where LIVEKIT_URL / _API_KEY / _API_SECRET / _ROOM are read (default process.env)
 * @property {import('../../testbed/demo-stream/index.mjs').DemoStreamOptions} [stream] e.g. `startNearWrap`
 * @property {string} [dbPath] keep the reference server's data in this SQLite file across runs; by default
 *   every start gets a fresh one in a temporary folder, deleted by `stop()`
 * @property {(line: string) => void} [log]
 */

/**
 * @typedef {object} Demo
 * @property {string} url the shop page
 * @property {string} hostUrl the host console
 * @property {string} reportUrl the follow-up report (HTML; `.json` and `.csv` next to it)
 * @property {string} joinUrl what the fan-group QR code encodes
 * @property {string | null} lanUrl the shop page for a phone on the same network (when listening on every interface)
 * @property {string} streamUrl the HLS master playlist
 * @property {string} dbPath the reference server's SQLite file
 * @property {boolean} freshDb whether that file is this run's own (deleted on stop)
 * @property {import('./page.mjs').LiveKitAttributes | null} livekit what the page tries before HLS
 * @property {{ segmentCount: number, segmentMs: number }} loop the stream's loop, to aim a test at its wrap
 * @property {(action: string) => Promise<{ cue: import('./cues.mjs').DemoCue, delaySeconds: number }>} fireCue
 *   what the host console's buttons do (`coupon.open`, `coupon.close`)
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
  dbPath,
  log = console.log,
} = {}) {
  for (const [file, pkg] of [
    [`${playerCdnDir}/live-player.js`, 'player'],
    [`${widgetsCdnDir}/live-widgets.js`, 'widgets'],
  ]) {
    if (!existsSync(file)) {
      throw new Error(`packages/${pkg}/dist/cdn/ is missing: run \`pnpm build\` at the repository root first.`);
    }
  }
  const demoStream = createDemoStream(stream);
  const board = createCueBoard();

  /** @type {{ api: import('../server/src/server.ts').ReferenceHandler, host: ReturnType<typeof createHostConsole>, pageHeaders: Record<string, string>, livekit: import('./livekit.mjs').DemoLiveKit | null }} */
  let app;
  /** @type {(value?: unknown) => void} */
  let appReady = () => {};
  const ready = new Promise((resolve) => {
    appReady = resolve;
  });

  const server = createServer(async (req, res) => {
    try {
      await ready; // the API needs the address we listen on (the group link), so it starts just after
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://demo').pathname);
      if (await app.api.handle(req, res)) return;
      if (path.startsWith('/stream/')) {
        const rel = path.slice('/stream/'.length);
        if (/^[\w-]+\/index\.m3u8$/.test(rel) && (req.method === 'GET' || req.method === 'HEAD'))
          if (sendPlaylistWithCues(req, res, demoStream.handler, rel, board)) return;
        if (demoStream.handler(req, res, rel)) return;
      }
      if (path === '/host/cues') return await app.host.handle(req, res);
      if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      if (path === '/' || path === '/index.html') {
        const html = renderPage(await readFile(`${shopDir}/index.html`, 'utf8'), app.livekit?.attributes ?? null);
        return sendHtml(req, res, html, app.pageHeaders);
      }
      if (path === '/host' || path === '/host/')
        return sendHtml(req, res, await readFile(`${pagesDir}/host.html`, 'utf8'), app.pageHeaders);
      if (path === `/join/${FUNNEL.pool}`)
        return sendHtml(req, res, await readFile(`${pagesDir}/join.html`, 'utf8'), app.pageHeaders);
      if (path.startsWith('/demo/') && (await sendStatic(req, res, pagesDir, path.slice('/demo/'.length)))) return;
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

  /** @type {(() => Promise<void>)[]} */
  const cleanups = [];
  const cleanUp = async () => {
    for (const step of cleanups.reverse()) await step().catch((error) => log(`demo: stopping: ${error}`));
    cleanups.length = 0;
  };
  try {
    const livekit = await resolveLiveKit({ env, testbed: useTestbed, log });
    if (livekit) cleanups.push(livekit.stop);
    await listen(server, port, host, log);
    cleanups.push(
      () =>
        new Promise((resolve) => {
          server.close(() => resolve(undefined));
          // Players hold keep-alive connections open; close() alone would wait for them.
          server.closeAllConnections();
        }),
    );
    const address = /** @type {import('node:net').AddressInfo} */ (server.address());
    const anyInterface = address.address === '0.0.0.0' || address.address === '::';
    const shownHost = anyInterface ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const origin = `http://${shownHost}:${address.port}`;
    // A phone scanning the group QR code can't reach 127.0.0.1; when we listen on every interface, it can reach the LAN address.
    const lan = anyInterface ? lanAddress() : undefined;
    const joinOrigin = lan ? `http://${lan}:${address.port}` : origin;

    let db = dbPath;
    if (!db) {
      const folder = await mkdtemp(join(tmpdir(), 'livehook-demo-'));
      cleanups.push(() => rm(folder, { recursive: true, force: true }));
      db = join(folder, 'demo.db');
    }
    const api = await createReferenceHandler(
      referenceOptions({ origin, joinOrigin, dbPath: db, livekit: livekit?.credentials ?? null, log }),
    );
    cleanups.push(() => api.close());
    const delaySeconds = Math.round((HLS_SEGMENTS_BEHIND * demoStream.segmentMs) / 1000);
    const hostConsole = createHostConsole({
      board,
      store: api.store,
      sendToRoom: livekit ? createLiveKitCueSender(livekit) : null,
      delaySeconds,
      log,
    });
    app = {
      api,
      host: hostConsole,
      livekit,
      pageHeaders: {
        'Content-Security-Policy': contentSecurityPolicy({ connect: livekit?.connect }),
        'Referrer-Policy': 'strict-origin-when-cross-origin',
        'X-Frame-Options': 'SAMEORIGIN',
      },
    };
    appReady();

    return {
      url: `${origin}/`,
      hostUrl: `${origin}/host`,
      reportUrl: `${origin}/api/admin/report?room=${FUNNEL.room}`,
      joinUrl: `${joinOrigin}/join/${FUNNEL.pool}`,
      lanUrl: lan ? `${joinOrigin}/` : null,
      streamUrl: `${origin}/stream/master.m3u8`,
      dbPath: db,
      freshDb: !dbPath,
      livekit: livekit?.attributes ?? null,
      loop: { segmentCount: demoStream.segmentCount, segmentMs: demoStream.segmentMs },
      fireCue: hostConsole.fire,
      stop: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/**
 * Serves a media playlist of the demo stream with the host's active cues added as EXT-X-DATERANGE tags.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {import('../../testbed/demo-stream/handler.mjs').StreamHandler} handler
 * @param {string} rel path below /stream/
 * @param {ReturnType<typeof createCueBoard>} board
 * @returns {boolean} false when the stream doesn't know the path
 */
function sendPlaylistWithCues(req, res, handler, rel, board) {
  /** @type {{ status: number, headers: Record<string, string | number>, body: string } | null} */
  let captured = null;
  const sink = {
    /** @param {number} status @param {Record<string, string | number>} headers */
    writeHead(status, headers = {}) {
      captured = { status, headers, body: '' };
      return sink;
    },
    /** @param {unknown} body */
    end(body) {
      if (captured) captured.body = body === undefined ? '' : String(body);
      return sink;
    },
  };
  // Always a GET to the stream's handler, so a HEAD gets the length of what a GET would get.
  const handled = handler(/** @type {any} */ ({ method: 'GET' }), /** @type {any} */ (sink), rel);
  /** @type {{ status: number, headers: Record<string, string | number>, body: string } | null} */
  const answer = captured;
  if (!handled || !answer) return false;
  const text = answer.status === 200 ? board.rewrite(answer.body) : answer.body;
  res.writeHead(answer.status, { ...answer.headers, 'Content-Length': Buffer.byteLength(text) });
  res.end(req.method === 'HEAD' ? undefined : text);
  return true;
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} html
 * @param {Record<string, string>} headers
 */
function sendHtml(req, res, html, headers) {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', ...headers });
  res.end(req.method === 'HEAD' ? undefined : html);
}

/** This machine's first non-internal IPv4 address, if any. */
function lanAddress() {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
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
