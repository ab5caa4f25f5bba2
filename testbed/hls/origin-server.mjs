// @ts-check
// One job: the HTTP origin (node:http) in front of ffmpeg's output directory. Serves every channel
// the same ladder under /live/<channel>/…, applies that channel's faults, and exposes the
// control endpoint /control/<channel> (GET state, POST a fault, DELETE to clear).

import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import {
  applyFault,
  CHANNEL_PATTERN,
  clearFault,
  count,
  countRequest,
  createChannel,
  decideSegment,
  describeChannel,
  FaultError,
  isCut,
  parseFault,
  remember,
} from './faults.mjs';
import { declareClosedCaptions, garbledPlaylist, rewriteMediaPlaylist } from './playlist-rewrite.mjs';
import { declareSubtitles, firstVideoPts, SUBTITLES_FOLDER, subtitlePlaylist, subtitleSegment } from './subtitles.mjs';

/** @typedef {import('./faults.mjs').Channel} Channel */

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Range',
  'Access-Control-Expose-Headers': 'Content-Length, Content-Range, X-Livehook-Fault',
  'Access-Control-Max-Age': '600',
};

/** @type {Record<string, string>} */
const CONTENT_TYPES = {
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  m4s: 'video/iso.segment',
  mp4: 'video/mp4',
  aac: 'audio/aac',
  json: 'application/json; charset=utf-8',
};
const PLAYLIST = CONTENT_TYPES.m3u8 ?? '';
const NO_STORE = 'no-store, no-cache, must-revalidate, max-age=0';
const FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/**
 * @param {{ outDir: string, renditions: string[] }} options
 */
