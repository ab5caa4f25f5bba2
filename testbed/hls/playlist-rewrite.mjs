// @ts-check
// One job: pure text transforms of HLS playlists, applied per channel by the origin server
// (ENDLIST, EXT-X-DATERANGE insertion, garbling) plus the little parsing the origin needs.
import { randomBytes } from 'node:crypto';

/**
 * @typedef {{
 *   id: string,
 *   startDate: string,
 *   endDate?: string,
 *   duration?: number,
 *   plannedDuration?: number,
 *   class?: string,
 *   endOnNext?: boolean,
 *   attributes?: Record<string, string | number>,
 * }} DateRangeSpec
 * @typedef {{ uri: string, bandwidth: number, width: number, height: number, codecs: string }} Variant
 */

const ENDLIST = '#EXT-X-ENDLIST';

/** @param {string} text */
function withTrailingNewline(text) {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * End a live media playlist: append #EXT-X-ENDLIST (once).
 * @param {string} text
 */
export function appendEndlist(text) {
  if (/^#EXT-X-ENDLIST\s*$/m.test(text)) return text;
  return `${withTrailingNewline(text)}${ENDLIST}\n`;
}

/**
 * Remove #EXT-X-ENDLIST. ffmpeg writes one into its playlists when it stops; the origin must
 * not pass that on while the channel is still "live".
 * @param {string} text
 */
export function removeEndlist(text) {
  return text.replace(/^#EXT-X-ENDLIST\s*$\n?/gm, '');
}

/**
 * @param {string} text
 * @returns {number | null}
 */
export function mediaSequence(text) {
  const match = /^#EXT-X-MEDIA-SEQUENCE:(\d+)/m.exec(text);
  return match ? Number(match[1]) : null;
}

/**
 * URIs of the segments in a media playlist, in order.
 * @param {string} text
 */
export function segmentUris(text) {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

/** @param {string} value @param {string} what */
function quoted(value, what) {
  if (/["\r\n]/.test(value)) throw new Error(`${what} must not contain a double quote or a line break`);
  return `"${value}"`;
}

/**
 * One #EXT-X-DATERANGE tag line (RFC 8216 §4.3.2.7).
 * @param {DateRangeSpec} spec
 */
export function formatDateRange(spec) {
  if (!spec.id) throw new Error('a date range needs an id');
  if (Number.isNaN(Date.parse(spec.startDate))) throw new Error(`startDate "${spec.startDate}" is not a date`);
  const attrs = [`ID=${quoted(spec.id, 'id')}`];
  if (spec.class) attrs.push(`CLASS=${quoted(spec.class, 'class')}`);
  attrs.push(`START-DATE=${quoted(new Date(spec.startDate).toISOString(), 'startDate')}`);
  if (spec.endDate) attrs.push(`END-DATE=${quoted(new Date(spec.endDate).toISOString(), 'endDate')}`);
  if (spec.duration !== undefined) attrs.push(`DURATION=${nonNegative(spec.duration, 'duration')}`);
  if (spec.plannedDuration !== undefined) {
    attrs.push(`PLANNED-DURATION=${nonNegative(spec.plannedDuration, 'plannedDuration')}`);
  }
  for (const [name, value] of Object.entries(spec.attributes ?? {})) {
    if (!/^X-[A-Z0-9-]+$/.test(name)) throw new Error(`attribute "${name}" must match X-[A-Z0-9-]+`);
    if (typeof value === 'number') attrs.push(`${name}=${nonNegative(value, name)}`);
    else if (typeof value === 'string') attrs.push(`${name}=${quoted(value, name)}`);
    else throw new Error(`attribute "${name}" must be a string or a number`);
  }
  // END-ON-NEXT needs a CLASS and must not come with DURATION/END-DATE (RFC 8216).
  if (spec.endOnNext) attrs.push('END-ON-NEXT=YES');
  return `#EXT-X-DATERANGE:${attrs.join(',')}`;
}

/** @param {number} value @param {string} what */
function nonNegative(value, what) {
  if (!Number.isFinite(value) || value < 0) throw new Error(`${what} must be a number ≥ 0`);
  return String(value);
}

/**
 * Insert tag lines before the first media segment (its EXTINF or PROGRAM-DATE-TIME line), or at the
 * end of a playlist without segments. Tags already present (same line) are not added twice.
 * @param {string} text
 * @param {string[]} tags
 */
export function insertTags(text, tags) {
  const fresh = tags.filter((tag) => !text.includes(tag));
  if (fresh.length === 0) return text;
  const lines = withTrailingNewline(text).split('\n');
  let at = lines.findIndex((line) => /^#EXTINF:|^#EXT-X-PROGRAM-DATE-TIME:/.test(line));
  if (at < 0) at = lines.length - 1;
  lines.splice(at, 0, ...fresh);
  return lines.join('\n');
}

/**
 * @param {string} text
 * @param {DateRangeSpec[]} dateRanges
 */
export function insertDateRanges(text, dateRanges) {
  return insertTags(text, dateRanges.map(formatDateRange));
}

/**
 * The media playlist a channel serves, from ffmpeg's current (or frozen) playlist.
 * @param {string} text ffmpeg's playlist, or the snapshot taken when the channel was stalled/ended
 * @param {{ ended?: boolean, dateRanges?: DateRangeSpec[] }} [edits]
 */
export function rewriteMediaPlaylist(text, edits = {}) {
  let out = removeEndlist(text);
  if (edits.dateRanges?.length) out = insertDateRanges(out, edits.dateRanges);
  if (edits.ended) out = appendEndlist(out);
  return out;
}

/**
 * An invalid playlist. `bytes`: random binary (no #EXTM3U). `tags`: looks like a playlist but its
 * tags are broken (a master without a usable variant; a media playlist without a target duration).
 * @param {'master' | 'media'} kind
 * @param {'bytes' | 'tags'} mode
 * @param {(size: number) => Uint8Array} [random]
 * @returns {Uint8Array | string}
 */
export function garbledPlaylist(kind, mode, random = randomBytes) {
  if (mode === 'bytes') {
    const bytes = random(512);
    bytes[0] = 0; // never "#EXTM3U" by chance
    return bytes;
  }
  if (kind === 'master') {
    return '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=garbled,RESOLUTION=x\n#EXT-X-VERSION:\n';
  }
  return '#EXTM3U\n#EXT-X-VERSION:garbled\n#EXT-X-MEDIA-SEQUENCE:-\n#EXTINF:,\n#EXT-X-PROGRAM-DATE-TIME:never\n';
}

/**
 * A master playlist that declares CEA-608 captions (CC1, English) on every variant, as an encoder that
 * carries captions in the video would. The video carries none: players needing the full hls.js build see it.
 * @param {string} text
 */
export function declareClosedCaptions(text) {
  if (text.includes('TYPE=CLOSED-CAPTIONS')) return text;
  const media = '#EXT-X-MEDIA:TYPE=CLOSED-CAPTIONS,GROUP-ID="cc",NAME="English",LANGUAGE="en",INSTREAM-ID="CC1"';
  const lines = withTrailingNewline(text)
    .split('\n')
    .map((line) => (line.startsWith('#EXT-X-STREAM-INF:') ? `${line},CLOSED-CAPTIONS="cc"` : line));
  const first = lines.findIndex((line) => line.startsWith('#EXT-X-STREAM-INF:'));
  lines.splice(first < 0 ? lines.length - 1 : first, 0, media);
  return lines.join('\n');
}

/**
 * The variants of a master playlist.
 * @param {string} text
 * @returns {Variant[]}
 */
export function parseMaster(text) {
  /** @type {Variant[]} */
  const variants = [];
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.startsWith('#EXT-X-STREAM-INF:')) continue;
    const attrs = line.slice('#EXT-X-STREAM-INF:'.length);
    const uri = lines.slice(i + 1).find((l) => l && !l.startsWith('#')) ?? '';
    const resolution = /RESOLUTION=(\d+)x(\d+)/.exec(attrs);
    variants.push({
      uri,
      bandwidth: Number(/(?:^|,)BANDWIDTH=(\d+)/.exec(attrs)?.[1] ?? 0),
      width: Number(resolution?.[1] ?? 0),
      height: Number(resolution?.[2] ?? 0),
      codecs: /CODECS="([^"]*)"/.exec(attrs)?.[1] ?? '',
    });
  }
  return variants;
}
