// @ts-check
// A live WebVTT subtitle rendition made from the video's own segments: a subtitle playlist that mirrors a media
// playlist segment for segment, and one cue per segment ("Caption <n>" for its whole second), stamped with that
// segment's first video PTS (X-TIMESTAMP-MAP), so players place each cue exactly over its segment. Pure functions;
// the origin serves them when a channel has the `subtitles` fault.

export const SUBTITLES_FOLDER = 'subs';
const GROUP = 'subs';

/**
 * The master playlist with an English WebVTT subtitle rendition declared and referenced by every variant.
 * @param {string} text
 */
export function declareSubtitles(text) {
  if (text.includes('TYPE=SUBTITLES')) return text;
  const media = `#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="${GROUP}",NAME="English",LANGUAGE="en",DEFAULT=NO,AUTOSELECT=YES,URI="${SUBTITLES_FOLDER}/index.m3u8"`;
  const lines = text
    .replace(/\n*$/, '\n')
    .split('\n')
    .map((line) => (line.startsWith('#EXT-X-STREAM-INF:') ? `${line},SUBTITLES="${GROUP}"` : line));
  const first = lines.findIndex((line) => line.startsWith('#EXT-X-STREAM-INF:'));
  lines.splice(first < 0 ? lines.length - 1 : first, 0, media);
  return lines.join('\n');
}

/**
 * The subtitle playlist for a media playlist: the same sequence, durations and dates, a `.vtt` per `.ts`.
 * @param {string} mediaPlaylist
 */
export function subtitlePlaylist(mediaPlaylist) {
  return mediaPlaylist
    .split('\n')
    .filter((line) => !line.startsWith('#EXT-X-DATERANGE') && !line.startsWith('#EXT-X-INDEPENDENT-SEGMENTS'))
    .map((line) => (line && !line.startsWith('#') ? line.replace(/\.ts$/, '.vtt') : line))
    .join('\n');
}

/**
 * The first video PTS (90 kHz) of an MPEG-TS segment, or null when it has none.
 * @param {Uint8Array} ts
 */
export function firstVideoPts(ts) {
  for (let at = 0; at + 188 <= ts.length; at += 188) {
    if (ts[at] !== 0x47 || !((ts[at + 1] ?? 0) & 0x40)) continue; // sync byte; a PES starts in this packet
    const control = ((ts[at + 3] ?? 0) >> 4) & 3;
    if (!(control & 1)) continue; // no payload
    const p = at + 4 + (control & 2 ? 1 + (ts[at + 4] ?? 0) : 0);
    const isPes = ts[p] === 0 && ts[p + 1] === 0 && ts[p + 2] === 1;
    const streamId = ts[p + 3] ?? 0;
    if (!isPes || streamId < 0xe0 || streamId > 0xef || !((ts[p + 7] ?? 0) & 0x80)) continue;
    const b = (/** @type {number} */ i) => ts[p + 9 + i] ?? 0;
    // 33 bits over 5 bytes, with marker bits: plain arithmetic, as bitwise operators stop at 32 bits.
    return ((b(0) >> 1) & 7) * 2 ** 30 + b(1) * 2 ** 22 + (b(2) >> 1) * 2 ** 15 + b(3) * 2 ** 7 + (b(4) >> 1);
  }
  return null;
}

/**
 * The WebVTT segment for media segment `n`, starting at video PTS `pts`: one cue over its whole duration.
 * @param {number} n
 * @param {number} pts
 * @param {number} [seconds]
 */
export function subtitleSegment(n, pts, seconds = 1) {
  const end = new Date(seconds * 1000).toISOString().slice(11, 23);
  return `WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:${pts},LOCAL:00:00:00.000\n\n${n}\n00:00:00.000 --> ${end}\nCaption ${n}\n`;
}
