// Turns what a Viewer does into lead events: view started/ended, watch-time heartbeats with seconds
// actually played, a quality and rebuffer summary, and each cue received.
import type { Viewer } from '../viewer/viewer.js';
import { createLeadEvent, type LeadEvent, LeadEventType, randomId } from './lead-event.js';

/** The DOM event the reporter dispatches (bubbling, composed) when given a `target`; detail: a LeadEvent. */
export const PLAYBACK_DOM_EVENT = 'live-playback';

/** What the reporter needs of a Viewer (a structural type, so tests can drive it with a fake). */
export type ReportedViewer = Pick<Viewer, 'on' | 'state' | 'metrics' | 'playingQuality'>;

export interface PlaybackReporterOptions {
  /** Room / stream id put on every event. */
  room?: string;
  /** Dispatch each event as `live-playback` from this element (the lead pipeline collects it at the document). */
  target?: EventTarget;
  /** Or receive each event directly (e.g. `(e) => pipeline.collect(e)`). */
  emit?: (event: LeadEvent) => void;
  /** Seconds of actual playback between two `watch.progress` heartbeats. */
  heartbeat?: number;
}

export const PLAYBACK_REPORTER_DEFAULTS = {
  heartbeat: 15, // fine enough to rank viewers by minutes watched, coarse enough to be ~4 events a minute
};

export interface PlaybackReporter {
  /** Reports the end of the view (if one started) and stops listening. */
  destroy(): void;
}

/**
 * Starts reporting. A view starts at the first `playing` state and ends when the stream ends, the
 * viewer is destroyed or the page is left; `watch.progress` counts only time in `playing`, not
 * paused, stalled or hidden time.
 */
export function reportPlayback(viewer: ReportedViewer, options: PlaybackReporterOptions = {}): PlaybackReporter {
  const heartbeat = (options.heartbeat ?? PLAYBACK_REPORTER_DEFAULTS.heartbeat) * 1000;
  let view: string | undefined;
  let playingSince: number | undefined;
  let unreported = 0; // ms played since the last heartbeat
  let total = 0; // ms played in this view
  let qualitySwitches = 0;
  let lastQuality: string | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

  const send = (type: LeadEventType, data: Record<string, unknown>) => {
    const event = createLeadEvent({ type, data, ...(options.room !== undefined && { room: options.room }) });
    options.emit?.(event);
    // A player removed from the page still owes its "view ended": send it from the document.
    const detached = (options.target as Partial<Node> | undefined)?.isConnected === false;
    const target = detached ? globalThis.document : options.target;
    target?.dispatchEvent(new CustomEvent(PLAYBACK_DOM_EVENT, { detail: event, bubbles: true, composed: true }));
  };

  const settle = () => {
    if (playingSince === undefined) return;
    const now = performance.now();
    unreported += now - playingSince;
    total += now - playingSince;
    playingSince = now;
  };

  const progress = () => {
    settle();
    if (!view || unreported < 500) return;
    send(LeadEventType.WatchProgress, {
      view,
      seconds: Math.round(unreported / 100) / 10,
      total: Math.round(total / 100) / 10,
    });
    unreported = 0;
  };

  const start = () => {
    view = randomId();
    total = 0;
    unreported = 0;
    qualitySwitches = 0;
    send(LeadEventType.ViewStarted, { view, transport: viewer.metrics.transport });
    timer = setInterval(progress, heartbeat);
  };

  const end = (reason: string) => {
    if (!view) return;
    progress();
    playingSince = undefined;
    const m = viewer.metrics;
    send(LeadEventType.QualitySummary, {
      view,
      transport: m.transport,
      timeToFirstFrame: m.timeToFirstFrame,
      rebufferCount: m.rebufferCount,
      rebufferSeconds: Math.round(m.rebufferTime / 100) / 10,
      bitrate: m.bitrate,
      width: m.width,
      height: m.height,
      droppedFrames: m.droppedFrames,
      latency: m.latency,
      qualitySwitches,
    });
    send(LeadEventType.ViewEnded, { view, reason, seconds: Math.round(total / 100) / 10 });
    view = undefined;
    clearInterval(timer);
    timer = undefined;
  };

  const offState = viewer.on('statechange', ({ state }) => {
    settle();
    if (state === 'playing') {
      if (!view) start();
      playingSince ??= performance.now();
    } else {
      playingSince = undefined;
    }
    if (state === 'ended' || state === 'error') end(state);
  });
  const offQuality = viewer.on('qualitychange', ({ playing }) => {
    if (playing !== undefined && lastQuality !== undefined && playing !== lastQuality) qualitySwitches++;
    if (playing !== undefined) lastQuality = playing;
  });
  const offCue = viewer.on('cue', ({ cue }) => {
    send(LeadEventType.CueReceived, {
      cueId: cue.id,
      cueType: cue.type,
      ...(cue.target !== undefined && { target: cue.target }),
      source: cue.source,
    });
  });

  // Capture phase, so these last events are queued before the pipeline's own pagehide flush runs.
  const doc = globalThis.document;
  const win = globalThis.window;
  const onHidden = () => {
    if (doc?.visibilityState === 'hidden') progress();
  };
  const onPageHide = () => end('pagehide');
  doc?.addEventListener('visibilitychange', onHidden, { capture: true });
  win?.addEventListener('pagehide', onPageHide, { capture: true });
  if (viewer.state === 'playing') {
    start();
    playingSince = performance.now();
  }

  return {
    destroy() {
      end('closed');
      offState();
      offQuality();
      offCue();
      doc?.removeEventListener('visibilitychange', onHidden, { capture: true });
      win?.removeEventListener('pagehide', onPageHide, { capture: true });
    },
  };
}
