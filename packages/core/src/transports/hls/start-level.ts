// Picks the first level for the player's size before the first fragment is requested. hls.js caps levels to the
// player size only once its ResizeObserver has reported (or, for masters without CODECS, once the first segment
// is parsed), so it would often start on the top level, then switch down: a wasted segment and playlist.
import type Hls from 'hls.js';

type Size = { width: number; height: number };

/** hls.js's own rule: the smallest level covering the player's larger side (levels are sorted by bitrate). */
export function levelForSize(levels: readonly Size[], width: number, height: number): number {
  const side = Math.max(width, height);
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i]!;
    const next = levels[i + 1];
    const largestOfItsSize = !next || next.width !== level.width || next.height !== level.height;
    if ((level.width >= side || level.height >= side) && largestOfItsSize) return i;
  }
  return levels.length - 1;
}

/** Caps auto levels to the video element's size now (call on MANIFEST_PARSED; hls.js refines it later). */
export function capToPlayerSize(hls: Hls, video: HTMLVideoElement): void {
  const { levels, config } = hls;
  if (!config.capLevelToPlayerSize || levels.length < 2 || hls.autoLevelCapping !== -1) return;
  if (!levels.every((level) => level.width > 0 && level.height > 0)) return; // no RESOLUTION: nothing to compare
  const rect = video.getBoundingClientRect();
  if (!rect.width || !rect.height) return;
  const ratio = config.ignoreDevicePixelRatio
    ? 1
    : Math.min(globalThis.devicePixelRatio || 1, config.maxDevicePixelRatio);
  hls.autoLevelCapping = levelForSize(levels, rect.width * ratio, rect.height * ratio);
}
