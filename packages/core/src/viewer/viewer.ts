// The Viewer: attaches a list of live sources to a <video>, tries them in order, and turns what
// the transport and the media element report into one state, one quality list and one set of metrics.
import type { Cue } from '../cues/cue.js';
import { FrameWatch } from '../metrics/frame-watch.js';
import { emptyMetrics, type Metrics } from '../metrics/metrics.js';
import type { Quality, QualityChoice } from '../quality/quality.js';
import type { RoomLink, RoomLinkOptions } from '../room/room-link.js';
import {
  describeSource,
  type LiveKitSource,
  parseLiveKitSource,
  parseSource,
  type Source,
  type SourceInput,
} from '../sources/source.js';
import { expectedHlsBuild } from '../transports/hls/hls-build.js';
import type { HlsTransportOptions } from '../transports/hls/hls-transport.js';
import { loadHls } from '../transports/hls/load-hls.js';
import { withPlaylistPrefetch } from '../transports/hls/playlist-prefetch.js';
import { lazyTransportFactory } from '../transports/lazy-transport.js';
import { LIVEKIT_DEFAULTS } from '../transports/livekit/defaults.js';
import type { LiveKitTransportOptions } from '../transports/livekit/livekit-transport.js';
import type { Transport, TransportContext, TransportFactory, TransportPhase } from '../transports/transport.js';
import { toViewerError, ViewerError } from './errors.js';
import { TypedEmitter, type ViewerEventMap } from './events.js';
import { ViewerState } from './state.js';

const loadHlsTransport = () => import('../transports/hls/hls-transport.js');

/**
 * Starts fetching the HLS transport and hls.js now, e.g. as soon as a player element with an HLS
 * `src` is on the page, so the chunks are there when the Viewer asks. Pass the Viewer's `hls` options so the
 * same hls.js build is fetched (the light one unless they need the full one). Safe to call often; failures
 * are left for the Viewer to report.
 */
export function preloadHls(options?: HlsTransportOptions): void {
  loadHlsTransport().catch(() => undefined);
  loadHls(expectedHlsBuild(options)).catch(() => undefined);
}

export interface ViewerOptions {
  /** Sources tried in order; a failure falls back to the next. */
  sources: readonly SourceInput[];
  /** 'low' aims closer to the live edge (LL-HLS where the stream has it); 'standard' favours smoothness. */
  latency?: 'low' | 'standard';
  /** Start playing when ready: with sound if the browser allows it, else muted. */
  autoplay?: boolean;
  /** Start muted. */
  muted?: boolean;
  /** No new frame for this long while playing counts as a stall, ms. */
  stallAfter?: number;
  /** HLS tuning and the hls.js escape hatch. */
  hls?: HlsTransportOptions;
  /** LiveKit tuning: host identity, first-frame timeout, token requests, the livekit-client escape hatch. */
  livekit?: LiveKitTransportOptions;
  /**
   * Hybrid mode: cues and the viewer count come from this LiveKit room over data only (a data-only
   * token), whatever transport plays the video, typically HLS from a CDN at broadcast scale.
   */
  room?: ({ url: string; token: string } | { url: string; tokenUrl: string; room: string }) & RoomLinkOptions;
  /** Extra transports (e.g. LiveKit) by source kind. */
  transports?: readonly TransportFactory<never>[];
}

const DEFAULTS = {
  stallAfter: 1500, // long enough to ignore one late frame, short enough that a viewer would call it a freeze
  metricsInterval: 1000,
  maxSeenCues: 500, // cue ids remembered for de-duplication; cues repeat in every playlist refresh
};

interface Attempt {
  readonly index: number;
  readonly source: Source;
  readonly transport: Transport;
  readonly abort: AbortController;
}

/**
 * A live viewer for one `<video>`.
 *
 * ```ts
 * const viewer = new Viewer(video, { sources: ['https://cdn.example/live/master.m3u8'], autoplay: true });
 * viewer.on('statechange', ({ state }) => console.log(state));
 * viewer.load();
 * ```
 */
