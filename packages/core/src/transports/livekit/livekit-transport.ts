// Plays a LiveKit room's host with livekit-client (loaded lazily): subscribe-only, adaptive stream and
// dynacast. Turns the room's events into the Viewer's vocabulary: phases, qualities, metrics, cues, viewers.
import type {
  RemoteParticipant,
  RemoteTrack,
  RemoteTrackPublication,
  RemoteVideoTrack,
  Room,
  RoomOptions,
} from 'livekit-client';
import { exponentialBackoff, Retrier, type RetryPolicy } from '../../policy/retry.js';
import type { QualityChoice } from '../../quality/quality.js';
import type { LiveKitSource } from '../../sources/source.js';
import { toViewerError, ViewerError } from '../../viewer/errors.js';
import type { Transport, TransportContext, TransportFactory } from '../transport.js';
import { connectError } from './connect-errors.js';
import { DataCueReader, LIVEKIT_CUE_TOPIC } from './data-cues.js';
import { LIVEKIT_DEFAULTS } from './defaults.js';
import { ElementSize } from './element-size.js';
import { EndedStreamRestarter } from './ended-stream.js';
import { countViewers, type ParticipantCandidate, pickHost } from './host.js';
import { hasWebRtc, type LiveKitModule, loadLiveKit } from './load-livekit.js';
import { type LayerQuality, layersToQualities, qualityForHeight } from './quality-map.js';
import { ReconnectWatchdog } from './reconnect-watchdog.js';
import { FrameTimer, metricsFromStats, type StatsSample, sampleStats } from './stats.js';
import { fetchToken, readTokenGrants, type TokenRequest, type TokenResponse } from './token.js';

export interface LiveKitTransportOptions {
  /** Identity of the host to watch (a source's own `host` wins). Default: the first participant publishing video. */
  host?: string;
  /** No picture this long after the source is tried: fall back to the next source (ms). */
  firstFrameTimeout?: number;
  /** After playing, frozen or reconnecting this long: fall back, if there is a source to fall back to (ms). */
  maxOutage?: number;
  /** The token endpoint must answer within this (ms). */
  tokenTimeout?: number;
  /** Replaces the token request (custom headers, cookies, a signed URL…). Must resolve to `{ token, url? }`. */
  fetchToken?: (request: TokenRequest) => Promise<TokenResponse>;
  /** After livekit-client gives up reconnecting: rejoin with a fresh token on this schedule. */
  rejoinPolicy?: RetryPolicy;
  /** Data topic cues arrive on. */
  cueTopic?: string;
  /** livekit-client Room options layered over ours (the escape hatch). */
  roomOptions?: Partial<RoomOptions>;
  /** Injectable livekit-client loader (tests, or a page that already has it). */
  loadLiveKit?: () => Promise<LiveKitModule>;
}

export { LIVEKIT_DEFAULTS };

const rejoinPolicy = () => exponentialBackoff({ initial: 1000, max: 8000, maxElapsed: 120_000 });

export function liveKitTransportFactory(options: LiveKitTransportOptions = {}): TransportFactory<LiveKitSource> {
  return {
    kind: 'livekit',
    firstFrameTimeout: options.firstFrameTimeout ?? LIVEKIT_DEFAULTS.firstFrameTimeout,
    maxOutage: options.maxOutage ?? LIVEKIT_DEFAULTS.maxOutage,
    create: (source, context) => new LiveKitTransport(source, context, options),
  };
}

export class LiveKitTransport implements Transport {
  readonly kind = 'livekit';
  private lk: LiveKitModule | undefined;
  private room: Room | undefined;
  private stream: MediaStream | undefined;
  private size: ElementSize | undefined;
  private restarter: EndedStreamRestarter | undefined;
  private frames: FrameTimer | undefined;
  private stage = 'loading livekit-client';
  private hostIdentity: string | undefined;
  private videoTrack: RemoteTrack | undefined;
  private videoPub: RemoteTrackPublication | undefined;
  private audioTrack: RemoteTrack | undefined;
  private qualities: LayerQuality[] = [];
  private choice: QualityChoice = 'auto';
  /** The publication a manual choice was applied to. */
  private capped: RemoteTrackPublication | undefined;
  private playing: string | undefined;
  private lastStats: StatsSample | undefined;
  private statsTimer: ReturnType<typeof setInterval> | undefined;
  private viewersTimer: ReturnType<typeof setTimeout> | undefined;
  private viewersReportedAt = 0;
  private everLive = false;
  /** room.connect() resolved for the current room; before that, its failures come from connect() itself. */
  private joined = false;
  /** The signal connection is resuming; with frozen frames, the viewer should see 'reconnecting'. */
  private signalDown = false;
  private lastFrameAt = 0;
  private readonly cues: DataCueReader;
  private readonly rejoin: Retrier;
  private readonly watchdog: ReconnectWatchdog;
  private readonly abort = new AbortController();
  private destroyed = false;

