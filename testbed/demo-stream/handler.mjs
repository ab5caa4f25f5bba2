// @ts-check
// HTTP routes of the demo stream, mountable under any path prefix: the master playlist, one live
// media playlist per rendition (rebuilt from the wall clock on every request) and the segments.
import { liveWindow, renderMediaPlaylist } from './live-window.mjs';

/** @typedef {import('./media-catalog.mjs').Catalog} Catalog */

/**
 * @typedef {object} HandlerOptions
 * @property {Catalog} catalog the pre-encoded loop
 * @property {number} zeroTime wall-clock ms at which media sequence 0 began
 * @property {number} windowSize segments per playlist
 * @property {() => number} [clock] wall clock, ms (a test can stop time)
 */

/**
 * @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, path: string) => boolean} StreamHandler
 * Answers `path` (relative to the mount point, no leading slash) and returns true, or returns false
 * when the path is not the stream's.
 */

const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'Range',
  // Lets the player's metrics read Resource Timing of segments from another origin.
  'Timing-Allow-Origin': '*',
};

/**
 * @param {HandlerOptions} options
 * @returns {StreamHandler}
 */
export function createStreamHandler({ catalog, zeroTime, windowSize, clock = Date.now }) {
  const master = renderMaster(catalog);
  const variants = new Map(catalog.variants.map((v) => [v.name, v]));

  return (req, res, path) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...corsHeaders, 'Access-Control-Max-Age': '600' }).end();
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (path === 'master.m3u8') {
      sendPlaylist(req, res, master);
      return true;
    }
    const match = /^([\w-]+)\/(?:(index\.m3u8)|(\d+)\.ts)$/.exec(path);
    const variant = match && variants.get(match[1]);
    if (!match || !variant) return false;

    if (match[2]) {
      const window = liveWindow({
        now: clock(),
        zeroTime,
        segmentMs: catalog.segmentMs,
        segmentCount: catalog.segmentCount,
        windowSize,
      });
      // Segment URIs carry the ever-growing sequence number, so request logs read like a real
      // live origin; the file behind it is sequence % segmentCount.
      sendPlaylist(
        req,
        res,
        renderMediaPlaylist(window, { segmentMs: catalog.segmentMs, uri: (s) => `${s.sequence}.ts` }),
      );
      return true;
    }
    const body = variant.segments[Number(match[3]) % catalog.segmentCount];
    res.writeHead(200, {
      ...corsHeaders,
      'Content-Type': 'video/mp2t',
      'Content-Length': body.length,
      // A sequence number always maps to the same bytes.
      'Cache-Control': 'public, max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}

/**
 * @param {Catalog} catalog
 * @returns {string}
 */
function renderMaster(catalog) {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const v of catalog.variants) lines.push(v.streamInf, `${v.name}/index.m3u8`);
  return `${lines.join('\n')}\n`;
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} text
 */
function sendPlaylist(req, res, text) {
  res.writeHead(200, {
    ...corsHeaders,
    'Content-Type': 'application/vnd.apple.mpegurl',
    'Content-Length': Buffer.byteLength(text),
    // Live playlists change every segment: never let a cache hand out an old window.
    'Cache-Control': 'no-cache, no-store, must-revalidate',
  });
  res.end(req.method === 'HEAD' ? undefined : text);
}
