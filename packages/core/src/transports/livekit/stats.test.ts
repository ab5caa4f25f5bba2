import { describe, expect, it } from 'vitest';
import { metricsFromStats, sampleStats } from './stats.js';

const report = (video: object, audio: object, rtt = 0.02) => [
  { type: 'inbound-rtp', kind: 'video', id: 'v', timestamp: 0, ...video },
  { type: 'inbound-rtp', kind: 'audio', id: 'a', timestamp: 0, ...audio },
  { type: 'candidate-pair', id: 'c', timestamp: 0, nominated: true, state: 'succeeded', currentRoundTripTime: rtt },
  { type: 'candidate-pair', id: 'd', timestamp: 0, nominated: false, state: 'failed', currentRoundTripTime: 9 },
];

describe('WebRTC stats → metrics', () => {
  const first = sampleStats(
    report(
      {
        bytesReceived: 1000,
        packetsReceived: 100,
        packetsLost: 0,
        jitter: 0.004,
        frameWidth: 640,
        frameHeight: 360,
        framesPerSecond: 30,
        jitterBufferDelay: 1,
        jitterBufferEmittedCount: 20,
      },
      { bytesReceived: 500, packetsReceived: 50, packetsLost: 0 },
    ) as never,
    1000,
  );
  const second = sampleStats(
    report(
      {
        bytesReceived: 126_000,
        packetsReceived: 190,
        packetsLost: 10,
        jitter: 0.006,
        frameWidth: 1280,
        frameHeight: 720,
        framesPerSecond: 25,
        jitterBufferDelay: 2.5,
        jitterBufferEmittedCount: 50,
      },
      { bytesReceived: 6_750, packetsReceived: 100, packetsLost: 0 },
    ) as never,
    2000,
  );

  it('reads bitrate, resolution, loss and jitter over the interval', () => {
    const m = metricsFromStats(first, second);
    expect(m.bitrate).toBe((125_000 + 6_250) * 8);
    expect(m).toMatchObject({ width: 1280, height: 720, jitter: 0.006 });
    expect(m.packetLoss).toBeCloseTo(10 / 150);
  });

  it('estimates latency from receive→display, the RTT and a frame of capture', () => {
    expect(metricsFromStats(first, second, 0.04).latency).toBeCloseTo(0.04 + 0.02 + 1 / 25, 3);
    // Without per-frame timing, the jitter buffer stands in: 1.5 s over 30 frames = 50 ms.
    expect(metricsFromStats(first, second).latency).toBeCloseTo(0.05 + 0.02 + 1 / 25, 3);
  });

  it('starts counting again when a new track resets the counters', () => {
    const fresh = sampleStats(report({ bytesReceived: 2000, packetsReceived: 10, packetsLost: 0 }, {}) as never, 3000);
    expect(metricsFromStats(second, fresh).bitrate).toBe(2000 * 8);
  });
});