  constructor(
    private readonly source: LiveKitSource,
    private readonly context: TransportContext,
    private readonly options: LiveKitTransportOptions = {},
  ) {
    this.cues = new DataCueReader(context, options.cueTopic ?? LIVEKIT_CUE_TOPIC);
    this.rejoin = new Retrier(options.rejoinPolicy ?? rejoinPolicy());
    this.watchdog = new ReconnectWatchdog({
      after: LIVEKIT_DEFAULTS.reconnectStuckAfter,
      reconnecting: () =>
        !this.destroyed && this.room !== undefined && this.room.state !== this.lk?.ConnectionState.Connected,
      framesMoving: () => performance.now() - this.lastFrameAt < 1000,
      onStuck: () => this.restartStuckRoom(),
    });
  }

  async start(): Promise<void> {
    this.context.setPhase('connecting');
    if (!hasWebRtc()) {
      throw new ViewerError('unsupported', 'this browser has no WebRTC (RTCPeerConnection), so it cannot join LiveKit');
    }
    // The engine chunk and the token in parallel: both sit on the path to the first frame.
    const [lk, auth] = await Promise.all([this.loadEngine(), this.requestToken()]);
    if (this.destroyed) return;
    if (!lk.isBrowserSupported()) throw new ViewerError('unsupported', 'livekit-client does not support this browser');
    this.lk = lk;
    const video = this.context.video;
    this.stream = new MediaStream();
    video.srcObject = this.stream; // tracks come and go inside it: no reload, no black flash on republish
    this.size = new ElementSize(video);
    this.restarter = new EndedStreamRestarter(video);
    this.frames = new FrameTimer(video, () => this.onFrame());
    await this.join(auth);
    if (this.destroyed) return;
    this.statsTimer = setInterval(() => void this.sampleStats(), LIVEKIT_DEFAULTS.statsInterval);
  }

  setQuality(choice: QualityChoice): void {
    this.choice = choice;
    this.applyQuality();
    this.reportQualities();
  }

  seekToLive(): void {
    // WebRTC has no buffer to be behind in: the picture is always the live edge.
  }

  unlockAudio(): void {
    void this.room?.startAudio().catch(() => undefined);
  }

  startupStage(): string {
    return this.stage;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.abort.abort();
    this.rejoin.cancel();
    clearInterval(this.statsTimer);
    clearTimeout(this.viewersTimer);
    this.frames?.stop();
    this.restarter?.stop();
    this.stopObserving(this.videoTrack);
    this.size?.stopObserving();
    this.leave();
    const video = this.context.video;
    if (this.stream && video.srcObject === this.stream) video.srcObject = null;
    for (const track of this.stream?.getTracks() ?? []) this.stream?.removeTrack(track);
  }

  private async loadEngine(): Promise<LiveKitModule> {
    try {
      return await (this.options.loadLiveKit ?? loadLiveKit)();
    } catch (error) {
      throw new ViewerError('network', 'could not load the LiveKit engine (livekit-client)', { cause: error });
    }
  }

  private async requestToken(): Promise<TokenResponse & { url: string }> {
    const source = this.source;
    if ('token' in source) return { url: source.url, token: source.token };
    this.stage = 'waiting for the token endpoint';
    const request: TokenRequest = {
      tokenUrl: source.tokenUrl,
      room: source.room,
      kind: 'viewer',
      signal: this.abort.signal,
    };
    try {
      const answer = this.options.fetchToken
        ? await this.options.fetchToken(request)
        : await fetchToken(request, { timeout: this.options.tokenTimeout ?? LIVEKIT_DEFAULTS.tokenTimeout });
      return { token: answer.token, url: answer.url || source.url };
    } catch (error) {
      throw toViewerError(error, 'token');
    }
  }

