// The pre-live start time, whatever language tag the browser reports.
import { describe, expect, it } from 'vitest';
import { formatStartTime } from './locale.js';

const iso = '2026-11-26T20:05:00Z';

describe('formatStartTime', () => {
  it('formats in the given language, without seconds', () => {
    expect(formatStartTime(iso, 'en')).toMatch(/^\w{3}, \w{3} \d{1,2}, \d{1,2}:05\s?[AP]M$/);
    expect(formatStartTime(iso, 'zh-CN')).toMatch(/11月.*:05/);
  });

  it('falls back to English for a tag Intl rejects (WebKitGTK under LANG=C says "C")', () => {
    expect(formatStartTime(iso, 'C')).toBe(formatStartTime(iso, 'en'));
  });

  it('gives nothing for a bad date', () => {
    expect(formatStartTime('not a date', 'en')).toBe(undefined);
    expect(formatStartTime('', 'en')).toBe(undefined);
  });
});
