// @ts-check
// Reads the pre-encoded loop that make-media.sh wrote (its master and VOD playlists) into memory:
// 2 MB is cheaper to keep than to stream from disk on every request.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where make-media.sh writes the loop. */
export const defaultMediaDir = fileURLToPath(new URL('./media', import.meta.url));

/**
 * @typedef {object} Variant
 * @property {string} name folder of the rendition, e.g. "720p"; also its URL path segment
 * @property {string} streamInf the master's #EXT-X-STREAM-INF line (BANDWIDTH, RESOLUTION, CODECS)
 * @property {Buffer[]} segments the loop's segments in order
 */

/**
 * @typedef {object} Catalog
 * @property {Variant[]} variants highest bandwidth first, as in the master
 * @property {number} segmentMs every segment's duration
 * @property {number} segmentCount segments in one loop (the same for every variant)
 */

/**
 * @param {string} [mediaDir]
 * @returns {Catalog}
 */
export function loadCatalog(mediaDir = defaultMediaDir) {
  const masterPath = join(mediaDir, 'master.m3u8');
  let master;
  try {
    master = readFileSync(masterPath, 'utf8');
  } catch {
    throw new Error(`demo stream media missing: ${masterPath} (run testbed/demo-stream/make-media.sh)`);
  }
  const variants = parseMaster(master).map(({ streamInf, uri }) => {
    const playlistPath = join(mediaDir, uri);
    const { durations, uris } = parseVodPlaylist(readFileSync(playlistPath, 'utf8'));
    return {
      name: dirname(uri),
      streamInf,
      durations,
      segments: uris.map((u) => readFileSync(join(dirname(playlistPath), u))),
    };
  });
  if (variants.length === 0) throw new Error(`${masterPath} lists no variants`);

  // The live clock maps time to segments by one fixed duration, and switching renditions needs
  // the same segment boundaries everywhere: refuse media that breaks either.
  const segmentMs = Math.round(variants[0].durations[0] * 1000);
  const segmentCount = variants[0].segments.length;
  for (const v of variants) {
    if (v.segments.length !== segmentCount)
      throw new Error(`${v.name} has ${v.segments.length} segments, expected ${segmentCount}`);
    const odd = v.durations.findIndex((d) => Math.abs(d * 1000 - segmentMs) > 1);
    if (odd >= 0)
      throw new Error(`${v.name} segment ${odd} lasts ${v.durations[odd]} s, expected ${segmentMs / 1000} s`);
  }
  return {
    variants: variants.map(({ name, streamInf, segments }) => ({ name, streamInf, segments })),
    segmentMs,
    segmentCount,
  };
}

/**
 * @param {string} text
 * @returns {{ streamInf: string, uri: string }[]}
 */
function parseMaster(text) {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  /** @type {{ streamInf: string, uri: string }[]} */
  const out = [];
  lines.forEach((line, i) => {
    if (line.startsWith('#EXT-X-STREAM-INF:') && lines[i + 1] && !lines[i + 1].startsWith('#')) {
      out.push({ streamInf: line, uri: lines[i + 1] });
    }
  });
  return out;
}

/**
 * @param {string} text
 * @returns {{ durations: number[], uris: string[] }}
 */
function parseVodPlaylist(text) {
  /** @type {number[]} */
  const durations = [];
  /** @type {string[]} */
  const uris = [];
  for (const line of text.split(/\r?\n/).map((l) => l.trim())) {
    if (line.startsWith('#EXTINF:')) durations.push(Number.parseFloat(line.slice('#EXTINF:'.length)));
    else if (line && !line.startsWith('#')) uris.push(line);
  }
  return { durations, uris };
}
