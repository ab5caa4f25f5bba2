// Plays an HLS source with hls.js (MSE) or the browser's own HLS, and turns everything hls.js
// reports into the Viewer's vocabulary: phases, qualities, metrics, cues and, when it must, failure.
import type Hls from 'hls.js';
import type { ErrorData, HlsConfig, Level, LevelLoadedData, LevelUpdatedData } from 'hls.js';
import { exponentialBackoff, Retrier, type RetryPolicy } from '../../policy/retry.js';
import { type Quality, type QualityChoice, qualityLabel } from '../../quality/quality.js';
import type { HlsSource } from '../../sources/source.js';
import { ViewerError } from '../../viewer/errors.js';
import type { Transport, TransportContext, TransportFactory } from '../transport.js';
import type { HlsBuild } from './hls-build.js';
import { chooseHlsBuild } from './hls-build-choice.js';
import { buildHlsConfig } from './hls-config.js';
import { LazyHlsCueReader } from './lazy-hls-cue-reader.js';
import { type HlsConstructor, loadHls } from './load-hls.js';
import { hasMediaSource } from './media-source.js';
import type { NativeHlsPlayback } from './native-hls.js';
import { chooseHlsEngine } from './playback-engine.js';
import { peekPrefetchedPlaylist } from './playlist-prefetch.js';
import { prefetchedPlaylistConfig } from './prefetched-playlist-loader.js';
import { capToPlayerSize } from './start-level.js';
import { StuckBufferWatch } from './stuck-buffer.js';
import { waitForStart } from './wait-for-start.js';

export interface HlsTransportOptions {
  /** hls.js settings layered over ours (the escape hatch). */
  config?: Partial<HlsConfig>;
  /** Outages after the stream has played: keep trying for two minutes before showing an error. */
  reconnectPolicy?: RetryPolicy;
  /** Failures before the first frame: give up fast so the next source gets its chance. */
  startupPolicy?: RetryPolicy;
  /** Polling a stream that has not started yet. */
  waitingPolicy?: RetryPolicy;
  /** Smooth playback needed before the target latency, raised by stalls, is brought back down (ms). */
  latencyRecoveryAfter?: number;
  /** Injectable hls.js loader (tests, or a page that already has hls.js), given the build the stream needs. */
  loadHls?: (build: HlsBuild) => Promise<HlsConstructor>;
}

const POLICIES = {
  reconnect: () => exponentialBackoff({ initial: 1000, max: 8000, maxElapsed: 120_000 }),
  startup: () => exponentialBackoff({ initial: 1000, max: 4000, maxAttempts: 3 }),
  waiting: () => exponentialBackoff({ initial: 2000, max: 15_000, factor: 1.5 }),
};
const LATENCY_RECOVERY_MS = 20_000;
const TICK_MS = 1000;

export function hlsTransportFactory(
  options: HlsTransportOptions = {},
  latency: 'low' | 'standard' = 'standard',
): TransportFactory<HlsSource> {
  return { kind: 'hls', create: (source, context) => new HlsTransport(source, context, options, latency) };
}

export class HlsTransport implements Transport {
  readonly kind = 'hls';
  private hls: Hls | undefined;
  private Hls: HlsConstructor | undefined;
  private native: NativeHlsPlayback | undefined;
  private cues: LazyHlsCueReader | undefined;
  private readonly listeners = new AbortController();
  private readonly retrier: Retrier;
  private readonly startupRetrier: Retrier;
  private tick: ReturnType<typeof setInterval> | undefined;
  private everPlayed = false;
  /** Set by the page's `offline` event: the next data flowing ends the outage (the retrier never ran). */
  private wentOffline = false;
  private manifestLoaded = false;
  private jumpToLiveOnUpdate = false;
  private mediaRecoveries: number[] = [];
  private readonly stuckBuffer: StuckBufferWatch;
  private baseTargetLatency: number | undefined;
  private lastStallAt = 0;
  private destroyed = false;

  constructor(
    private readonly source: HlsSource,
    private readonly context: TransportContext,
    private readonly options: HlsTransportOptions,
    private readonly latency: 'low' | 'standard',
  ) {
    this.retrier = new Retrier(options.reconnectPolicy ?? POLICIES.reconnect());
    this.startupRetrier = new Retrier(options.startupPolicy ?? POLICIES.startup());
    this.stuckBuffer = new StuckBufferWatch(context.video);
  }

