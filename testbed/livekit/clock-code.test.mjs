// @ts-check
import { describe, expect, it } from 'vitest';
import { CLOCK_BAND, CLOCK_COLUMNS, CLOCK_ROWS, decodeClock, decodeClockBits, encodeClock } from './clock-code.mjs';

/**
 * Renders the bits like drawClock does, into a bare RGBA buffer.
 * @param {number} ms @param {number} width @param {number} height
 */
function render(ms, width, height) {
  const data = new Uint8ClampedArray(width * height * 4).fill(90);
  const bits = encodeClock(ms);
  const cellW = width / CLOCK_COLUMNS;
  const cellH = (height * CLOCK_BAND) / CLOCK_ROWS;
  for (let y = 0; y < Math.round(height * CLOCK_BAND); y++) {
    for (let x = 0; x < width; x++) {
      const bit = bits[Math.floor(y / cellH) * CLOCK_COLUMNS + Math.floor(x / cellW)];
      data.fill(bit ? 255 : 0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  }
  return { data, width, height };
}

describe('clock code', () => {
  it('round-trips Date.now() through 64 cells', () => {
    const now = Date.now();
    expect(encodeClock(now)).toHaveLength(64);
    expect(decodeClockBits(encodeClock(now))).toBe(now);
  });

  it('decodes from pixels at every simulcast layer size', () => {
    const now = 1_790_000_000_123;
    for (const [w, h] of [
      [1280, 720],
      [640, 360],
      [320, 180],
    ]) {
      expect(decodeClock(render(now, w, h))).toBe(now);
    }
  });

  it('rejects a damaged code', () => {
    const bits = encodeClock(Date.now());
    bits[20] ^= 1;
    expect(decodeClockBits(bits)).toBeNull();
    expect(decodeClock({ data: new Uint8ClampedArray(320 * 180 * 4), width: 320, height: 180 })).toBeNull();
  });
});
