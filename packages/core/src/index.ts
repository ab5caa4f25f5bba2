// @livehook/core: the public API. Transports load their engines (hls.js, livekit-client) lazily.
export { type Cue, type CueResult, type CueSource, MAX_CUE_BYTES, parseCue } from './cues/cue.js';
export {
  DATERANGE_CUE_ATTRIBUTE,
  decodeDateRangeCue,
  encodeDateRangeCue,
  ID3_CUE_DESCRIPTION,
  readId3CuePayloads,
} from './cues/hls-cues.js';
export * from './events/index.js';
export { dateTimeFormat, Locales, languageOf, type Translate } from './i18n/locales.js';
export { emptyMetrics, type Metrics } from './metrics/metrics.js';
export {
  type BackoffOptions,
  exponentialBackoff,
  Retrier,
  type RetryContext,
  type RetryPolicy,
} from './policy/retry.js';
export { type Quality, type QualityChoice, qualityLabel, sortQualities } from './quality/quality.js';
export { RoomLink, type RoomLinkHandlers, type RoomLinkOptions } from './room/room-link.js';
export {
  describeSource,
  type HlsSource,
  type LiveKitSource,
  parseHlsSource,
  parseLiveKitSource,
  parseSource,
  type Source,
  SourceError,
  type SourceInput,
} from './sources/source.js';
export type { HlsBuild } from './transports/hls/hls-build.js';
export { buildHlsConfig, LATENCY_PRESETS, LIVE_DEFAULTS } from './transports/hls/hls-config.js';
export { HlsTransport, type HlsTransportOptions, hlsTransportFactory } from './transports/hls/hls-transport.js';
export { type HlsConstructor, loadHls } from './transports/hls/load-hls.js';
export { chooseHlsEngine, type HlsEngine } from './transports/hls/playback-engine.js';
export { type CueSink, DataCueReader, LIVEKIT_CUE_TOPIC } from './transports/livekit/data-cues.js';
export {
  countViewers,
  type HostChoice,
  type HostPickOptions,
  type ParticipantCandidate,
  pickHost,
  type TrackCandidate,
} from './transports/livekit/host.js';
export {
  LIVEKIT_DEFAULTS,
  LiveKitTransport,
  type LiveKitTransportOptions,
  liveKitTransportFactory,
} from './transports/livekit/livekit-transport.js';
export { type LiveKitModule, loadLiveKit } from './transports/livekit/load-livekit.js';
export { type LayerQuality, layersToQualities, type SimulcastLayer } from './transports/livekit/quality-map.js';
export {
  checkTokenResponse,
  type FetchTokenOptions,
  fetchToken,
  type TokenRequest,
  type TokenResponse,
} from './transports/livekit/token.js';
export type {
  Transport,
  TransportContext,
  TransportFactory,
  TransportPhase,
  ViewerWarning,
} from './transports/transport.js';
export { toViewerError, ViewerError, ViewerErrorCode } from './viewer/errors.js';
export type { TypedEmitter, ViewerEventListener, ViewerEventMap, ViewerEventType } from './viewer/events.js';
export { isActive, ViewerState } from './viewer/state.js';
export { preloadHls, Viewer, type ViewerOptions } from './viewer/viewer.js';
