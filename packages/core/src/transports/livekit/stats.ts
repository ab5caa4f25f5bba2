// Turns WebRTC receiver statistics into the Viewer's metrics: bitrate, resolution, packet loss,
// jitter, and an end-to-end latency estimate.
import type { Metrics } from '../../metrics/metrics.js';

/** The few numbers we keep from one `getStats()` of the host's tracks. */
export interface StatsSample {
  /** ms, the stats' own clock */
  readonly time: number;
  readonly video?: InboundSample;
  readonly audio?: InboundSample;
  /** seconds, viewer ↔ SFU */
  readonly rtt?: number;
}

export interface InboundSample {
  readonly bytesReceived: number;
  readonly packetsReceived: number;
  readonly packetsLost: number;
  /** seconds */
  readonly jitter?: number;
  readonly frameWidth?: number;
  readonly frameHeight?: number;
  readonly framesPerSecond?: number;
  /** seconds, summed over emitted frames */
  readonly jitterBufferDelay?: number;
  readonly jitterBufferEmittedCount?: number;
}

/** Picks inbound-rtp and the selected candidate pair out of an RTCStatsReport (or anything iterable like it). */
export function sampleStats(reports: Iterable<RTCStats & Record<string, unknown>>, time: number): StatsSample {
  let video: InboundSample | undefined;
  let audio: InboundSample | undefined;
  let rtt: number | undefined;
  for (const s of reports) {
    if (s.type === 'inbound-rtp') {
      const sample: InboundSample = {
        bytesReceived: num(s.bytesReceived) ?? 0,
        packetsReceived: num(s.packetsReceived) ?? 0,
        packetsLost: Math.max(0, num(s.packetsLost) ?? 0),
        jitter: num(s.jitter),
        frameWidth: num(s.frameWidth),
        frameHeight: num(s.frameHeight),
        framesPerSecond: num(s.framesPerSecond),
        jitterBufferDelay: num(s.jitterBufferDelay),
        jitterBufferEmittedCount: num(s.jitterBufferEmittedCount),
      };
      if (s.kind === 'video') video = sample;
      else if (s.kind === 'audio') audio = sample;
    } else if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded') {
      rtt = num(s.currentRoundTripTime) ?? rtt;
    }
  }
  return { time, ...(video && { video }), ...(audio && { audio }), ...(rtt !== undefined && { rtt }) };
}

/**
 * Metrics over the interval between two samples. `receiveToDisplay` (seconds) is how long frames take
 * from their last packet to the screen, measured per frame (requestVideoFrameCallback); without it the
 * jitter buffer delay stands in.
 */
export function metricsFromStats(
  previous: StatsSample | undefined,
  current: StatsSample,
  receiveToDisplay?: number,
): Partial<Metrics> {
  const metrics: { -readonly [K in keyof Metrics]?: Metrics[K] } = {};
  const v = current.video;
  if (v?.frameWidth && v.frameHeight) {
    metrics.width = v.frameWidth;
    metrics.height = v.frameHeight;
  }
  if (v?.jitter !== undefined) metrics.jitter = v.jitter;
  if (previous) {
    const seconds = (current.time - previous.time) / 1000;
    const bytes = delta(previous.video, v, 'bytesReceived') + delta(previous.audio, current.audio, 'bytesReceived');
    if (seconds > 0) metrics.bitrate = Math.round((bytes * 8) / seconds);
    const lost = delta(previous.video, v, 'packetsLost') + delta(previous.audio, current.audio, 'packetsLost');
    const received =
      delta(previous.video, v, 'packetsReceived') + delta(previous.audio, current.audio, 'packetsReceived');
    if (lost + received > 0) metrics.packetLoss = lost / (lost + received);
  }
  const latency = estimateLatency(previous, current, receiveToDisplay);
  if (latency !== undefined) metrics.latency = latency;
  return metrics;
}

/**
 * Glass-to-glass estimate, seconds: publisher capture + encode (about one frame interval), two network
 * hops publisher → SFU → viewer (about one viewer RTT, assuming the publisher's hop is similar), then
 * receive → display on this side. The test bed's pixel clock checks it against the truth.
 */
export function estimateLatency(
  previous: StatsSample | undefined,
  current: StatsSample,
  receiveToDisplay?: number,
): number | undefined {
  const v = current.video;
  if (!v) return undefined;
  let local = receiveToDisplay;
  if (local === undefined) {
    const frames = delta(previous?.video, v, 'jitterBufferEmittedCount');
    const delay = delta(previous?.video, v, 'jitterBufferDelay');
    if (frames > 0) local = delay / frames;
  }
  if (local === undefined) return undefined;
  const frameInterval = v.framesPerSecond ? 1 / v.framesPerSecond : 1 / 30;
  return round3(frameInterval + (current.rtt ?? 0) + local);
}

function delta(a: InboundSample | undefined, b: InboundSample | undefined, key: keyof InboundSample): number {
  if (!b) return 0;
  const now = (b[key] as number | undefined) ?? 0;
  const before = (a?.[key] as number | undefined) ?? 0;
  // Counters restart with a new track (republish, rejoin): count from zero then.
  return now >= before ? now - before : now;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * Measures receive → display per decoded frame with requestVideoFrameCallback (WebRTC frames carry
 * `receiveTime`), and reports the first decoded frame. Median of the last frames, seconds.
 */
export class FrameTimer {
  private handle: number | undefined;
  private readonly samples: number[] = [];
  private stopped = false;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly onFrame?: () => void,
  ) {
    this.request();
  }

  /** Median receive → display over the last frames, seconds; undefined without WebRTC timing. */
  receiveToDisplay(): number | undefined {
    if (this.samples.length === 0) return undefined;
    const sorted = [...this.samples].sort((a, b) => a - b);
    return round3(sorted[Math.floor(sorted.length / 2)]! / 1000);
  }

  stop(): void {
    this.stopped = true;
    if (this.handle !== undefined) this.video.cancelVideoFrameCallback?.(this.handle);
  }

  private request(): void {
    if (this.stopped || !('requestVideoFrameCallback' in this.video)) return;
    this.handle = this.video.requestVideoFrameCallback((_now, metadata) => {
      const received = (metadata as VideoFrameCallbackMetadata & { receiveTime?: number }).receiveTime;
      if (received !== undefined && received > 0) {
        this.samples.push(Math.max(0, metadata.expectedDisplayTime - received));
        if (this.samples.length > 60) this.samples.shift();
      }
      this.onFrame?.();
      this.request();
    });
  }
}
