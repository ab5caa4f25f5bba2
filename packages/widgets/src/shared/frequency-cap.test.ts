import { describe, expect, it } from 'vitest';
import { parseDuration } from './frequency-cap.js';
import { parseTriggers } from './triggers.js';

describe('parseDuration', () => {
  it.each([
    ['90', 90],
    ['45s', 45],
    ['30m', 1800],
    ['12h', 43_200],
    ['7d', 604_800],
    ['2w', 1_209_600],
    ['0', 0],
    [' 1.5h ', 5400],
    ['99999d', 365 * 86_400],
  ])('reads %j', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['', 'soon', '-5m', '1y', '5 minutes'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('parseTriggers', () => {
  it('reads space- or comma-separated words and reports unknown ones', () => {
    const reports: string[] = [];
    const triggers = parseTriggers('delay, cue  nonsense', 'load', (m) => reports.push(m));
    expect([...triggers]).toEqual(['delay', 'cue']);
    expect(reports).toHaveLength(1);
    expect([...parseTriggers('', 'cue', () => {})]).toEqual(['cue']);
  });
});
