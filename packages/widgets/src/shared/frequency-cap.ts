// Frequency caps: a prompt the viewer dismissed stays away for a while, across reloads.
import { clock } from './clock.js';
import { readJson, removeKey, storageKey, writeJson } from './storage.js';

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };
/** Longest cap honoured: a year. A typo like "9999d" must not hide a widget for decades. */
const MAX_SECONDS = 365 * 86_400;

/**
 * Parses a duration a page builder types: `90` (seconds), `45s`, `30m`, `12h`, `7d`, `2w`, `0`.
 * Returns seconds, or undefined when it can't be read.
 */
export function parseDuration(value: string | null | undefined): number | undefined {
  const text = (value ?? '').trim().toLowerCase();
  const match = /^(\d+(?:\.\d+)?)\s*([smhdw]?)$/.exec(text);
  if (!match) return undefined;
  const seconds = Number(match[1]) * (UNITS[match[2] || 's'] ?? 1);
  return Number.isFinite(seconds) ? Math.min(seconds, MAX_SECONDS) : undefined;
}

export interface CapRecord {
  /** ms since the epoch until which the prompt stays away. */
  until: number;
}

function isRecord(value: unknown): value is CapRecord {
  return typeof value === 'object' && value !== null && typeof (value as CapRecord).until === 'number';
}

/** The stored dismissals, keyed by campaign (or element id). */
export const frequencyCap = {
  key(name: string): string {
    return storageKey('dismissed', name);
  },
  /** True while a dismissal of `name` is in force. */
  isCapped(name: string): boolean {
    const record = readJson(this.key(name));
    if (!isRecord(record)) return false;
    if (record.until > clock.now()) return true;
    removeKey(this.key(name));
    return false;
  },
  /** Remembers a dismissal for `seconds` (0: not remembered at all). */
  dismiss(name: string, seconds: number): void {
    if (seconds <= 0) return;
    writeJson(this.key(name), { until: clock.now() + seconds * 1000 } satisfies CapRecord);
  },
  clear(name: string): void {
    removeKey(this.key(name));
  },
};
