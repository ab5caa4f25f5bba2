// @ts-check
// One job: the per-channel fault state — validate fault commands, keep what is active, decide
// what a request gets, and count what was requested. No I/O here (the server does that).
import { formatDateRange, mediaSequence } from './playlist-rewrite.mjs';

/**
 * @typedef {'segment-status' | 'segment-delay' | 'playlist-stall' | 'cut' | 'garbled' | 'end' | 'not-started' | 'daterange' | 'closed-captions' | 'subtitles'} FaultName
 * @typedef {'master' | 'media' | 'segment' | 'other'} RequestKind
 * @typedef {import('./playlist-rewrite.mjs').DateRangeSpec} DateRangeSpec
 *
 * @typedef {{ fault: 'segment-status', status?: number, count?: number, rendition?: string }
 *   | { fault: 'segment-delay', ms: number, count?: number, rendition?: string }
 *   | { fault: 'playlist-stall' }
 *   | { fault: 'cut', durationMs?: number }
 *   | { fault: 'garbled', mode?: 'bytes' | 'tags', target?: 'all' | 'master' | 'media' }
 *   | { fault: 'end' }
 *   | { fault: 'not-started' }
 *   | { fault: 'closed-captions' }
 *   | { fault: 'subtitles' }
 *   | ({ fault: 'daterange' } & Partial<DateRangeSpec> & { id: string })} FaultSpec
 *
 * @typedef {{
 *   segmentStatus: { status: number, remaining: number | null, rendition: string | null } | null,
 *   segmentDelay: { ms: number, remaining: number | null, rendition: string | null } | null,
 *   stall: { since: number, playlists: Record<string, string> } | null,
 *   end: { since: number, playlists: Record<string, string> } | null,
 *   cut: { since: number, until: number | null } | null,
 *   garbled: { mode: 'bytes' | 'tags', target: 'all' | 'master' | 'media' } | null,
 *   notStarted: { since: number } | null,
 *   closedCaptions: { since: number } | null,
 *   subtitles: { since: number } | null,
 * }} ActiveFaults
 *
 * @typedef {{
 *   name: string,
 *   faults: ActiveFaults,
 *   dateRanges: DateRangeSpec[],
 *   requests: Record<RequestKind, number>,
 *   segmentsByRendition: Record<string, number>,
 *   mediaByRendition: Record<string, number>,
 *   injected: Partial<Record<FaultName, number>>,
 *   recent: { at: string, kind: RequestKind, path: string, outcome: string }[],
 * }} Channel
 */

/** @type {FaultName[]} */
export const FAULT_NAMES = [
  'segment-status',
  'segment-delay',
  'playlist-stall',
  'cut',
  'garbled',
  'end',
  'not-started',
  'daterange',
  'closed-captions',
  'subtitles',
];

export const CHANNEL_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const RECENT = 40;

/** A client error in a fault command (→ HTTP 400). */
export class FaultError extends Error {}

/**
 * @param {string} name
 * @returns {Channel}
 */
export function createChannel(name) {
  if (!CHANNEL_PATTERN.test(name)) throw new FaultError(`channel "${name}" must match ${CHANNEL_PATTERN}`);
  return {
    name,
    faults: {
      segmentStatus: null,
      segmentDelay: null,
      stall: null,
      end: null,
      cut: null,
      garbled: null,
      notStarted: null,
      closedCaptions: null,
      subtitles: null,
    },
    dateRanges: [],
    requests: { master: 0, media: 0, segment: 0, other: 0 },
    segmentsByRendition: {},
    mediaByRendition: {},
    injected: {},
    recent: [],
  };
}

/** @param {unknown} value @param {string} what @returns {number | undefined} */
function optionalCount(value, what) {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new FaultError(`${what} must be a whole number ≥ 1`);
  }
  return value;
}

/** @param {unknown} value @param {string} what */
function optionalMs(value, what) {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 600_000) {
    throw new FaultError(`${what} must be a number of milliseconds between 0 and 600000`);
  }
  return value;
}

/** @param {unknown} value */
function optionalRendition(value) {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !/^[a-z0-9-]+$/.test(value)) throw new FaultError('rendition must be a name');
  return value;
}

/**
 * Check a fault command (from JSON) and return it normalized. Throws FaultError when invalid.
 * @param {unknown} input
 * @param {number} now
 * @returns {FaultSpec}
 */