  async start(): Promise<void> {
    this.context.setPhase('connecting');
    // Only browsers without MSE (iOS Safari) play natively: they fetch that code alongside hls.js, others never.
    const hasMse = hasMediaSource();
    const native = hasMse ? undefined : import('./native-hls.js');
    native?.catch(() => undefined); // awaited below when it is needed; not an unhandled rejection before that
    // The light hls.js unless the settings or the playlist (prefetched, already on its way) need the full one.
    // Without MSE, hls.js only confirms that the browser plays HLS natively: the light one does that.
    const build = hasMse
      ? await chooseHlsBuild(this.options.config, peekPrefetchedPlaylist(this.context.signal, this.source.url))
      : 'light';
    if (this.destroyed) return;
    let Hls: HlsConstructor;
    try {
      Hls = await (this.options.loadHls ?? loadHls)(build);
    } catch (error) {
      throw new ViewerError('network', 'could not load the HLS engine (hls.js)', { cause: error });
    }
    if (this.destroyed) return;
    const video = this.context.video;
    const engine = chooseHlsEngine(video, Hls);
    if (engine === 'unsupported')
      throw new ViewerError('unsupported', 'this browser can play neither MSE nor native HLS');
    this.listenToPage();
    if (engine === 'native') {
      const { NativeHlsPlayback } = await (native ?? import('./native-hls.js'));
      if (this.destroyed) return;
      this.native = new NativeHlsPlayback(
        this.source.url,
        this.context,
        this.options.waitingPolicy ?? POLICIES.waiting(),
      );
      this.native.start();
      return;
    }
    this.Hls = Hls;
    this.createHls(Hls);
  }

  setQuality(choice: QualityChoice): void {
    const hls = this.hls;
    if (!hls) return;
    // nextLevel switches from the next segment: no buffer flush, so no rebuffer on a live stream.
    hls.nextLevel = choice === 'auto' ? -1 : this.levelIds().indexOf(choice);
    this.reportQualities();
  }

  seekToLive(): void {
    const position = this.hls?.liveSyncPosition ?? this.native?.liveEdge();
    if (position !== null && position !== undefined && Number.isFinite(position)) {
      this.context.video.currentTime = position;
    }
  }

  behindLive(): number | undefined {
    const live = this.hls?.liveSyncPosition ?? this.native?.liveEdge();
    if (live === null || live === undefined) return undefined;
    return Math.max(0, live - this.context.video.currentTime);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.listeners.abort();
    this.retrier.cancel();
    this.startupRetrier.cancel();
    clearInterval(this.tick);
    this.cues?.destroy();
    this.native?.destroy();
    this.hls?.destroy(); // detaches media: the MediaSource and its SourceBuffers are released
    this.hls = undefined;
  }

  private createHls(Hls: HlsConstructor): void {
    const prefetched = prefetchedPlaylistConfig(Hls, this.context.signal, this.source.url);
    const hls = new Hls({ ...buildHlsConfig(this.latency, this.options.config), ...prefetched });
    this.hls = hls;
    this.resumePlaybackAfterResets(hls);
    this.cues = new LazyHlsCueReader(hls, this.context);
    const E = Hls.Events;
    hls.on(E.MANIFEST_PARSED, () => {
      // Runs before hls.js starts loading: the first fragment comes from the level the player will keep.
      capToPlayerSize(hls, this.context.video);
      this.manifestLoaded = true;
      this.context.setPhase('live');
      this.reportQualities();
    });
    hls.on(E.LEVEL_LOADED, (_e, data) => this.onLevelLoaded(data));
    hls.on(E.LEVEL_UPDATED, (_e, data) => this.onLevelUpdated(data));
    hls.on(E.LEVEL_SWITCHED, () => this.reportQualities());
    hls.on(E.FRAG_BUFFERED, () => this.onDataFlowing());
    hls.on(E.FRAG_PARSING_METADATA, (_e, data) => this.cues?.onMetadata(data));
    hls.on(E.ERROR, (_e, data) => this.onError(data));
    hls.loadSource(this.source.url);
    hls.attachMedia(this.context.video);
    this.tick = setInterval(() => this.onTick(), TICK_MS);
  }

  private onLevelLoaded({ details }: LevelLoadedData): void {
    // A playlist with EXT-X-ENDLIST before we ever played: the stream is already over.
    if (!details.live && !this.everPlayed) {
      this.context.setPhase('ended');
      this.hls?.stopLoad();
    }
  }