export class Viewer extends TypedEmitter<ViewerEventMap> {
  private _state: ViewerState = ViewerState.Idle;
  private _error: ViewerError | undefined;
  private _qualities: readonly Quality[] = [];
  private _choice: QualityChoice = 'auto';
  private _playing: string | undefined;
  private _metrics: Metrics = emptyMetrics();
  private _viewers: number | undefined;
  private readonly seenCues = new Set<string>();
  private readonly recentCues: Cue[] = [];

  private attempt: Attempt | undefined;
  private phase: TransportPhase = 'connecting';
  private frames: FrameWatch | undefined;
  private media: AbortController | undefined;
  private metricsTimer: ReturnType<typeof setInterval> | undefined;
  private loadStartedAt = 0;
  private stallStartedAt: number | undefined;
  private firstFrameTimer: ReturnType<typeof setTimeout> | undefined;
  private outageTimer: ReturnType<typeof setTimeout> | undefined;
  private roomLink: RoomLink | undefined;
  private roomLinking = false;
  private playRequested = false;
  private destroyed = false;
  private readonly factories: Map<string, TransportFactory<never>>;

  constructor(
    readonly video: HTMLVideoElement,
    private readonly options: ViewerOptions,
  ) {
    super();
    this.factories = new Map<string, TransportFactory<never>>([
      [
        'hls',
        // The HLS transport, hls.js and the playlist load together, in parallel: no round trip waits on another.
        withPlaylistPrefetch(
          lazyTransportFactory('hls', async () => {
            const [module] = await Promise.all([
              loadHlsTransport(),
              // The transport reports failures; it confirms the build from the playlist (rarely the full one).
              options.hls?.loadHls ? undefined : loadHls(expectedHlsBuild(options.hls)).catch(() => undefined),
            ]);
            return module.hlsTransportFactory(options.hls, options.latency);
          }),
          options.hls,
        ) as TransportFactory<never>,
      ],
      // livekit-client itself is imported only when a LiveKit source starts.
      [
        'livekit',
        lazyTransportFactory(
          'livekit',
          () =>
            import('../transports/livekit/livekit-transport.js').then((m) =>
              m.liveKitTransportFactory(options.livekit),
            ),
          {
            firstFrameTimeout: options.livekit?.firstFrameTimeout ?? LIVEKIT_DEFAULTS.firstFrameTimeout,
            maxOutage: options.livekit?.maxOutage ?? LIVEKIT_DEFAULTS.maxOutage,
          },
        ) as TransportFactory<never>,
      ],
      ...(options.transports ?? []).map((f) => [f.kind, f] as const),
    ]);
  }

  get state(): ViewerState {
    return this._state;
  }
  /** Why the viewer is in `error`. */
  get error(): ViewerError | undefined {
    return this._error;
  }
  get qualities(): readonly Quality[] {
    return this._qualities;
  }
  /** 'auto' or the id chosen with setQuality. */
  get quality(): QualityChoice {
    return this._choice;
  }
  /** Id of the quality on screen now. */
  get playingQuality(): string | undefined {
    return this._playing;
  }
  get metrics(): Readonly<Metrics> {
    return this._metrics;
  }
  /** The last cues received, oldest first (at most 50). */
  get cues(): readonly Cue[] {
    return this.recentCues;
  }
  /** People watching, from the LiveKit room (the transport's or the hybrid-mode link's); undefined if unknown. */
  get viewers(): number | undefined {
    return this._viewers;
  }
  /** The source playing or being tried. */
  get source(): Source | undefined {
    return this.attempt?.source;
  }
  /** Seconds behind the live edge, if the transport knows. */
  get behindLive(): number | undefined {
    return this.attempt?.transport.behindLive?.();
  }

  /** Starts (or restarts) with the first source. */
  load(): void {
    if (this.destroyed) return;
    this.stopAttempt();
    this._error = undefined;
    this._metrics = emptyMetrics();
    this.loadStartedAt = performance.now();
    this.listenToMedia();
    this.linkRoom();
    this.tryFrom(0);
  }

  /** After `error`: try every source again. */
  retry(): void {
    this.load();
  }

