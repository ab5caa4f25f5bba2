import { describe, expect, it } from 'vitest';
import { qualityLabel, sortQualities } from './quality.js';

describe('quality', () => {
  it('labels by height, else by bitrate', () => {
    expect(qualityLabel(720, 2_000_000)).toBe('720p');
    expect(qualityLabel(undefined, 1_500_000)).toBe('1.5 Mbps');
    expect(qualityLabel(undefined, 96_000)).toBe('96 kbps');
    expect(qualityLabel(undefined, undefined)).toBe('audio');
  });

  it('sorts highest first', () => {
    const list = [
      { id: 'a', label: '240p', height: 240 },
      { id: 'b', label: '720p', height: 720 },
      { id: 'c', label: '480p', height: 480 },
    ];
    expect(sortQualities(list).map((q) => q.id)).toEqual(['b', 'c', 'a']);
  });
});
