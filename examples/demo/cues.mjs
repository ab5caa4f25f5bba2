// @ts-check
// Cues the host fires during the demo stream. The stream is a pre-encoded loop, so its playlists are
// rewritten on the way out: every active cue becomes an EXT-X-DATERANGE tag with an X-LIVEHOOK-CUE
// attribute (the cue as base64 JSON), which is how a packager carries LiveHook cues in real HLS.

/** DATERANGE CLASS of LiveHook cues: players ignore other classes' ranges (ads, chapters). */
export const CUE_CLASS = 'com.livehook.cue';

/** The DATERANGE attribute LiveHook's player reads (see @livehook/core `DATERANGE_CUE_ATTRIBUTE`). */
export const CUE_ATTRIBUTE = 'X-LIVEHOOK-CUE';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * @typedef {object} DemoCue a LiveHook cue (`{ v: 1, id, type, target?, data? }`, see docs/elements)
 * @property {1} v
 * @property {string} id
 * @property {string} type
 * @property {string} [target]
 * @property {Record<string, unknown>} [data]
 */

/**
 * @typedef {object} BoardEntry
 * @property {DemoCue} cue
 * @property {number} start wall-clock ms the cue applies at: the DATERANGE START-DATE
 * @property {number} until wall-clock ms after which playlists stop carrying it
 */

/**
 * The same bytes as `encodeDateRangeCue` from @livehook/core: `btoa` of the cue's UTF-8 JSON.
 * @param {object} cue
 */
export function encodeCue(cue) {
  return Buffer.from(JSON.stringify(cue), 'utf8').toString('base64');
}

/**
 * One `#EXT-X-DATERANGE` line (RFC 8216 §4.3.2.7) for a cue.
 * @param {BoardEntry} entry
 */
export function dateRangeLine({ cue, start }) {
  if (!SAFE_ID.test(cue.id)) throw new Error(`cue id "${cue.id}" can't be a DATERANGE ID`);
  return `#EXT-X-DATERANGE:ID="${cue.id}",CLASS="${CUE_CLASS}",START-DATE="${new Date(start).toISOString()}",${CUE_ATTRIBUTE}="${encodeCue(cue)}"`;
}

/**
 * Adds DATERANGE lines to a live media playlist, before its first segment (after the header tags).
 * @param {string} playlist
 * @param {readonly BoardEntry[]} entries
 */
export function injectDateRanges(playlist, entries) {
  if (entries.length === 0) return playlist;
  const lines = playlist.split('\n');
  let at = lines.findIndex((line) => /^#EXT-X-(PROGRAM-DATE-TIME|DISCONTINUITY(?!-)|BYTERANGE)|^#EXTINF/.test(line));
  if (at < 0) at = lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  lines.splice(at, 0, ...entries.map(dateRangeLine));
  return lines.join('\n');
}

/**
 * What the host has said: cues kept while they matter (a coupon for as long as it is open), so a
 * viewer who joins later still gets them, and dropped after that.
 * @param {{ clock?: () => number, max?: number }} [options]
 */
export function createCueBoard({ clock = Date.now, max = 20 } = {}) {
  /** @type {BoardEntry[]} */
  let entries = [];
  const prune = () => {
    const now = clock();
    entries = entries.filter((e) => e.until > now);
  };
  return {
    /**
     * @param {DemoCue} cue
     * @param {{ keepMs: number }} options how long playlists carry it
     * @returns {BoardEntry}
     */
    add(cue, { keepMs }) {
      prune();
      const start = clock();
      const entry = { cue, start, until: start + keepMs };
      entries.push(entry);
      if (entries.length > max) entries = entries.slice(-max);
      return entry;
    },
    /** Stops carrying the cues `drop` picks (a coupon the host closed: late viewers must not open it). */
    remove(/** @type {(cue: DemoCue) => boolean} */ drop) {
      entries = entries.filter((e) => !drop(e.cue));
    },
    /** @returns {BoardEntry[]} oldest first */
    active() {
      prune();
      return [...entries];
    },
    /** @param {string} playlist */
    rewrite(playlist) {
      return injectDateRanges(playlist, this.active());
    },
  };
}