  setQuality(choice: QualityChoice): void {
    if (choice !== 'auto' && !this._qualities.some((q) => q.id === choice)) {
      this.emit('warning', {
        code: 'unknown-quality',
        message: `no quality "${choice}"; use "auto" or one of qualities[].id`,
      });
      return;
    }
    this._choice = choice;
    this.attempt?.transport.setQuality(choice);
    this.emitQuality();
  }

  seekToLive(): void {
    this.attempt?.transport.seekToLive();
    this.frames?.touch();
  }

  /** Plays (a user gesture also unlocks sound). Resolves false if the browser refused. */
  async play(): Promise<boolean> {
    this.playRequested = true;
    this.frames?.touch();
    this.attempt?.transport.unlockAudio?.(); // synchronously, while the user's gesture still counts
    // Coming back from a pause on a live stream means "show me what's live now".
    if ((this.behindLive ?? 0) > 10) this.seekToLive();
    try {
      await this.video.play();
      return true;
    } catch {
      this.updateState();
      return false;
    }
  }

  pause(): void {
    this.video.pause();
  }

  /** Releases the transport, the media element and every timer and listener. The viewer can't be reused. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stopAttempt();
    this.roomLink?.destroy();
    this.roomLink = undefined;
    this.media?.abort();
    this.media = undefined;
    this.video.removeAttribute('src');
    this.video.srcObject = null;
    try {
      this.video.load(); // releases the decoder and any MediaSource still attached
    } catch {
      /* a detached element in some engines */
    }
  }

  private tryFrom(index: number, reason?: ViewerError): void {
    const inputs = this.options.sources;
    if (index >= inputs.length) {
      this.fail(reason ?? new ViewerError('bad-source', 'no source given: set src (an .m3u8 URL) or a LiveKit room'));
      return;
    }
    let source: Source;
    try {
      source = parseSource(inputs[index]!);
    } catch (error) {
      this.fallBack(index, String(inputs[index]), toViewerError(error, 'bad-source'));
      return;
    }
    const factory = this.factories.get(source.kind);
    if (!factory) {
      this.fallBack(
        index,
        describeSource(source),
        new ViewerError('unsupported', `no transport for "${source.kind}" sources`),
      );
      return;
    }
    const abort = new AbortController();
    const context = this.contextFor(index, source, abort.signal);
    this.phase = 'connecting';
    this.playRequested = false;
    this.updateState();
    const transport = factory.create(source as never, context);
    this.attempt = { index, source, transport, abort };
    this._metrics = { ...this._metrics, transport: transport.kind };
    this.watchFrames();
    this.armFirstFrameDeadline(index, factory.firstFrameTimeout, context);
    transport.start().then(
      () => {
        if (!abort.signal.aborted) void this.autoplay();
      },
      (error: unknown) => context.fail(toViewerError(error)),
    );
  }

  private fallBack(index: number, from: string, reason: ViewerError): void {
    const next = this.options.sources[index + 1];
    if (next === undefined) {
      this.fail(reason);
      return;
    }
    this.emit('fallback', { from, to: typeof next === 'string' ? next : `${next.kind}`, reason });
    this.tryFrom(index + 1, reason);
  }

  private contextFor(index: number, source: Source, signal: AbortSignal): TransportContext {
    const live = () => !signal.aborted && !this.destroyed;
    return {
      video: this.video,
      signal,
      setPhase: (phase) => {
        if (!live()) return;
        this.phase = phase;
        this.updateState();
      },
      setQualities: (qualities, choice, playing) => {
        if (!live()) return;
        this._qualities = qualities;
        this._choice = choice;
        this._playing = playing;
        this.emitQuality();
      },
      updateMetrics: (partial) => {
        if (live()) this._metrics = { ...this._metrics, ...partial };
      },
      cue: (cue) => {
        if (live()) this.acceptCue(cue);
      },
      setViewers: (count) => {
        if (live()) this.setViewers(count);
      },
      warn: (warning) => {
        if (live()) this.emit('warning', warning);
      },
      fail: (error) => {
        if (!live()) return;
        this.stopAttempt();
        this.fallBack(index, describeSource(source), error);
      },
    };
  }

  /** A source that shows no picture in time fails with 'timeout' (unless it is the last one and pre-live). */
  private armFirstFrameDeadline(index: number, limit: number | undefined, context: TransportContext): void {
    clearTimeout(this.firstFrameTimer);
    if (!limit) return;
    this.firstFrameTimer = setTimeout(() => {
      this.firstFrameTimer = undefined;
      if (this.attempt?.index !== index || this.frames?.firstFrameSeen) return;
      // Pre-live with nothing to fall back to: waiting is the honest state, not an error.
      if (this.phase === 'waiting' && index + 1 >= this.options.sources.length) {
        this.armFirstFrameDeadline(index, limit, context);
        return;
      }
      const stage = this.attempt.transport.startupStage?.();
      context.fail(new ViewerError('timeout', `no picture within ${limit} ms${stage ? ` (${stage})` : ''}`));
    }, limit);
  }

  /**
   * Frozen or reconnecting for longer than the transport's `maxOutage`, with another source to try:
   * fall back. Frames, not the connection, decide: a dead link can look connected for many seconds.
   */
  private checkOutage(state: ViewerState): void {
    const attempt = this.attempt;
    const limit = attempt && this.factories.get(attempt.source.kind)?.maxOutage;
    const outage =
      (state === ViewerState.Stalled || state === ViewerState.Reconnecting) && this.frames?.firstFrameSeen === true;
    if (!attempt || !limit || !outage || attempt.index + 1 >= this.options.sources.length) {
      clearTimeout(this.outageTimer);
      this.outageTimer = undefined;
      return;
    }
    if (this.outageTimer !== undefined) return;
    this.outageTimer = setTimeout(() => {
      this.outageTimer = undefined;
      if (this.attempt !== attempt) return;
      this.stopAttempt();
      this.fallBack(
        attempt.index,
        describeSource(attempt.source),
        new ViewerError('network', `no new picture for ${Math.round(limit / 1000)} s (frozen or reconnecting)`),
      );
    }, limit);
  }

  private setViewers(count: number): void {
    if (count === this._viewers) return;
    this._viewers = count;
    this.emit('viewers', { count });
  }

  /** Hybrid mode: one data-only room link for the Viewer's life, whatever source plays. */
  private linkRoom(): void {
    const room = this.options.room;
    if (!room || this.roomLinking) return;
    let source: LiveKitSource;
    try {
      source = parseLiveKitSource(room);
    } catch (error) {
      this.emit('warning', { code: 'room-link', message: (error as Error).message });
      return;
    }
    this.roomLinking = true;
    // The room link (and livekit-client) load only in hybrid mode.
    import('../room/room-link.js').then(
      ({ RoomLink }) => {
        if (this.destroyed) return;
        this.roomLink = new RoomLink(
          source,
          {
            cue: (cue) => this.acceptCue(cue),
            viewers: (count) => this.setViewers(count),
            warn: (warning) => this.emit('warning', warning),
          },
          room,
        );
        this.roomLink.start();
      },
      (error: unknown) =>
        this.emit('warning', { code: 'room-link', message: `could not load the room link: ${error}` }),
    );
  }

  private acceptCue(cue: Cue): void {
    if (this.seenCues.has(cue.id)) return;
    this.seenCues.add(cue.id);
    if (this.seenCues.size > DEFAULTS.maxSeenCues) this.seenCues.delete(this.seenCues.values().next().value!);
    this.recentCues.push(cue);
    if (this.recentCues.length > 50) this.recentCues.shift();
    this.emit('cue', { cue });
  }

  private async autoplay(): Promise<void> {
    const video = this.video;
    if (this.options.muted) video.muted = true;
    if (!this.options.autoplay) {
      this.updateState();
      return;
    }
    this.playRequested = true;
    try {
      await video.play();
      this.emit('autoplay', { result: video.muted ? 'muted' : 'sound' });
      return;
    } catch (error) {
      if (this.destroyed || (error as Error)?.name !== 'NotAllowedError') return;
    }
    // Sound was refused: a muted picture beats a black box. The UI offers "tap to unmute".
    video.muted = true;
    try {
      await video.play();
      this.emit('autoplay', { result: 'muted' });
      this.emit('warning', { code: 'autoplay-muted', message: 'the browser blocked sound; playing muted' });
    } catch {
      if (this.destroyed) return;
      this.emit('autoplay', { result: 'blocked' });
      this.updateState();
    }
  }

  private listenToMedia(): void {
    this.media?.abort();
    this.media = new AbortController();
    const opts = { signal: this.media.signal };
    const update = () => this.updateState();
    for (const type of ['play', 'pause', 'playing', 'ended', 'emptied'])
      this.video.addEventListener(type, update, opts);
    this.video.addEventListener('play', () => (this.playRequested = true), opts);
    this.metricsTimer = setInterval(() => this.refreshMetrics(), DEFAULTS.metricsInterval);
    this.media.signal.addEventListener('abort', () => clearInterval(this.metricsTimer));
  }

  private watchFrames(): void {
    this.frames?.destroy();
    this.frames = new FrameWatch(this.video, {
      stallAfter: this.options.stallAfter ?? DEFAULTS.stallAfter,
      onFirstFrame: () => {
        clearTimeout(this.firstFrameTimer);
        this.firstFrameTimer = undefined;
        this._metrics = { ...this._metrics, timeToFirstFrame: Math.round(performance.now() - this.loadStartedAt) };
        this.updateState();
      },
      onStall: () => {
        this.stallStartedAt = performance.now();
        this._metrics = { ...this._metrics, rebufferCount: this._metrics.rebufferCount + 1 };
        this.updateState();
      },
      onResume: () => {
        if (this.stallStartedAt !== undefined) {
          const time = this._metrics.rebufferTime + (performance.now() - this.stallStartedAt);
          this._metrics = { ...this._metrics, rebufferTime: Math.round(time) };
        }
        this.stallStartedAt = undefined;
        this.updateState();
      },
    });
  }

  private refreshMetrics(): void {
    if (this._state === 'idle' || this._state === 'error') return;
    const quality = this.video.getVideoPlaybackQuality?.();
    if (quality) {
      this._metrics = {
        ...this._metrics,
        droppedFrames: quality.droppedVideoFrames,
        decodedFrames: quality.totalVideoFrames,
      };
    }
    this.emit('metrics', { metrics: this._metrics });
  }

  private deriveState(): ViewerState {
    if (this._error) return ViewerState.Error;
    const frames = this.frames;
    switch (this.phase) {
      case 'waiting':
        return ViewerState.Waiting;
      case 'reconnecting':
        return ViewerState.Reconnecting;
      case 'ended':
        return ViewerState.Ended;
      case 'connecting':
        return frames?.firstFrameSeen ? ViewerState.Reconnecting : ViewerState.Connecting;
      case 'live':
        if (this.video.ended) return ViewerState.Ended;
        if (this.video.paused)
          return frames?.firstFrameSeen || this.playRequested || !this.options.autoplay
            ? ViewerState.Paused
            : ViewerState.Connecting;
        if (!frames?.firstFrameSeen) return ViewerState.Connecting;
        return frames.isStalled ? ViewerState.Stalled : ViewerState.Playing;
    }
  }

  private updateState(): void {
    if (this.destroyed) return;
    const next = this.deriveState();
    this.checkOutage(next);
    if (next === this._state) return;
    const previous = this._state;
    this._state = next;
    this.emit('statechange', { state: next, previous });
  }

  private fail(error: ViewerError): void {
    this.stopAttempt();
    this._error = error;
    this.updateState();
    this.emit('error', { error });
  }

  private emitQuality(): void {
    this.emit('qualitychange', { qualities: this._qualities, choice: this._choice, playing: this._playing });
  }

  private stopAttempt(): void {
    const attempt = this.attempt;
    this.attempt = undefined;
    this.frames?.destroy();
    this.frames = undefined;
    this.stallStartedAt = undefined;
    clearTimeout(this.firstFrameTimer);
    clearTimeout(this.outageTimer);
    this.firstFrameTimer = undefined;
    this.outageTimer = undefined;
    if (!attempt) return;
    attempt.abort.abort();
    attempt.transport.destroy();
    this._qualities = [];
    this._playing = undefined;
  }
}
