// Owns the element's core Viewer: creates it on the <video>, mirrors its state for rendering,
// re-dispatches its events on the host as `live-` events, and destroys it. Decides nothing about playback.
import {
  type Quality,
  type QualityChoice,
  reportPlaybackWhenPlaying,
  Viewer,
  type ViewerError,
  type ViewerOptions,
  type ViewerState,
} from '@livehook/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { livePlayerEvent } from '../events/events.js';

export type AutoplayResult = 'sound' | 'muted' | 'blocked';

/** Behind the live edge by more than this (s) shows "back to live": ~2 segments of a 3-segment target, never < 6 s. */
const MIN_BEHIND_SECONDS = 6;

type Host = ReactiveControllerHost & HTMLElement;

export class ViewerController implements ReactiveController {
  viewer: Viewer | undefined;
  state: ViewerState = 'idle';
  qualities: readonly Quality[] = [];
  choice: QualityChoice = 'auto';
  playing: string | undefined;
  autoplay: AutoplayResult | undefined;
  /** Far enough behind the live edge to offer "back to live". */
  behind = false;
  #requested: QualityChoice | undefined;
  #unsubscribe: (() => void)[] = [];

  readonly #host: Host;
  readonly #onError: (error: ViewerError) => void;

  constructor(host: Host, onError: (error: ViewerError) => void) {
    this.#host = host;
    this.#onError = onError;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Replaces any viewer with a new one on `video` and starts loading. */
  start(video: HTMLVideoElement, options: ViewerOptions): void {
    this.stop();
    const viewer = new Viewer(video, options);
    this.viewer = viewer;
    const emit = this.#host.dispatchEvent.bind(this.#host);
    this.#unsubscribe = [
      viewer.on('statechange', ({ state }) => this.#setState(state)),
      viewer.on('qualitychange', (detail) => {
        this.qualities = detail.qualities;
        this.choice = detail.choice;
        this.playing = detail.playing;
        this.#applyRequestedQuality();
        this.#host.requestUpdate();
        emit(livePlayerEvent('live-qualitychange', detail));
      }),
      viewer.on('metrics', () => this.refreshBehind()),
      viewer.on('cue', (detail) => emit(livePlayerEvent('live-cue', detail))),
      viewer.on('warning', (detail) => emit(livePlayerEvent('live-warning', detail))),
      viewer.on('fallback', (detail) => emit(livePlayerEvent('live-fallback', detail))),
      viewer.on('autoplay', (detail) => {
        this.autoplay = detail.result;
        this.#host.requestUpdate();
        emit(livePlayerEvent('live-autoplay', detail));
      }),
      viewer.on('error', (detail) => {
        this.#onError(detail.error);
        emit(livePlayerEvent('live-error', detail));
      }),
      // View, watch-time, quality and cue lead events, dispatched on the element for the lead-event pipeline.
      (
        (reporter) => () =>
          reporter.destroy()
      )(
        reportPlaybackWhenPlaying(viewer, {
          target: this.#host,
          room: (this.#host as { room?: string }).room || undefined,
        }),
      ),
    ];
    viewer.load();
  }

  /** Destroys the viewer (hls.js, MediaSource, timers, listeners) and returns to `idle`. */
  stop(): void {
    for (const off of this.#unsubscribe) off();
    this.#unsubscribe = [];
    this.viewer?.destroy();
    this.viewer = undefined;
    this.qualities = [];
    this.choice = 'auto';
    this.playing = undefined;
    this.autoplay = undefined;
    this.#requested = undefined;
    this.behind = false;
    this.#setState('idle', false);
  }

  /** Loads the same sources again (after an error). */
  retry(): void {
    this.autoplay = undefined;
    this.viewer?.retry();
  }

  /** 'auto' or a quality id; kept until the stream's qualities are known. */
  setQuality(choice: QualityChoice): void {
    this.#requested = choice;
    this.#applyRequestedQuality();
  }

  refreshBehind(): void {
    const seconds = this.viewer?.behindLive;
    const target = this.viewer?.metrics.targetLatency ?? 0;
    const behind = seconds !== undefined && seconds > Math.max(MIN_BEHIND_SECONDS, (target * 2) / 3);
    if (behind !== this.behind) {
      this.behind = behind;
      this.#host.requestUpdate();
    }
  }

  #applyRequestedQuality(): void {
    const wanted = this.#requested;
    if (wanted === undefined || !this.viewer) return;
    if (wanted !== 'auto' && !this.qualities.some((q) => q.id === wanted)) return;
    this.#requested = undefined;
    if (wanted !== this.choice) this.viewer.setQuality(wanted);
  }

  #setState(state: ViewerState, dispatch = true): void {
    const previous = this.state;
    if (state === previous) return;
    this.state = state;
    if (state !== 'playing' && state !== 'paused' && state !== 'stalled') this.behind = false;
    this.#host.requestUpdate();
    if (dispatch) this.#host.dispatchEvent(livePlayerEvent('live-statechange', { state, previous }));
  }
}
