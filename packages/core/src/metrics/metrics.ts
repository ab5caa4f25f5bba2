// What a viewer's playback looks like in numbers. Every transport fills what it can.

export interface Metrics {
  /** Which transport is playing ('hls', 'livekit'), for stats panels. */
  transport?: string;
  /** ms from load() to the first decoded frame. */
  timeToFirstFrame?: number;
  /** Times playback froze waiting for data after the first frame. */
  rebufferCount: number;
  /** Total ms spent frozen. */
  rebufferTime: number;
  /** Bits per second of the rendition/layer playing. */
  bitrate?: number;
  width?: number;
  height?: number;
  droppedFrames?: number;
  decodedFrames?: number;
  /** Estimated download bandwidth, bits per second. */
  bandwidth?: number;
  /** Seconds behind the live edge (wall clock vs EXT-X-PROGRAM-DATE-TIME, or the WebRTC estimate). */
  latency?: number;
  /** The latency the player aims for, seconds. */
  targetLatency?: number;
  /** WebRTC only: fraction of packets lost, jitter in seconds. */
  packetLoss?: number;
  jitter?: number;
}

export function emptyMetrics(): Metrics {
  return { rebufferCount: 0, rebufferTime: 0 };
}
