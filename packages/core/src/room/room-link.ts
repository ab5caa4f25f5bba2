// Hybrid mode: video comes from HLS (the CDN) while cues and the viewer count come from the LiveKit room,
// joined over data only (a token that subscribes to no media). Never touches playback; never gives up.
import type { Cue } from '../cues/cue.js';
import { exponentialBackoff, Retrier, type RetryPolicy } from '../policy/retry.js';
import type { LiveKitSource } from '../sources/source.js';
import { DataCueReader, LIVEKIT_CUE_TOPIC } from '../transports/livekit/data-cues.js';
import { countViewers } from '../transports/livekit/host.js';
import { hasWebRtc, type LiveKitModule, loadLiveKit } from '../transports/livekit/load-livekit.js';
import { fetchToken, type TokenRequest, type TokenResponse } from '../transports/livekit/token.js';
import type { ViewerWarning } from '../transports/transport.js';

export interface RoomLinkOptions {
  /** Data topic cues arrive on. */
  cueTopic?: string;
  /** The token endpoint must answer within this (ms). */
  tokenTimeout?: number;
  /** Replaces the token request; called with `kind: 'data-only'`. */
  fetchToken?: (request: TokenRequest) => Promise<TokenResponse>;
  /** Joining again after the room is lost. Default: backoff up to 30 s, forever. */
  retryPolicy?: RetryPolicy;
  loadLiveKit?: () => Promise<LiveKitModule>;
}

export interface RoomLinkHandlers {
  cue(cue: Cue): void;
  viewers(count: number): void;
  warn(warning: ViewerWarning): void;
}

const VIEWERS_EVERY_MS = 1000;

export class RoomLink {
  private room: import('livekit-client').Room | undefined;
  private lk: LiveKitModule | undefined;
  private readonly retrier: Retrier;
  private readonly cues: DataCueReader;
  private readonly abort = new AbortController();
  private viewersTimer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;
  private warned = false;

  constructor(
    private readonly source: LiveKitSource,
    private readonly handlers: RoomLinkHandlers,
    private readonly options: RoomLinkOptions = {},
  ) {
    this.retrier = new Retrier(options.retryPolicy ?? exponentialBackoff({ initial: 2000, max: 30_000 }));
    this.cues = new DataCueReader(handlers, options.cueTopic ?? LIVEKIT_CUE_TOPIC);
  }

  /** Joins in the background; problems become warnings and retries, never errors. */
  start(): void {
    if (!hasWebRtc()) {
      this.warn('this browser has no WebRTC: live cues and the viewer count are off');
      return;
    }
    void this.connect();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.abort.abort();
    this.retrier.cancel();
    clearTimeout(this.viewersTimer);
    this.leave();
  }

  private async connect(): Promise<void> {
    try {
      this.lk ??= await (this.options.loadLiveKit ?? loadLiveKit)();
      const { url, token } = await this.token();
      if (this.destroyed) return;
      const lk = this.lk;
      const room = new lk.Room({ adaptiveStream: false, dynacast: false, disconnectOnPageLeave: true });
      this.room = room;
      const E = lk.RoomEvent;
      const mine =
        <A extends unknown[]>(handler: (...args: A) => void) =>
        (...args: A) => {
          if (this.room === room && !this.destroyed) handler(...args);
        };
      const count = mine(() => this.scheduleViewers());
      room
        .on(
          E.DataReceived,
          mine((payload, _participant, _kind, topic) => this.cues.read(payload, topic)),
        )
        .on(E.ParticipantConnected, count)
        .on(E.ParticipantDisconnected, count)
        .on(E.TrackPublished, count)
        .on(E.TrackUnpublished, count)
        .on(
          E.Disconnected,
          mine((reason) => {
            if (reason === lk.DisconnectReason.CLIENT_INITIATED) return;
            this.retry(`the room connection closed (${lk.DisconnectReason[reason ?? 0] ?? reason})`);
          }),
        );
      await room.connect(url, token, { autoSubscribe: false });
      if (this.destroyed || this.room !== room) return;
      this.retrier.reset();
      this.warned = false;
      this.scheduleViewers();
    } catch (error) {
      if (!this.destroyed) this.retry(String((error as Error)?.message ?? error));
    }
  }

  private retry(reason: string): void {
    this.leave();
    if (!this.warned) {
      this.warned = true; // one warning per outage, not one per attempt
      this.warn(`live cues and the viewer count are unavailable: ${reason}; retrying`);
    }
    this.retrier.schedule(() => void this.connect());
  }

  private async token(): Promise<TokenResponse & { url: string }> {
    const source = this.source;
    if ('token' in source) return { url: source.url, token: source.token };
    const request: TokenRequest = {
      tokenUrl: source.tokenUrl,
      room: source.room,
      kind: 'data-only',
      signal: this.abort.signal,
    };
    const answer = this.options.fetchToken
      ? await this.options.fetchToken(request)
      : await fetchToken(request, { timeout: this.options.tokenTimeout ?? 4000 });
    return { token: answer.token, url: answer.url || source.url };
  }

  private scheduleViewers(): void {
    if (this.viewersTimer) return;
    this.viewersTimer = setTimeout(() => {
      this.viewersTimer = undefined;
      const room = this.room;
      const lk = this.lk;
      if (!room || !lk || this.destroyed) return;
      const everyone = [room.localParticipant, ...room.remoteParticipants.values()];
      this.handlers.viewers(
        countViewers(
          everyone.map((p) => ({
            publishes: p.trackPublications.size > 0,
            human: p.kind === undefined || p.kind === lk.ParticipantKind.STANDARD,
          })),
        ),
      );
    }, VIEWERS_EVERY_MS);
  }

  private leave(): void {
    const room = this.room;
    this.room = undefined;
    if (!room) return;
    room.removeAllListeners();
    void room.disconnect().catch(() => undefined);
  }

  private warn(message: string): void {
    if (!this.destroyed) this.handlers.warn({ code: 'room-link', message });
  }
}
