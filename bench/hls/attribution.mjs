// @ts-check
// What the player's entry file is made of: its source map attributes every byte of `live-player.js` to a
// source file, grouped here by package and folder (Lit, core/transports/livekit, player/controls, …).
import { gzipSync } from 'node:zlib';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Decodes one source-map segment (base64 VLQ) into its numbers.
 * @param {string} segment
 */
function decodeSegment(segment) {
  /** @type {number[]} */
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/**
 * The group a source path belongs to: `lit`, `core/transports/hls`, `player/controls`, …
 * @param {string} source
 */
export function groupOf(source) {
  const npm = source.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/);
  if (npm?.[1]) return /^(lit|lit-html|lit-element|@lit\/.*)$/.test(npm[1]) ? 'lit' : npm[1];
  const own = source.match(/(?:^|\/)(?:packages\/)?(core|player|widgets)\/(?:dist|src)\/(.*)$/);
  if (own?.[1] && own[2] !== undefined) {
    const dirs = own[2].split('/').slice(0, -1);
    const depth = dirs[0] === 'transports' ? 2 : 1;
    return [own[1], ...dirs.slice(0, depth)].join('/') || own[1];
  }
  // The player's own sources appear relative to dist/cdn (../../src/…).
  const rel = source.match(/(?:^|\/)src\/(.*)$/);
  if (rel?.[1] !== undefined) return ['player', ...rel[1].split('/').slice(0, -1).slice(0, 1)].join('/');
  return 'other';
}

/**
 * Bytes of `code` per group, from its source map. The gzip column compresses each group's code on its
 * own: an estimate (gzip of the whole file is less than the sum), good for ranking.
 * @param {string} code
 * @param {{ sources: string[], mappings: string }} map
 * @returns {{ group: string, raw: number, gzip: number }[]} largest first
 */
export function attribute(code, map) {
  const lines = code.split('\n');
  /** @type {Map<string, string[]>} */
  const pieces = new Map();
  let source = 0;
  map.mappings.split(';').forEach((line, index) => {
    const text = lines[index] ?? '';
    let column = 0;
    /** @type {[number, number][]} column, source index (-1: unmapped) */
    const segments = [];
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const values = decodeSegment(segment);
      column += values[0] ?? 0;
      if (values.length > 1) source += values[1] ?? 0;
      segments.push([column, values.length > 1 ? source : -1]);
    }
    segments.forEach(([start, src], i) => {
      const end = segments[i + 1]?.[0] ?? text.length;
      const group = src >= 0 ? groupOf(map.sources[src] ?? '') : 'other';
      const list = pieces.get(group) ?? [];
      list.push(text.slice(start, end));
      pieces.set(group, list);
    });
  });
  return [...pieces]
    .map(([group, list]) => {
      const joined = list.join('');
      return { group, raw: joined.length, gzip: gzipSync(joined, { level: 9 }).length };
    })
    .sort((a, b) => b.raw - a.raw);
}
