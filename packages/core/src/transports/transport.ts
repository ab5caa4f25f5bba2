// The seam between the Viewer and a way of getting frames (HLS, LiveKit). The player never asks which one it has.
import type { Cue } from '../cues/cue.js';
import type { Metrics } from '../metrics/metrics.js';
import type { Quality, QualityChoice } from '../quality/quality.js';
import type { ViewerError } from '../viewer/errors.js';

/** What a transport reports to the Viewer. The Viewer owns state; transports only describe what they see. */
export interface TransportContext {
  readonly video: HTMLVideoElement;
  /** Aborted when the Viewer stops using this transport. */
  readonly signal: AbortSignal;
  /**
   * Where the transport is: connecting, waiting for the stream to start, live (media events decide
   * playing/paused/stalled from here), reconnecting, or ended. Fatal problems go through `fail`.
   */
  setPhase(phase: TransportPhase): void;
  setQualities(qualities: readonly Quality[], current: QualityChoice, playing?: string): void;
  updateMetrics(partial: Partial<Metrics>): void;
  cue(cue: Cue): void;
  /** How many people watch, when the transport can tell (a LiveKit room's participants). */
  setViewers(count: number): void;
  warn(warning: ViewerWarning): void;
  /** This source cannot play: the Viewer tries the next one, or ends in `error`. */
  fail(error: ViewerError): void;
}

export type TransportPhase = 'connecting' | 'waiting' | 'live' | 'reconnecting' | 'ended';

export interface ViewerWarning {
  /** e.g. 'bad-cue', 'autoplay-muted'. */
  readonly code: string;
  readonly message: string;
}

export interface Transport {
  readonly kind: string;
  /** Starts loading. Rejections are treated like `fail`. */
  start(): Promise<void>;
  setQuality(choice: QualityChoice): void;
  /** Jump to the live edge (after being paused or left behind). */
  seekToLive(): void;
  /** Seconds behind the live edge now, if known. */
  behindLive?(): number | undefined;
  /** Called inside a user gesture (play / unmute): let the engine start sound it was refused. */
  unlockAudio?(): void;
  /** Where startup is, for a timeout message (e.g. "waiting for ICE"). */
  startupStage?(): string;
  /** Releases everything: network, decoders, MediaSource, timers, listeners. Idempotent. */
  destroy(): void;
}

export interface TransportFactory<S> {
  readonly kind: string;
  /** No first frame this long after the source is tried: it fails with 'timeout' (ms; unset: no limit). */
  readonly firstFrameTimeout?: number;
  /**
   * After the first frame, frozen or reconnecting this long: it fails with 'network' so the Viewer falls
   * back, but only when there is a next source (ms; unset: the transport decides alone).
   */
  readonly maxOutage?: number;
  create(source: S, context: TransportContext): Transport;
}