  private async join({ url, token }: { url: string; token: string }): Promise<void> {
    const lk = this.lk!;
    this.warnIfPublisher(token);
    const room = new lk.Room({
      adaptiveStream: true, // the layer follows the element's size and visibility (see ElementSize)
      dynacast: true,
      disconnectOnPageLeave: true,
      ...this.options.roomOptions,
    });
    this.room = room;
    this.listen(room, lk);
    this.stage = 'connecting to the LiveKit signal server';
    this.joined = false;
    try {
      await room.connect(url, token, { autoSubscribe: true });
    } catch (error) {
      if (this.destroyed || this.room !== room) return;
      throw connectError(lk, error, url);
    }
    if (this.destroyed || this.room !== room) return;
    this.joined = true;
    this.stage = 'waiting for the host to publish video';
    this.roomChanged();
  }

  private listen(room: Room, lk: LiveKitModule): void {
    const E = lk.RoomEvent;
    const mine =
      <A extends unknown[]>(handler: (...args: A) => void) =>
      (...args: A) => {
        if (this.room === room && !this.destroyed) handler(...args);
      };
    const changed = mine(() => this.roomChanged());
    room
      .on(
        E.SignalConnected,
        mine(() => (this.stage = 'signal connected, waiting for ICE (the media connection)')),
      )
      .on(E.ParticipantConnected, changed)
      .on(E.ParticipantDisconnected, changed)
      .on(E.TrackPublished, changed)
      .on(E.TrackUnpublished, changed)
      .on(
        E.TrackSubscribed,
        mine((track, publication, participant) => this.onSubscribed(track, publication, participant)),
      )
      .on(
        E.TrackUnsubscribed,
        mine((track) => this.onUnsubscribed(track)),
      )
      .on(
        E.TrackSubscriptionFailed,
        mine((sid, participant) =>
          this.context.warn({
            code: 'livekit-subscription-failed',
            message: `could not subscribe to track ${sid} of ${participant?.identity ?? 'a participant'}`,
          }),
        ),
      )
      .on(
        E.DataReceived,
        mine((payload, _participant, _kind, topic) => this.cues.read(payload, topic)),
      )
      .on(
        E.Reconnecting,
        mine(() => {
          this.context.setPhase('reconnecting');
          this.watchdog.start();
        }),
      )
      .on(
        E.SignalReconnecting,
        mine(() => {
          // Only the signal dropped; media may still flow. The frames decide what the viewer sees.
          this.signalDown = true;
          this.checkSignalOutage();
          this.watchdog.start();
        }),
      )
      .on(
        E.Reconnected,
        mine(() => {
          this.signalDown = false;
          this.watchdog.stop();
          // After a full reconnect the host's tracks are new: stay 'reconnecting' until they are attached.
          if (this.videoTrack) this.context.setPhase('live');
          this.roomChanged();
        }),
      )
      .on(
        E.Disconnected,
        mine((reason) => this.onDisconnected(lk, reason)),
      );
  }

  /** Participants or publications changed: pick the host again, (un)subscribe, count viewers. */
  private roomChanged(): void {
    const room = this.room;
    if (!room) return;
    const participants = [...room.remoteParticipants.values()];
    const choice = pickHost(participants.map(candidate), {
      identity: this.source.host ?? this.options.host,
      current: this.hostIdentity,
    });
    const wanted = new Set(choice ? [choice.video.sid, choice.audio?.sid] : []);
    for (const participant of participants) {
      for (const publication of participant.trackPublications.values()) {
        // Only the host's picture and sound: everything else is bandwidth nobody sees.
        const want = participant.identity === choice?.identity && wanted.has(publication.trackSid);
        if (publication.isDesired !== want) publication.setSubscribed(want);
      }
    }
    this.reportViewers();
    if (!choice) {
      const hostStillHere = this.hostIdentity !== undefined && room.remoteParticipants.has(this.hostIdentity);
      if (!hostStillHere) {
        // Nobody publishes: before the first frame that is pre-live; after it, the host dropped out.
        this.hostIdentity = undefined;
        if (!this.videoTrack) this.context.setPhase(this.everLive ? 'reconnecting' : 'waiting');
        this.stage = 'waiting for the host to publish video';
      }
      return;
    }
    this.hostIdentity = choice.identity;
    const host = room.remoteParticipants.get(choice.identity)!;
    const video = host.trackPublications.get(choice.video.sid);
    if (video?.track) this.attach(video.track, video);
    else this.stage = `subscribing to the video of "${choice.identity}"`;
    const audio = choice.audio && host.trackPublications.get(choice.audio.sid);
    if (audio?.track) this.attach(audio.track, audio);
  }

  private onSubscribed(track: RemoteTrack, publication: RemoteTrackPublication, participant: RemoteParticipant): void {
    if (participant.identity !== this.hostIdentity) {
      this.roomChanged(); // a new host may have appeared with this track
      return;
    }
    this.attach(track, publication);
  }

