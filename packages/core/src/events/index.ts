// The lead-event pipeline's public API (re-exported by the package index).
export {
  COLLECTED_DOM_EVENTS,
  collectDomEvents,
  type DomCollectorOptions,
  TRACK_DOM_EVENT,
  type TrackRequest,
} from './dom-collector.js';
export {
  type CollectorAnswer,
  HTTP_SINK_DEFAULTS,
  HttpSink,
  type HttpSinkHooks,
  type HttpSinkOptions,
} from './http-sink.js';
export { type ConsentState, VIEWER_STORAGE_KEY } from './identity.js';
export {
  CUSTOM_LEAD_EVENT_TYPE,
  createLeadEvent,
  isLeadEventType,
  KNOWN_LEAD_EVENT_TYPES,
  type KnownLeadEventType,
  type LeadEvent,
  type LeadEventInit,
  LeadEventType,
  randomId,
} from './lead-event.js';
export {
  acquireLeadPipeline,
  createLeadPipeline,
  LeadPipeline,
  type LeadPipelineEventMap,
  type LeadPipelineOptions,
  type LeadPipelineStats,
  PIPELINE_DEFAULTS,
} from './pipeline.js';
export {
  PLAYBACK_DOM_EVENT,
  PLAYBACK_REPORTER_DEFAULTS,
  type PlaybackReporter,
  type PlaybackReporterOptions,
  type ReportedViewer,
  reportPlayback,
} from './playback-reporter.js';
export {
  type Batch,
  EventQueue,
  LocalStorageQueueStore,
  MemoryQueueStore,
  type PushResult,
  type QueueStore,
} from './queue.js';
export { reportPlaybackWhenPlaying } from './report-when-playing.js';
export { callbackSink, dataLayerSink, domSink, LEAD_DOM_EVENT, type LeadSink } from './sinks.js';
export { checkLeadEvent, LEAD_EVENT_LIMITS, type LeadEventCheck } from './validate.js';
