// Widget dates, whatever language tag or time zone the page hands in.
import { describe, expect, it } from 'vitest';
import { formatDateTime } from './locale.js';

const time = Date.parse('2026-11-26T20:05:00Z');

describe('formatDateTime', () => {
  it('formats in the given language and time zone, without seconds', () => {
    expect(formatDateTime(time, 'en', 'UTC')).toMatch(/^Thu, Nov 26, 8:05\sPM$/); // ICU puts U+202F before PM
    expect(formatDateTime(time, 'zh-cn', 'Asia/Shanghai')).toMatch(/11月27日.*4:05/);
  });

  it('falls back to English for a tag Intl rejects (WebKitGTK under LANG=C says "C")', () => {
    expect(formatDateTime(time, 'C', 'UTC')).toBe(formatDateTime(time, 'en', 'UTC'));
  });

  it('still says something for a time zone Intl does not know, and nothing for a bad time', () => {
    expect(formatDateTime(time, 'en', 'Mars/Olympus')).not.toBe('');
    expect(formatDateTime(Number.NaN, 'en')).toBe('');
  });
});
