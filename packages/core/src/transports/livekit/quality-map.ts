// Maps simulcast layers to the one Quality list every transport shares, and back.
import { type Quality, qualityLabel, sortQualities } from '../../quality/quality.js';

/** A simulcast layer as LiveKit describes it (VideoQuality: 0 low, 1 medium, 2 high). */
export interface SimulcastLayer {
  readonly quality: number;
  readonly width: number;
  readonly height: number;
  /** bits per second, 0 when unknown */
  readonly bitrate?: number;
}

export interface LayerQuality extends Quality {
  readonly layer: SimulcastLayer;
}

/** Highest first, ids like "720p" (with "-<n>" added if two layers share a height). */
export function layersToQualities(layers: readonly SimulcastLayer[]): LayerQuality[] {
  const usable = layers.filter((l) => l.width > 0 && l.height > 0);
  const sorted = sortQualities(
    usable.map((layer) => ({
      id: '',
      label: '',
      width: layer.width,
      height: layer.height,
      bitrate: layer.bitrate || undefined,
      layer,
    })),
  ) as (Quality & { layer: SimulcastLayer })[];
  const seen = new Map<string, number>();
  return sorted.map((q) => {
    const label = qualityLabel(q.height, q.bitrate);
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return { ...q, id: n === 1 ? label : `${label}-${n}`, label };
  });
}

/** The quality whose layer is closest to a decoded frame height (frames can arrive slightly off-size). */
export function qualityForHeight(
  qualities: readonly LayerQuality[],
  height: number | undefined,
): LayerQuality | undefined {
  if (!height) return undefined;
  let best: LayerQuality | undefined;
  for (const q of qualities) {
    if (!best || Math.abs(q.layer.height - height) < Math.abs(best.layer.height - height)) best = q;
  }
  return best;
}
