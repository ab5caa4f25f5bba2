// One shape for every transport's renditions: HLS levels and LiveKit simulcast layers alike.

export interface Quality {
  /** Stable id to pass to `setQuality`. */
  readonly id: string;
  /** Short label for a menu, e.g. "720p". */
  readonly label: string;
  readonly width?: number;
  readonly height?: number;
  /** Bits per second, when known. */
  readonly bitrate?: number;
}

export type QualityChoice = 'auto' | (string & {});

/** "720p", or "1.2 Mbps" for audio-only / unknown sizes. */
export function qualityLabel(height: number | undefined, bitrate: number | undefined): string {
  if (height) return `${height}p`;
  if (bitrate) return bitrate >= 1e6 ? `${(bitrate / 1e6).toFixed(1)} Mbps` : `${Math.round(bitrate / 1e3)} kbps`;
  return 'audio';
}

/** Highest first, as quality menus list them. */
export function sortQualities(list: readonly Quality[]): Quality[] {
  return [...list].sort((a, b) => (b.height ?? 0) - (a.height ?? 0) || (b.bitrate ?? 0) - (a.bitrate ?? 0));
}
