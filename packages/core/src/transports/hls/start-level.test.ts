import { describe, expect, it } from 'vitest';
import { levelForSize } from './start-level.js';

// Levels as hls.js sorts them: by bitrate, lowest first.
const ladder = [
  { width: 426, height: 240 },
  { width: 854, height: 480 },
  { width: 1280, height: 720 },
];
const portrait = [
  { width: 360, height: 640 },
  { width: 720, height: 1280 },
];

describe('levelForSize', () => {
  it('picks the smallest level that covers the player', () => {
    expect(levelForSize(ladder, 320, 180)).toBe(0);
    expect(levelForSize(ladder, 640, 360)).toBe(1);
    expect(levelForSize(ladder, 1280, 720)).toBe(2);
  });

  it('takes the top level when the player is larger than every level', () => {
    expect(levelForSize(ladder, 3840, 2160)).toBe(2);
  });

  it('compares the larger side, so a portrait stream in a landscape box is not starved', () => {
    expect(levelForSize(portrait, 640, 360)).toBe(0);
    expect(levelForSize(portrait, 1280, 720)).toBe(1);
  });

  it('prefers the highest bitrate among levels of the same size', () => {
    const twoBitrates = [{ width: 854, height: 480 }, { width: 854, height: 480 }, ladder[2]!];
    expect(levelForSize(twoBitrates, 640, 360)).toBe(1);
  });
});