export function parseFault(input, now = Date.now()) {
  if (!input || typeof input !== 'object') throw new FaultError('a fault command is a JSON object');
  const spec = /** @type {Record<string, unknown>} */ (input);
  const fault = spec.fault;
  switch (fault) {
    case 'segment-status': {
      const status = spec.status ?? 404;
      if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) {
        throw new FaultError('status must be an HTTP error status (400–599)');
      }
      return {
        fault,
        status,
        count: optionalCount(spec.count, 'count'),
        rendition: optionalRendition(spec.rendition),
      };
    }
    case 'segment-delay': {
      const ms = optionalMs(spec.ms, 'ms');
      if (ms === undefined) throw new FaultError('segment-delay needs ms');
      return { fault, ms, count: optionalCount(spec.count, 'count'), rendition: optionalRendition(spec.rendition) };
    }
    case 'cut':
      return { fault, durationMs: optionalMs(spec.durationMs, 'durationMs') };
    case 'garbled': {
      const mode = spec.mode ?? 'bytes';
      const target = spec.target ?? 'all';
      if (mode !== 'bytes' && mode !== 'tags') throw new FaultError('mode must be "bytes" or "tags"');
      if (target !== 'all' && target !== 'master' && target !== 'media') {
        throw new FaultError('target must be "all", "master" or "media"');
      }
      return { fault, mode, target };
    }
    case 'playlist-stall':
    case 'end':
    case 'not-started':
    case 'closed-captions':
    case 'subtitles':
      return { fault };
    case 'daterange': {
      if (typeof spec.id !== 'string' || !spec.id) throw new FaultError('daterange needs an id');
      const startDate = spec.startDate ?? new Date(now).toISOString();
      if (typeof startDate !== 'string') throw new FaultError('startDate must be an ISO date string');
      /** @type {FaultSpec} */
      const range = { fault, id: spec.id, startDate };
      for (const key of /** @type {const} */ (['endDate', 'class'])) {
        if (spec[key] !== undefined) {
          if (typeof spec[key] !== 'string') throw new FaultError(`${key} must be a string`);
          range[key] = spec[key];
        }
      }
      for (const key of /** @type {const} */ (['duration', 'plannedDuration'])) {
        if (spec[key] !== undefined) {
          if (typeof spec[key] !== 'number') throw new FaultError(`${key} must be a number of seconds`);
          range[key] = spec[key];
        }
      }
      if (spec.endOnNext !== undefined) range.endOnNext = Boolean(spec.endOnNext);
      if (spec.attributes !== undefined) {
        if (!spec.attributes || typeof spec.attributes !== 'object' || Array.isArray(spec.attributes)) {
          throw new FaultError('attributes must be an object of X-… names to strings or numbers');
        }
        range.attributes = /** @type {Record<string, string | number>} */ (spec.attributes);
      }
      try {
        formatDateRange(toDateRange(range));
      } catch (error) {
        throw new FaultError(/** @type {Error} */ (error).message);
      }
      return range;
    }
    default:
      throw new FaultError(`unknown fault ${JSON.stringify(fault)}; known: ${FAULT_NAMES.join(', ')}`);
  }
}

/**
 * @param {FaultSpec & { fault: 'daterange' }} spec
 * @returns {DateRangeSpec}
 */
function toDateRange(spec) {
  const { fault: _fault, ...range } = spec;
  return /** @type {DateRangeSpec} */ (range);
}

/**
 * Make a (parsed) fault active on a channel. `playlists` is what the media playlists are right now
 * (rendition → text), needed by playlist-stall and end, which freeze them.
 * @param {Channel} channel
 * @param {FaultSpec} spec
 * @param {{ now?: number, playlists?: Record<string, string> }} [context]
 */
export function applyFault(channel, spec, context = {}) {
  const now = context.now ?? Date.now();
  const f = channel.faults;
  switch (spec.fault) {
    case 'segment-status':
      f.segmentStatus = {
        status: spec.status ?? 404,
        remaining: spec.count ?? null,
        rendition: spec.rendition ?? null,
      };
      break;
    case 'segment-delay':
      f.segmentDelay = { ms: spec.ms, remaining: spec.count ?? null, rendition: spec.rendition ?? null };
      break;
    case 'cut':
      f.cut = { since: now, until: spec.durationMs === undefined ? null : now + spec.durationMs };
      break;
    case 'garbled':
      f.garbled = { mode: spec.mode ?? 'bytes', target: spec.target ?? 'all' };
      break;
    case 'not-started':
      f.notStarted = { since: now };
      break;
    case 'closed-captions':
      f.closedCaptions = { since: now };
      break;
    case 'subtitles':
      f.subtitles = { since: now };
      break;
    case 'playlist-stall':
      // A second stall keeps the first snapshot: the playlists stay as they were.
      f.stall ??= { since: now, playlists: frozen(channel, context.playlists) };
      break;
    case 'end':
      f.end ??= { since: now, playlists: frozen(channel, context.playlists) };
      break;
    case 'daterange': {
      const range = toDateRange(spec);
      channel.dateRanges = [...channel.dateRanges.filter((r) => r.id !== range.id), range];
      break;
    }
  }
}

/**
 * What to freeze: an existing frozen view wins over the live playlists.
 * @param {Channel} channel
 * @param {Record<string, string> | undefined} playlists
 */
function frozen(channel, playlists) {
  return { ...(playlists ?? {}), ...(channel.faults.stall?.playlists ?? {}), ...(channel.faults.end?.playlists ?? {}) };
}

/** @type {Record<Exclude<FaultName, 'daterange'>, keyof ActiveFaults>} */
const FIELD = {
  'segment-status': 'segmentStatus',
  'segment-delay': 'segmentDelay',
  'playlist-stall': 'stall',
  cut: 'cut',
  garbled: 'garbled',
  end: 'end',
  'not-started': 'notStarted',
  'closed-captions': 'closedCaptions',
  subtitles: 'subtitles',
};