  private onUnsubscribed(track: RemoteTrack): void {
    // The last frame stays in the stream until a new track replaces it: a frozen picture, not a black box.
    if (track === this.videoTrack) {
      this.stopObserving(track);
      this.videoTrack = undefined;
    }
    if (track === this.audioTrack) this.audioTrack = undefined;
    this.roomChanged();
  }

  private attach(track: RemoteTrack, publication: RemoteTrackPublication): void {
    const stream = this.stream!;
    const lk = this.lk!;
    if (track.kind === lk.Track.Kind.Audio) {
      if (track === this.audioTrack) return;
      for (const old of stream.getAudioTracks()) stream.removeTrack(old);
      stream.addTrack(track.mediaStreamTrack); // sound goes through the <video>: one mute switch, one autoplay rule
      this.restarter?.trackAdded();
      this.audioTrack = track;
      return;
    }
    if (track.kind !== lk.Track.Kind.Video || track === this.videoTrack) return;
    this.stopObserving(this.videoTrack);
    for (const old of stream.getVideoTracks()) stream.removeTrack(old);
    stream.addTrack(track.mediaStreamTrack);
    this.restarter?.trackAdded(); // before 'live', so the viewer never reads the old stream's `ended`
    this.videoTrack = track;
    this.videoPub = publication;
    (track as RemoteVideoTrack).observeElementInfo?.(this.size!);
    this.stage = 'waiting for the first decoded frame';
    this.reportQualities();
    this.applyQuality();
    this.context.setPhase('live');
  }

  private stopObserving(track: RemoteTrack | undefined): void {
    const video = track as RemoteVideoTrack | undefined;
    if (!video?.isAdaptiveStream || !this.size) return;
    try {
      video.stopObservingElementInfo(this.size);
    } catch {
      /* already gone with its room */
    }
  }

  /** Signal resuming and no frame for a second: the user sees a frozen picture, so say 'reconnecting'. */
  private checkSignalOutage(): void {
    if (this.signalDown && performance.now() - this.lastFrameAt > 1000) this.context.setPhase('reconnecting');
  }

  private onFrame(): void {
    this.lastFrameAt = performance.now();
    if (this.everLive && !this.rejoin.attempts) return;
    // Only a frame of a joined room proves a rejoin worked: Firefox presents one more frame as the old room's tracks
    // end, and taking that for success would cancel the rejoin just scheduled.
    if (!this.room || !this.joined) return;
    this.everLive = true;
    this.size?.markStarted();
    this.rejoin.reset();
  }

  /** livekit-client's reconnect hangs (see ReconnectWatchdog): leave its room and rejoin with a fresh token. */
  private restartStuckRoom(): void {
    this.context.warn({
      code: 'livekit-reconnect-stuck',
      message: `livekit-client did not reconnect within ${LIVEKIT_DEFAULTS.reconnectStuckAfter / 1000} s; rejoining the room with a fresh token`,
    });
    this.signalDown = false;
    this.context.setPhase('reconnecting');
    this.leave();
    this.scheduleRejoin();
  }

  private onDisconnected(lk: LiveKitModule, reason: number | undefined): void {
    this.watchdog.stop();
    if (!this.joined) return; // connect() rejects with the precise reason
    this.signalDown = false;
    const R = lk.DisconnectReason;
    switch (reason) {
      case R.CLIENT_INITIATED:
        return;
      case R.DUPLICATE_IDENTITY:
        this.context.fail(
          new ViewerError(
            'network',
            'another player joined the room with the same identity, so this one was disconnected',
          ),
        );
        return;
      case R.PARTICIPANT_REMOVED:
        this.context.fail(new ViewerError('network', 'the server removed this viewer from the room'));
        return;
      case R.ROOM_DELETED:
      case R.ROOM_CLOSED:
        this.context.setPhase('ended');
        return;
    }
    if (!this.everLive) {
      this.context.fail(
        new ViewerError('network', `LiveKit disconnected before the first frame (${R[reason ?? 0] ?? reason})`),
      );
      return;
    }
    // livekit-client gave up reconnecting: rejoin from scratch (fresh token, new room object) for a while.
    this.context.setPhase('reconnecting');
    this.scheduleRejoin();
  }

  private scheduleRejoin(): void {
    const scheduled = this.rejoin.schedule(() => void this.rejoinNow());
    if (!scheduled) this.context.fail(new ViewerError('network', 'lost the LiveKit room and could not rejoin it'));
  }