  private onLevelUpdated(data: LevelUpdatedData): void {
    this.cues?.onLevelUpdated(data);
    const hls = this.hls;
    if (!hls) return;
    if (this.baseTargetLatency === undefined && hls.targetLatency) this.baseTargetLatency = hls.targetLatency;
    if (this.jumpToLiveOnUpdate && hls.liveSyncPosition !== null) {
      this.jumpToLiveOnUpdate = false;
      this.seekToLive();
    }
  }

  private onDataFlowing(): void {
    if (!this.everPlayed || this.wentOffline || this.retrier.pending || this.retrier.attempts > 0) {
      this.wentOffline = false;
      this.retrier.reset();
      this.startupRetrier.reset();
      this.context.setPhase(this.context.video.ended ? 'ended' : 'live');
    }
    this.everPlayed = true;
  }

  private onError(data: ErrorData): void {
    const Hls = this.Hls!;
    if (!data.fatal) {
      if (data.details === Hls.ErrorDetails.BUFFER_STALLED_ERROR) this.lastStallAt = performance.now();
      if (data.details === Hls.ErrorDetails.BUFFER_APPEND_NO_PROGRESS && this.stuckBuffer.appendWithoutProgress()) {
        this.hls?.recoverMediaError(); // a new MediaSource: the stuck one never takes data again
      }
      return;
    }
    const code = data.response?.code;
    if (data.details === Hls.ErrorDetails.MANIFEST_LOAD_ERROR && (code === 404 || code === 410) && !this.everPlayed) {
      this.waitForStart();
      return;
    }
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
      this.recoverMedia(data);
      return;
    }
    if (data.type === Hls.ErrorTypes.NETWORK_ERROR) {
      const parsing =
        data.details === Hls.ErrorDetails.MANIFEST_PARSING_ERROR ||
        data.details === Hls.ErrorDetails.LEVEL_PARSING_ERROR;
      this.reconnect(
        parsing
          ? new ViewerError('bad-playlist', `the playlist is not valid HLS (${data.details})`)
          : new ViewerError('network', `the stream cannot be loaded (${data.details}${code ? `, HTTP ${code}` : ''})`),
      );
      return;
    }
    this.context.fail(new ViewerError('media', `playback failed (${data.details})`, { cause: data.error }));
  }

  private reconnect(reason: ViewerError): void {
    const hls = this.hls;
    if (!hls) return;
    const retrier = this.everPlayed ? this.retrier : this.startupRetrier;
    this.context.setPhase(this.everPlayed ? 'reconnecting' : 'connecting');
    const scheduled = retrier.schedule(() => {
      if (this.destroyed) return;
      if (!this.manifestLoaded) hls.loadSource(this.source.url);
      else {
        this.jumpToLiveOnUpdate = true;
        hls.startLoad(-1);
      }
    });
    if (!scheduled) this.context.fail(reason);
  }

  private waitForStart(): void {
    this.context.setPhase('waiting');
    this.hls?.stopLoad();
    waitForStart(this.source.url, {
      signal: this.listeners.signal,
      waitingPolicy: this.options.waitingPolicy ?? POLICIES.waiting(),
      failurePolicy: this.options.startupPolicy ?? POLICIES.startup(),
      onWaiting: () => this.context.setPhase('waiting'),
    }).then(
      () => {
        if (this.destroyed) return;
        this.context.setPhase('connecting');
        this.hls?.loadSource(this.source.url);
      },
      (error: unknown) => {
        if (!this.destroyed) this.context.fail(new ViewerError('network', String((error as Error)?.message ?? error)));
      },
    );
  }

  private recoverMedia(data: ErrorData): void {
    const now = performance.now();
    this.mediaRecoveries = this.mediaRecoveries.filter((t) => now - t < 10_000);
    this.mediaRecoveries.push(now);
    const hls = this.hls!;
    // Standard hls.js recipe: recover, then swap audio codec and recover, then give up.
    if (this.mediaRecoveries.length === 1) hls.recoverMediaError();
    else if (this.mediaRecoveries.length === 2) {
      hls.swapAudioCodec();
      hls.recoverMediaError();
    } else
      this.context.fail(
        new ViewerError('media', `the video cannot be decoded (${data.details})`, { cause: data.error }),
      );
  }

  /**
   * Every MediaSource reset, ours after a media error or hls.js's own (it resets on its own when WebKit reports
   * "Failed to upload buffer"), loads a new source into the video, and loading pauses the element (the media load
   * algorithm does). That pause is not the viewer's: while the new source fills, the player shows it is
   * reconnecting, not a play button, and playback that was going resumes once the video can play again. WebKitGTK
   * under load showed it: the player sat paused, 30 s buffered, after a reset at a quality switch.
   */
  private resumePlaybackAfterResets(hls: Hls): void {
    const recover = hls.recoverMediaError.bind(hls);
    hls.recoverMediaError = () => {
      const video = this.context.video;
      const wasPlaying = !video.paused;
      if (wasPlaying) this.context.setPhase('reconnecting'); // before the reset pauses the video
      recover();
      if (!wasPlaying) return;
      const options = { once: true, signal: this.listeners.signal };
      const backLive = () => {
        // A network outage under way keeps its own "reconnecting" until data flows again (onDataFlowing).
        if (!this.wentOffline && !this.retrier.pending) this.context.setPhase('live');
      };
      video.addEventListener('playing', backLive, options);
      // Refused: the viewer sees it paused, and a tap plays.
      video.addEventListener('canplay', () => video.paused && video.play().catch(backLive), options);
    };
  }

  private listenToPage(): void {
    const signal = this.listeners.signal;
    globalThis.addEventListener?.(
      'offline',
      () => {
        if (!this.hls || !this.everPlayed) return;
        this.wentOffline = true;
        this.context.setPhase('reconnecting');
        this.hls.stopLoad();
      },
      { signal },
    );
    globalThis.addEventListener?.(
      'online',
      () => {
        if (!this.hls || !this.everPlayed) return;
        this.retrier.reset();
        this.jumpToLiveOnUpdate = true; // what was buffered before the cut is stale: resume at the live edge
        this.hls.startLoad(-1);
      },
      { signal },
    );
    globalThis.document?.addEventListener(
      'visibilitychange',
      () => {
        // Background tabs throttle timers and fall behind; on return, show what is live now.
        if (document.visibilityState === 'visible' && (this.behindLive() ?? 0) > this.catchUpThreshold()) {
          this.seekToLive();
        }
      },
      { signal },
    );
    this.context.video.addEventListener('ended', () => this.context.setPhase('ended'), { signal });
  }

  private catchUpThreshold(): number {
    const target = this.hls?.targetLatency ?? 6;
    return Math.max(3, target);
  }

  private onTick(): void {
    const hls = this.hls;
    if (!hls) return;
    const level = hls.levels[hls.currentLevel] as Level | undefined;
    const playingDate = hls.playingDate?.getTime();
    this.context.updateMetrics({
      bandwidth: Number.isFinite(hls.bandwidthEstimate) ? Math.round(hls.bandwidthEstimate) : undefined,
      bitrate: level?.bitrate,
      width: level?.width,
      height: level?.height,
      latency: playingDate ? Math.max(0, (Date.now() - playingDate) / 1000) : hls.latency || undefined,
      targetLatency: hls.targetLatency ?? undefined,
    });
    this.restoreTargetLatency();
  }

  /** hls.js raises the target latency after each stall; bring it back once playback has been smooth a while. */
  private restoreTargetLatency(): void {
    const hls = this.hls!;
    const base = this.baseTargetLatency;
    const current = hls.targetLatency;
    if (base === undefined || current === null || current <= base + 0.05) return;
    if (performance.now() - this.lastStallAt < (this.options.latencyRecoveryAfter ?? LATENCY_RECOVERY_MS)) return;
    hls.targetLatency = base;
  }

  private levelIds(): string[] {
    const levels = this.hls?.levels ?? [];
    const labels = levels.map((l) => qualityLabel(l.height, l.bitrate));
    return levels.map((l, i) =>
      labels.indexOf(labels[i]!) === labels.lastIndexOf(labels[i]!)
        ? labels[i]!
        : `${labels[i]}-${Math.round(l.bitrate / 1000)}k`,
    );
  }

  private reportQualities(): void {
    const hls = this.hls;
    if (!hls) return;
    const ids = this.levelIds();
    const qualities: Quality[] = hls.levels.map((level, i) => ({
      id: ids[i]!,
      label: ids[i]!.replace(/-\d+k$/, ''),
      width: level.width || undefined,
      height: level.height || undefined,
      bitrate: level.bitrate || undefined,
    }));
    const manual = hls.manualLevel;
    const choice: QualityChoice = manual >= 0 && ids[manual] ? ids[manual] : 'auto';
    this.context.setQualities(qualities, choice, ids[hls.currentLevel]);
  }
}
