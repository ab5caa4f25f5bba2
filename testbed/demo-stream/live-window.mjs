// @ts-check
// The pure math of the endless demo stream: which loop segment sits at which media sequence
// number, where the loop wraps (discontinuities), and the media playlist text. No I/O.

/**
 * @typedef {object} WindowOptions
 * @property {number} now wall clock, ms since the epoch
 * @property {number} zeroTime wall-clock ms at which media sequence 0 began
 * @property {number} segmentMs duration of every segment, ms
 * @property {number} segmentCount segments in one loop of the pre-encoded media
 * @property {number} windowSize how many segments a playlist lists
 */

/**
 * @typedef {object} WindowSegment
 * @property {number} sequence media sequence number; grows forever
 * @property {number} index position in the loop, i.e. which pre-encoded file to serve
 * @property {number} loop how many times the loop wrapped before this segment
 * @property {boolean} discontinuity whether an EXT-X-DISCONTINUITY tag precedes it in this playlist
 * @property {number} programDateTime wall-clock ms at which the segment began
 */

/**
 * @typedef {object} LiveWindow
 * @property {number} mediaSequence EXT-X-MEDIA-SEQUENCE: the first listed segment's sequence
 * @property {number} discontinuitySequence EXT-X-DISCONTINUITY-SEQUENCE: the first listed segment's
 *   discontinuity number, i.e. how many wraps happened at or before it
 * @property {WindowSegment[]} segments oldest first; empty before the first segment is complete
 */

/**
 * The playlist window at `now`: the `windowSize` newest segments that are complete (a segment
 * is listed only once the wall clock has passed its end, as with a real encoder).
 * @param {WindowOptions} options
 * @returns {LiveWindow}
 */
export function liveWindow({ now, zeroTime, segmentMs, segmentCount, windowSize }) {
  const last = Math.floor((now - zeroTime) / segmentMs) - 1;
  const first = Math.max(0, last - windowSize + 1);
  /** @type {WindowSegment[]} */
  const segments = [];
  for (let sequence = first; sequence <= last; sequence++) {
    const index = sequence % segmentCount;
    segments.push({
      sequence,
      index,
      loop: Math.floor(sequence / segmentCount),
      // The first listed segment never carries the tag: the discontinuity sequence already
      // counts it (hls.js adds one per tag on top of EXT-X-DISCONTINUITY-SEQUENCE, so a tag
      // there would shift that segment's timeline by one between two playlist refreshes).
      discontinuity: index === 0 && sequence > first,
      programDateTime: zeroTime + sequence * segmentMs,
    });
  }
  return { mediaSequence: first, discontinuitySequence: Math.floor(first / segmentCount), segments };
}

/**
 * Renders a live (no ENDLIST) media playlist for one rendition.
 * @param {LiveWindow} window
 * @param {{ segmentMs: number, uri: (segment: WindowSegment) => string }} options
 * @returns {string}
 */
export function renderMediaPlaylist(window, { segmentMs, uri }) {
  const seconds = segmentMs / 1000;
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${Math.ceil(seconds)}`,
    `#EXT-X-MEDIA-SEQUENCE:${window.mediaSequence}`,
    `#EXT-X-DISCONTINUITY-SEQUENCE:${window.discontinuitySequence}`,
    '#EXT-X-INDEPENDENT-SEGMENTS',
  ];
  for (const segment of window.segments) {
    if (segment.discontinuity) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(segment.programDateTime).toISOString()}`);
    lines.push(`#EXTINF:${seconds.toFixed(3)},`);
    lines.push(uri(segment));
  }
  return `${lines.join('\n')}\n`;
}