  private async rejoinNow(): Promise<void> {
    this.leave();
    try {
      const auth = await this.requestToken();
      if (this.destroyed) return;
      await this.join(auth);
    } catch {
      if (this.destroyed) return;
      this.leave();
      this.scheduleRejoin();
    }
  }

  private leave(): void {
    const room = this.room;
    this.room = undefined;
    this.watchdog.stop();
    if (!room) return;
    room.removeAllListeners();
    void room.disconnect().catch(() => undefined); // closes both PeerConnections and says goodbye to the server
  }

  private applyQuality(): void {
    const publication = this.videoPub;
    const manual = this.choice === 'auto' ? undefined : this.qualities.find((q) => q.id === this.choice);
    // Adaptive stream caps a request at the element's size; report the layer's size so a manual choice sticks.
    this.size?.setTarget(manual && { width: manual.layer.width, height: manual.layer.height });
    if (!publication?.isDesired || !this.lk) return;
    if (manual) {
      publication.setVideoQuality(manual.layer.quality);
      this.capped = publication;
    } else if (this.capped === publication) {
      // Back to auto: lift the cap so the element's size decides again. Never on a fresh track: asking
      // for the top layer before the element's size is known would start on 720p, which is slower.
      publication.setVideoQuality(this.lk.VideoQuality.HIGH);
      this.capped = undefined;
    }
  }

  private reportQualities(): void {
    const publication = this.videoPub;
    const layers = publication?.trackInfo?.layers ?? [];
    this.qualities = layersToQualities(
      layers.map((l) => ({ quality: l.quality, width: l.width, height: l.height, bitrate: l.bitrate })),
    );
    if (this.qualities.length === 0 && publication?.dimensions) {
      const { width, height } = publication.dimensions;
      this.qualities = layersToQualities([{ quality: this.lk?.VideoQuality.HIGH ?? 2, width, height }]);
    }
    if (this.choice !== 'auto' && !this.qualities.some((q) => q.id === this.choice)) this.choice = 'auto';
    this.context.setQualities(
      this.qualities.map(({ layer: _layer, ...quality }) => quality),
      this.choice,
      this.playing,
    );
  }

  private async sampleStats(): Promise<void> {
    this.checkSignalOutage();
    const tracks = [this.videoTrack, this.audioTrack].filter((t): t is RemoteTrack => Boolean(t?.receiver));
    if (tracks.length === 0) return;
    const reports: (RTCStats & Record<string, unknown>)[] = [];
    try {
      for (const track of tracks) {
        for (const report of (await track.receiver!.getStats()).values()) reports.push(report);
      }
    } catch {
      return; // the receiver went away between ticks
    }
    if (this.destroyed) return;
    const sample = sampleStats(reports, performance.now());
    this.context.updateMetrics(metricsFromStats(this.lastStats, sample, this.frames?.receiveToDisplay()));
    this.lastStats = sample;
    const playing = qualityForHeight(this.qualities, sample.video?.frameHeight)?.id;
    if (playing !== this.playing) {
      this.playing = playing;
      this.reportQualities();
    }
  }

  private reportViewers(): void {
    if (this.viewersTimer) return;
    const wait = this.viewersReportedAt + LIVEKIT_DEFAULTS.viewersEvery - performance.now();
    this.viewersTimer = setTimeout(
      () => {
        this.viewersTimer = undefined;
        this.viewersReportedAt = performance.now();
        const room = this.room;
        const lk = this.lk;
        if (!room || !lk || this.destroyed) return;
        const everyone = [room.localParticipant, ...room.remoteParticipants.values()];
        this.context.setViewers(
          countViewers(
            everyone.map((p) => ({
              publishes: p.trackPublications.size > 0,
              human: p.kind === undefined || p.kind === lk.ParticipantKind.STANDARD,
            })),
          ),
        );
      },
      Math.max(0, wait),
    );
  }

  private warnIfPublisher(token: string): void {
    const grants = readTokenGrants(token);
    if (grants && grants.canPublish !== false) {
      this.context.warn({
        code: 'livekit-token-can-publish',
        message: 'this viewer token may publish media: mint subscribe-only tokens (canPublish: false) for viewers',
      });
    }
  }
}

function candidate(participant: RemoteParticipant): ParticipantCandidate {
  return {
    identity: participant.identity,
    joinedAt: participant.joinedAt?.getTime(),
    tracks: [...participant.trackPublications.values()].map((p) => ({
      sid: p.trackSid,
      kind: p.kind,
      source: p.source,
    })),
  };
}
