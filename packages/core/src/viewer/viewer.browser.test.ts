// The Viewer against the real live origin (ffmpeg → HLS ladder) in real Chromium.
import { expect } from '@esm-bundle/chai';
import { exponentialBackoff } from '../policy/retry.js';
import { channel, createVideo, until } from '../test/testbed.js';
import type { ViewerEventMap } from './events.js';
import { Viewer, type ViewerOptions } from './viewer.js';

const fast = {
  waitingPolicy: exponentialBackoff({ initial: 500, max: 1000, jitter: 0 }),
  startupPolicy: exponentialBackoff({ initial: 300, max: 600, maxAttempts: 2, jitter: 0 }),
};

describe('Viewer on a live HLS origin', () => {
  let viewer: Viewer | undefined;
  let video: HTMLVideoElement;
  const states: string[] = [];
  const fallbacks: ViewerEventMap['fallback'][] = [];

  function start(options: Omit<ViewerOptions, 'hls'> & { hls?: ViewerOptions['hls'] }): Viewer {
    video = createVideo();
    states.length = 0;
    fallbacks.length = 0;
    viewer = new Viewer(video, { autoplay: true, muted: true, ...options, hls: { ...fast, ...options.hls } });
    viewer.on('statechange', ({ state }) => states.push(state));
    viewer.on('fallback', (event) => fallbacks.push(event));
    viewer.load();
    return viewer;
  }

  afterEach(() => {
    viewer?.destroy();
    viewer = undefined;
    video?.remove();
  });

  it('falls back past a refused and an unreachable source, then plays with metrics', async () => {
    const live = await channel('fallback');
    const v = start({ sources: ['javascript:alert(1)', 'http://127.0.0.1:9/nothing.m3u8', live.url] });
    await until(() => v.state === 'playing', 'playing', 45_000);

    expect(fallbacks.map((f) => f.reason.code)).to.deep.equal(['bad-source', 'network']);
    expect(v.source?.url).to.equal(live.url);
    expect(v.qualities.length).to.be.at.least(3);
    await until(() => v.metrics.latency !== undefined && v.metrics.bitrate, 'metrics');
    const m = v.metrics;
    expect(m.transport).to.equal('hls');
    expect(m.timeToFirstFrame).to.be.greaterThan(0);
    expect(m.height).to.be.greaterThan(0);
    // Latency from EXT-X-PROGRAM-DATE-TIME: a few segments behind real time, not minutes.
    expect(m.latency).to.be.within(0.5, 20);
    expect(video.videoWidth).to.be.greaterThan(0);
  });

  it('waits for a stream that has not started, then plays when it does', async () => {
    const live = await channel('prelive');
    await live.fault({ fault: 'not-started' });
    const v = start({ sources: [live.url] });
    await until(() => v.state === 'waiting', 'waiting');
    await new Promise((r) => setTimeout(r, 1500));
    expect(v.state).to.equal('waiting'); // keeps waiting, does not error out
    await live.clear();
    await until(() => v.state === 'playing', 'playing after start', 45_000);
    expect(states).to.include('waiting');
  });

  it('is ended when the playlist already has EXT-X-ENDLIST', async () => {
    const live = await channel('over');
    await live.fault({ fault: 'end' });
    const v = start({ sources: [live.url] });
    await until(() => v.state === 'ended', 'ended');
  });

  it('ends in a clear error on a garbled playlist when there is no other source', async () => {
    const live = await channel('garbled');
    await live.fault({ fault: 'garbled', target: 'master' });
    const errors: ViewerEventMap['error'][] = [];
    const v = start({ sources: [live.url] });
    v.on('error', (e) => errors.push(e));
    await until(() => v.state === 'error', 'error', 30_000);
    expect(v.error?.code).to.equal('bad-playlist');
    expect(errors).to.have.length(1);
    // Retry after the origin is fixed plays.
    await live.clear();
    v.retry();
    await until(() => v.state === 'playing', 'playing after retry', 45_000);
  });

  it('brings the target latency back down after stalls instead of letting it creep up', async () => {
    const live = await channel('latency');
    const v = start({ sources: [live.url], hls: { latencyRecoveryAfter: 4000 } });
    await until(() => v.state === 'playing', 'playing', 45_000);
    const base = await until(() => v.metrics.targetLatency, 'target latency');
    // Starve the player: every segment takes longer than it lasts.
    await live.fault({ fault: 'segment-delay', ms: 6000 });
    await until(() => (v.metrics.targetLatency ?? 0) > base + 0.5, 'target latency raised by stalls', 60_000);
    await live.clear();
    await until(() => v.state === 'playing', 'playing again', 45_000);
    await until(() => Math.abs((v.metrics.targetLatency ?? 0) - base) < 0.05, 'target latency restored', 30_000);
    expect(v.metrics.rebufferCount).to.be.at.least(1);
  });

  it('releases the MediaSource and stops loading on destroy', async () => {
    const live = await channel('destroy');
    const v = start({ sources: [live.url] });
    await until(() => v.state === 'playing', 'playing', 45_000);
    const before = performance.getEntriesByType('resource').length;
    v.destroy();
    viewer = undefined;
    expect(video.src).to.equal('');
    await new Promise((r) => setTimeout(r, 3000));
    const after = performance.getEntriesByType('resource').filter((e) => e.name.includes('/live/destroy'));
    // Nothing new was fetched for this channel after destroy (allow requests already in flight).
    expect(performance.getEntriesByType('resource').length - before).to.be.at.most(2);
    expect(after.length).to.be.greaterThan(0);
  });
});
