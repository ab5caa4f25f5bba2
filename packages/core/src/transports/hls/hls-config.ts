// hls.js configuration for live commerce: defaults as data, each with its reason, then the user's escape hatch.
import type { HlsConfig } from 'hls.js';

/** Applies to every live stream, whatever the latency mode. */
export const LIVE_DEFAULTS: Partial<HlsConfig> = {
  backBufferLength: 30, // 3–4 hour sales must not grow memory: keep 30 s behind the playhead, drop the rest
  maxBufferLength: 20, // live has little to prefetch anyway; a short forward buffer keeps memory flat
  maxMaxBufferLength: 30,
  capLevelToPlayerSize: true, // no 1080p into a 360 px phone player (device pixel ratio is honoured)
  capLevelOnFPSDrop: true, // weak phones: step down when the decoder drops frames
  startLevel: -1, // first level by bandwidth estimate…
  testBandwidth: false, // …without first downloading a throwaway segment to measure it: one round trip less to first frame
  liveDurationInfinity: true, // a live seekbar that doesn't jump as the window slides
  enableWorker: false, // strict CSP: no blob: worker; set `workerPath` to a same-origin hls.worker.js to use one
  // LiveHook reads cues itself (HlsCueReader); hls.js's metadata <track> loads `data:,WEBVTT`, which a strict CSP blocks.
  enableDateRangeMetadataCues: false,
  enableID3MetadataCues: false,
  enableEmsgMetadataCues: false,
  // A quality that failed once (a burst of 404s, a MediaSource reset) is left out of ABR; hls.js's default never lets
  // it back, so a 3-hour show would end on 240p after one hiccup at its start. It gets another chance after 30 s.
  errorPenaltyExpireMs: 30_000,
  liveSyncOnStallIncrease: 1, // hls.js adds this after each stall; our latency policy brings it back down
  // Live playlists refresh every target duration: retry quickly and often before calling it an outage.
  manifestLoadPolicy: {
    default: {
      maxTimeToFirstByteMs: 10_000,
      maxLoadTimeMs: 15_000,
      timeoutRetry: { maxNumRetry: 2, retryDelayMs: 0, maxRetryDelayMs: 0 },
      errorRetry: { maxNumRetry: 1, retryDelayMs: 1000, maxRetryDelayMs: 8000, shouldRetry: notNotFound },
    },
  },
  playlistLoadPolicy: {
    default: {
      maxTimeToFirstByteMs: 10_000,
      maxLoadTimeMs: 15_000,
      timeoutRetry: { maxNumRetry: 2, retryDelayMs: 0, maxRetryDelayMs: 0 },
      errorRetry: { maxNumRetry: 3, retryDelayMs: 1000, maxRetryDelayMs: 8000 },
    },
  },
  fragLoadPolicy: {
    default: {
      maxTimeToFirstByteMs: 10_000,
      maxLoadTimeMs: 60_000,
      timeoutRetry: { maxNumRetry: 4, retryDelayMs: 0, maxRetryDelayMs: 0 },
      errorRetry: { maxNumRetry: 6, retryDelayMs: 1000, maxRetryDelayMs: 8000 },
    },
  },
};

/** Per latency mode. */
export const LATENCY_PRESETS: Record<'low' | 'standard', Partial<HlsConfig>> = {
  low: {
    lowLatencyMode: true, // LL-HLS parts and blocking reloads where the stream has them
    maxLiveSyncPlaybackRate: 1.25, // catch up by playing slightly faster rather than jumping
  },
  standard: {
    lowLatencyMode: false,
    liveSyncDurationCount: 3, // three segments behind the edge: smooth through CDN hiccups
    maxLiveSyncPlaybackRate: 1.1,
  },
};

/** A 404 on the master playlist means "not started yet": don't burn retries on it, we poll instead. */
function notNotFound(
  _retryConfig: unknown,
  _retryCount: number,
  _isTimeout: boolean,
  response: { code?: number } | undefined,
  retry: boolean,
): boolean {
  return response?.code === 404 ? false : retry;
}

export function buildHlsConfig(latency: 'low' | 'standard', user: Partial<HlsConfig> = {}): Partial<HlsConfig> {
  return { ...LIVE_DEFAULTS, ...LATENCY_PRESETS[latency], ...user };
}
