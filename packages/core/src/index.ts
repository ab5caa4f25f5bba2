// @livehook/core: the public API. Transports load their engines (hls.js, livekit-client) lazily.
export { type Cue, type CueResult, type CueSource, MAX_CUE_BYTES, parseCue } from './cues/cue.js';
export {
  DATERANGE_CUE_ATTRIBUTE,
  decodeDateRangeCue,
  encodeDateRangeCue,
  ID3_CUE_DESCRIPTION,
  readId3CuePayloads,
} from './cues/hls-cues.js';
export { emptyMetrics, type Metrics } from './metrics/metrics.js';
export {
  type BackoffOptions,
  exponentialBackoff,
  Retrier,
  type RetryContext,
  type RetryPolicy,
} from './policy/retry.js';
export { type Quality, type QualityChoice, qualityLabel, sortQualities } from './quality/quality.js';
export {
  describeSource,
  type HlsSource,
  parseHlsSource,
  parseSource,
  type Source,
  SourceError,
  type SourceInput,
} from './sources/source.js';
export { buildHlsConfig, LATENCY_PRESETS, LIVE_DEFAULTS } from './transports/hls/hls-config.js';
export { HlsTransport, type HlsTransportOptions, hlsTransportFactory } from './transports/hls/hls-transport.js';
export { type HlsConstructor, loadHls } from './transports/hls/load-hls.js';
export { chooseHlsEngine, type HlsEngine } from './transports/hls/playback-engine.js';
export type {
  Transport,
  TransportContext,
  TransportFactory,
  TransportPhase,
  ViewerWarning,
} from './transports/transport.js';
export { toViewerError, ViewerError, ViewerErrorCode } from './viewer/errors.js';
export type { ViewerEventListener, ViewerEventMap, ViewerEventType } from './viewer/events.js';
export { isActive, ViewerState } from './viewer/state.js';
export { Viewer, type ViewerOptions } from './viewer/viewer.js';
export {
  createLeadEvent,
  isLeadEventType,
  type KnownLeadEventType,
  type LeadEvent,
  type LeadEventInit,
  LeadEventType,
  randomId,
} from './events/lead-event.js';