export function createOrigin({ outDir, renditions }) {
  /** @type {Map<string, Channel>} */
  const channels = new Map();
  /** @type {Set<ReturnType<typeof setTimeout>>} */
  const timers = new Set();
  const known = new Set(renditions);

  /** @param {string} name */
  const channel = (name) => {
    let ch = channels.get(name);
    if (!ch) {
      ch = createChannel(name);
      channels.set(name, ch);
    }
    return ch;
  };

  /** ffmpeg's media playlists as they are right now (rendition → text). */
  const livePlaylists = async () =>
    Object.fromEntries(
      await Promise.all(
        renditions.map(async (r) => [r, await readFile(join(outDir, r, 'index.m3u8'), 'utf8').catch(() => '')]),
      ),
    );

  /**
   * Apply a fault command to a channel; returns the channel state.
   * @param {string} name
   * @param {unknown} spec
   */
  const fault = async (name, spec) => {
    const ch = channel(name);
    const parsed = parseFault(spec);
    const playlists = parsed.fault === 'playlist-stall' || parsed.fault === 'end' ? await livePlaylists() : undefined;
    applyFault(ch, parsed, { playlists });
    return describeChannel(ch);
  };

  /** @param {string} name @param {string} [which] */
  const clear = (name, which) => {
    const ch = channel(name);
    clearFault(ch, which);
    return describeChannel(ch);
  };

  /** @param {string} name */
  const stats = (name) => describeChannel(channel(name));

  /**
   * @param {import('node:http').ServerResponse} res
   * @param {number} status
   * @param {Record<string, string>} headers
   * @param {string | Uint8Array} [body]
   */
  const send = (res, status, headers, body = '') => {
    if (res.destroyed || res.headersSent) return;
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    res.writeHead(status, { ...CORS, 'Content-Length': String(bytes.byteLength), ...headers });
    res.end(res.req.method === 'HEAD' ? undefined : bytes);
  };
  /** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} value */
  const sendJson = (res, status, value) =>
    send(res, status, { 'Content-Type': CONTENT_TYPES.json ?? '', 'Cache-Control': NO_STORE }, JSON.stringify(value));
  /** @param {import('node:http').ServerResponse} res @param {number} status @param {string} text @param {string} [fault] */
  const sendError = (res, status, text, fault) =>
    send(
      res,
      status,
      {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': NO_STORE,
        ...(fault ? { 'X-Livehook-Fault': fault } : {}),
      },
      `${text}\n`,
    );

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string} name
   */
  const control = async (req, res, name) => {
    if (!CHANNEL_PATTERN.test(name)) return sendJson(res, 400, { error: `channel must match ${CHANNEL_PATTERN}` });
    const url = new URL(req.url ?? '/', 'http://origin');
    try {
      if (req.method === 'GET' || req.method === 'HEAD') return sendJson(res, 200, stats(name));
      if (req.method === 'DELETE') return sendJson(res, 200, clear(name, url.searchParams.get('fault') ?? undefined));
      if (req.method === 'POST') {
        const body = await readBody(req);
        let spec;
        try {
          spec = JSON.parse(body || 'null');
        } catch {
          throw new FaultError('the body must be JSON');
        }
        return sendJson(res, 200, await fault(name, spec));
      }
      return sendJson(res, 405, { error: 'use GET, POST or DELETE' });
    } catch (error) {
      if (error instanceof FaultError) return sendJson(res, 400, { error: error.message });
      throw error;
    }
  };

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string[]} parts path after /live/: [channel, file] or [channel, rendition, file]
   */
  const live = async (req, res, parts) => {
    const path = `/live/${parts.join('/')}`;
    const [name = '', a = '', b] = parts;
    if (!CHANNEL_PATTERN.test(name)) return sendError(res, 400, `channel must match ${CHANNEL_PATTERN}`);
    const ch = channel(name);
    const rendition = b === undefined ? null : a;
    const file = b === undefined ? a : b;
    if (rendition === SUBTITLES_FOLDER && ch.faults.subtitles && FILE_NAME.test(file) && parts.length === 3) {
      return subtitles(req, res, ch, path, file);
    }
    if (parts.length > 3 || !FILE_NAME.test(file) || (rendition !== null && !known.has(rendition))) {
      countRequest(ch, 'other', null);
      return sendError(res, 404, 'not found');
    }
    const ext = file.slice(file.lastIndexOf('.') + 1);
    /** @type {import('./faults.mjs').RequestKind} */
    const kind = ext === 'm3u8' ? (rendition === null ? 'master' : 'media') : rendition === null ? 'other' : 'segment';
    countRequest(ch, kind, rendition);

    if (isCut(ch)) {
      count(ch, 'cut');
      remember(ch, kind, path, 'cut');
      // Connection cut: no status line at all.
      const socket = /** @type {import('node:net').Socket & { resetAndDestroy?: () => void }} */ (req.socket);
      if (socket.resetAndDestroy) socket.resetAndDestroy();
      else socket.destroy();
      return;
    }

    if (kind === 'master' || kind === 'media') {
      if (ch.faults.notStarted) {
        count(ch, 'not-started');
        remember(ch, kind, path, '404 not-started');
        return sendError(res, 404, 'stream has not started yet', 'not-started');
      }
      const garbled = ch.faults.garbled;
      if (garbled && (garbled.target === 'all' || garbled.target === kind)) {
        count(ch, 'garbled');
        remember(ch, kind, path, '200 garbled');
        return send(
          res,
          200,
          { 'Content-Type': PLAYLIST, 'Cache-Control': NO_STORE, 'X-Livehook-Fault': 'garbled' },
          garbledPlaylist(kind, garbled.mode),
        );
      }
      if (kind === 'master') {
        const text = await readFile(join(outDir, file), 'utf8').catch(() => null);
        if (text === null) return sendError(res, 404, 'no such playlist');
        const declared = ch.faults.closedCaptions ? 'closed-captions' : ch.faults.subtitles ? 'subtitles' : null;
        if (ch.faults.closedCaptions) count(ch, 'closed-captions');
        if (ch.faults.subtitles) count(ch, 'subtitles');
        remember(ch, kind, path, declared ? `200 ${declared}` : '200');
        let body = ch.faults.closedCaptions ? declareClosedCaptions(text) : text;
        if (ch.faults.subtitles) body = declareSubtitles(body);
        return send(res, 200, { 'Content-Type': PLAYLIST, 'Cache-Control': NO_STORE }, body);
      }
      const r = /** @type {string} */ (rendition);
      const frozen = ch.faults.end?.playlists[r] ?? ch.faults.stall?.playlists[r];
      const text = frozen ?? (await readFile(join(outDir, r, file), 'utf8').catch(() => null));
      if (text === null) return sendError(res, 404, 'no such playlist');
      if (ch.faults.end) count(ch, 'end');
      else if (ch.faults.stall) count(ch, 'playlist-stall');
      const body = rewriteMediaPlaylist(text, { ended: Boolean(ch.faults.end), dateRanges: ch.dateRanges });
      remember(ch, kind, path, ch.faults.end ? '200 ended' : ch.faults.stall ? '200 stalled' : '200');
      return send(res, 200, { 'Content-Type': PLAYLIST, 'Cache-Control': NO_STORE }, body);
    }

    // Segments (and anything else in a rendition folder).
    const { status, delayMs } =
      kind === 'segment' ? decideSegment(ch, /** @type {string} */ (rendition)) : { status: null, delayMs: 0 };
    const bytes = status === null ? await readFile(join(outDir, rendition ?? '', file)).catch(() => null) : null;
    if (delayMs > 0) {
      await new Promise((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve(undefined);
        }, delayMs);
        timers.add(timer);
      });
    }
    const delayed = delayMs > 0 ? ` delayed ${delayMs} ms` : '';
    if (status !== null) {
      remember(ch, kind, path, `${status} segment-status${delayed}`);
      return sendError(res, status, `injected ${status}`, 'segment-status');
    }
    if (bytes === null) {
      remember(ch, kind, path, `404${delayed}`);
      return sendError(res, 404, 'no such segment');
    }
    remember(ch, kind, path, `200${delayed}`);
    return send(
      res,
      200,
      {
        'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
        'Cache-Control': NO_STORE,
        ...(delayMs > 0 ? { 'X-Livehook-Fault': 'segment-delay' } : {}),
      },
      bytes,
    );
  };

  /**
   * The `subtitles` fault's WebVTT rendition, made from the first rendition's playlist and segments.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {Channel} ch
   * @param {string} path
   * @param {string} file
   */
  const subtitles = async (req, res, ch, path, file) => {
    const isPlaylist = file === 'index.m3u8';
    countRequest(ch, isPlaylist ? 'media' : 'other', null);
    if (isCut(ch)) {
      req.socket.destroy();
      return;
    }
    const mirror = renditions[0] ?? '';
    if (isPlaylist) {
      const text =
        ch.faults.end?.playlists[mirror] ??
        ch.faults.stall?.playlists[mirror] ??
        (await readFile(join(outDir, mirror, 'index.m3u8'), 'utf8').catch(() => null));
      if (text === null) return sendError(res, 404, 'no such playlist');
      remember(ch, 'media', path, '200 subtitles');
      const body = subtitlePlaylist(rewriteMediaPlaylist(text, { ended: Boolean(ch.faults.end) }));
      return send(res, 200, { 'Content-Type': PLAYLIST, 'Cache-Control': NO_STORE }, body);
    }
    const n = /^seg_(\d+)\.vtt$/.exec(file)?.[1];
    const ts = n === undefined ? null : await readFile(join(outDir, mirror, `seg_${n}.ts`)).catch(() => null);
    const pts = ts && firstVideoPts(ts);
    if (n === undefined || pts === null || pts === undefined) return sendError(res, 404, 'no such subtitle segment');
    remember(ch, 'other', path, '200 subtitles');
    return send(
      res,
      200,
      { 'Content-Type': 'text/vtt; charset=utf-8', 'Cache-Control': NO_STORE },
      subtitleSegment(Number(n), pts),
    );
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent && !res.destroyed) sendError(res, 500, `origin error: ${error?.message ?? error}`);
    });
  });

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  const handle = async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://origin');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] === 'control' && parts.length === 2) return control(req, res, parts[1] ?? '');
    if (parts[0] === 'control' && parts.length === 1) {
      return sendJson(res, 200, { channels: [...channels.keys()] });
    }
    if (parts[0] === 'live' && parts.length >= 3) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'use GET');
      return live(req, res, parts.slice(1));
    }
    if (pathname === '/' || pathname === '/health') {
      return sendJson(res, 200, { ok: true, masterPath: '/live/{channel}/master.m3u8', renditions });
    }
    return sendError(res, 404, 'not found');
  };

  /**
   * Listen on host:port (port 0 = a free one); resolves with the origin URL.
   * @param {{ host?: string, port?: number }} [options]
   * @returns {Promise<string>}
   */
  const listen = ({ host = '127.0.0.1', port = 0 } = {}) =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        const address = /** @type {import('node:net').AddressInfo} */ (server.address());
        resolve(`http://${host}:${address.port}`);
      });
    });

  /** Close the server and every connection, and drop pending delayed responses. */
  const close = () =>
    new Promise((resolve) => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      if (!server.listening) return resolve(undefined);
      server.close(() => resolve(undefined));
      server.closeAllConnections();
    });

  return { server, listen, close, fault, clear, stats, channels };
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<string>}
 */
function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > 64_000) {
        reject(new FaultError('body too large'));
        req.destroy();
      }
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}
