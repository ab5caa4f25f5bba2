// Cues: small timed messages from the host's room (show a widget, open a coupon), the same on every transport.

/** Largest cue accepted, in bytes of JSON. Cues steer UI; anything bigger is a mistake or an attack. */
export const MAX_CUE_BYTES = 4096;

const TYPE_PATTERN = /^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/;
const MAX_ID_LENGTH = 128;
const MAX_TARGET_LENGTH = 128;

/** Where a cue came from. */
export type CueSource = 'hls-daterange' | 'hls-id3' | 'livekit' | 'local';

export interface Cue {
  /** Format version; only 1 exists. */
  readonly v: 1;
  /** Unique per cue, so a cue repeated in several playlists or packets is handled once. */
  readonly id: string;
  /** What to do, e.g. `widget.show`, `widget.hide`, `coupon.open`. Consumers ignore types they don't know. */
  readonly type: string;
  /** Which element it is for (an element id or a widget name), if any. */
  readonly target?: string;
  /** Type-specific payload (a plain JSON object). */
  readonly data?: Readonly<Record<string, unknown>>;
  /** Wall-clock time (ms since epoch) the cue applies at, when the stream says so. */
  readonly time?: number;
  readonly source: CueSource;
}

export type CueResult = { ok: true; cue: Cue } | { ok: false; reason: string };

/**
 * Validates an untrusted cue (JSON text, bytes or an object) into a Cue, or says why not.
 * Never throws: cues arrive from the network and a bad one must not break playback.
 */
export function parseCue(input: unknown, source: CueSource, time?: number): CueResult {
  let value: unknown = input;
  try {
    if (input instanceof Uint8Array) value = new TextDecoder('utf-8', { fatal: true }).decode(input);
    if (typeof value === 'string') {
      if (byteLength(value) > MAX_CUE_BYTES) return fail(`cue is larger than ${MAX_CUE_BYTES} bytes`);
      value = JSON.parse(value);
    } else if (byteLength(JSON.stringify(value) ?? '') > MAX_CUE_BYTES) {
      return fail(`cue is larger than ${MAX_CUE_BYTES} bytes`);
    }
  } catch {
    return fail('cue is not valid UTF-8 JSON');
  }
  if (!isPlainObject(value)) return fail('cue must be a JSON object');
  if (value.v !== 1) return fail(`unsupported cue version ${JSON.stringify(value.v)?.slice(0, 20)}`);
  const { id, type, target, data } = value;
  if (typeof id !== 'string' || !id || id.length > MAX_ID_LENGTH) return fail('cue id must be a non-empty string');
  if (typeof type !== 'string' || type.length > 64 || !TYPE_PATTERN.test(type)) {
    return fail('cue type must be a short dotted name like "widget.show"');
  }
  if (target !== undefined && (typeof target !== 'string' || target.length > MAX_TARGET_LENGTH)) {
    return fail('cue target must be a short string');
  }
  if (data !== undefined && !isPlainObject(data)) return fail('cue data must be a JSON object');
  const cue: Cue = {
    v: 1,
    id,
    type,
    source,
    ...(target !== undefined && { target }),
    ...(data !== undefined && { data }),
    ...(time !== undefined && Number.isFinite(time) && { time }),
  };
  return { ok: true, cue };
}

function fail(reason: string): CueResult {
  return { ok: false, reason };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