/**
 * Clear one fault, or all of them (and the date ranges) when `fault` is omitted.
 * @param {Channel} channel
 * @param {string} [fault]
 */
export function clearFault(channel, fault) {
  if (fault === undefined) {
    for (const key of Object.values(FIELD)) channel.faults[key] = null;
    channel.dateRanges = [];
    return;
  }
  if (fault === 'daterange') {
    channel.dateRanges = [];
    return;
  }
  const key = FIELD[/** @type {Exclude<FaultName, 'daterange'>} */ (fault)];
  if (!key) throw new FaultError(`unknown fault ${JSON.stringify(fault)}; known: ${FAULT_NAMES.join(', ')}`);
  channel.faults[key] = null;
}

/**
 * Is every request of this channel to be cut right now? (Expires timed cuts.)
 * @param {Channel} channel
 * @param {number} [now]
 */
export function isCut(channel, now = Date.now()) {
  const cut = channel.faults.cut;
  if (!cut) return false;
  if (cut.until !== null && now >= cut.until) {
    channel.faults.cut = null;
    return false;
  }
  return true;
}

/**
 * The fate of one segment request: an error status (or null for the file) and a delay.
 * Consumes one of the `count` of counted faults.
 * @param {Channel} channel
 * @param {string} rendition
 * @returns {{ status: number | null, delayMs: number }}
 */
export function decideSegment(channel, rendition) {
  const f = channel.faults;
  let status = null;
  let delayMs = 0;
  const s = f.segmentStatus;
  if (s && (s.rendition === null || s.rendition === rendition)) {
    status = s.status;
    count(channel, 'segment-status');
    if (s.remaining !== null && --s.remaining <= 0) f.segmentStatus = null;
  }
  const d = f.segmentDelay;
  if (d && (d.rendition === null || d.rendition === rendition)) {
    delayMs = d.ms;
    count(channel, 'segment-delay');
    if (d.remaining !== null && --d.remaining <= 0) f.segmentDelay = null;
  }
  return { status, delayMs };
}

/**
 * @param {Channel} channel
 * @param {FaultName} fault
 */
export function count(channel, fault) {
  channel.injected[fault] = (channel.injected[fault] ?? 0) + 1;
}

/**
 * Count a request as it arrives.
 * @param {Channel} channel
 * @param {RequestKind} kind
 * @param {string | null} rendition
 */
export function countRequest(channel, kind, rendition) {
  channel.requests[kind]++;
  if (rendition && kind === 'segment') {
    channel.segmentsByRendition[rendition] = (channel.segmentsByRendition[rendition] ?? 0) + 1;
  }
  if (rendition && kind === 'media') {
    channel.mediaByRendition[rendition] = (channel.mediaByRendition[rendition] ?? 0) + 1;
  }
}

/**
 * Remember how a request was answered (the last few, for debugging tests).
 * @param {Channel} channel
 * @param {RequestKind} kind
 * @param {string} path
 * @param {string} outcome
 */
export function remember(channel, kind, path, outcome) {
  channel.recent.push({ at: new Date().toISOString(), kind, path, outcome });
  if (channel.recent.length > RECENT) channel.recent.splice(0, channel.recent.length - RECENT);
}

/**
 * The channel as plain JSON: active faults, date ranges and request counters.
 * @param {Channel} channel
 * @param {number} [now]
 */
export function describeChannel(channel, now = Date.now()) {
  isCut(channel, now); // expire a finished timed cut
  const f = channel.faults;
  const iso = (/** @type {number} */ t) => new Date(t).toISOString();
  /** @param {Record<string, string>} playlists */
  const sequences = (playlists) =>
    Object.fromEntries(Object.entries(playlists).map(([name, text]) => [name, mediaSequence(text)]));
  /** @type {Record<string, unknown>} */
  const faults = {};
  if (f.segmentStatus) faults['segment-status'] = { ...f.segmentStatus };
  if (f.segmentDelay) faults['segment-delay'] = { ...f.segmentDelay };
  if (f.stall) faults['playlist-stall'] = { since: iso(f.stall.since), mediaSequence: sequences(f.stall.playlists) };
  if (f.end) faults.end = { since: iso(f.end.since), mediaSequence: sequences(f.end.playlists) };
  if (f.cut) faults.cut = { since: iso(f.cut.since), until: f.cut.until === null ? null : iso(f.cut.until) };
  if (f.garbled) faults.garbled = { ...f.garbled };
  if (f.notStarted) faults['not-started'] = { since: iso(f.notStarted.since) };
  if (channel.dateRanges.length) faults.daterange = channel.dateRanges.map((r) => ({ ...r }));
  const { master, media, segment } = channel.requests;
  return {
    channel: channel.name,
    faults,
    requests: { master, media, segment, total: master + media + segment + channel.requests.other },
    mediaByRendition: { ...channel.mediaByRendition },
    segmentsByRendition: { ...channel.segmentsByRendition },
    injected: { ...channel.injected },
    recent: channel.recent.map((r) => ({ ...r })),
  };
}
