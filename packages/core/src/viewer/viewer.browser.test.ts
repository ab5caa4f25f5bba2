// The Viewer against the real live origin (ffmpeg → HLS ladder) in a real browser. Falling back from one source to
// the next is in viewer.fallback.browser.test.ts.
import { expect } from '@esm-bundle/chai';
import { channel, until } from '../test/testbed.js';
import { viewerHarness } from '../test/viewer-harness.js';
import type { ViewerEventMap } from './events.js';

describe('Viewer on a live HLS origin', () => {
  const harness = viewerHarness();
  const { states } = harness;
  const start = harness.start;

  afterEach(() => harness.destroy());

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
    expect(harness.video?.src).to.equal('');
    await new Promise((r) => setTimeout(r, 3000));
    const after = performance.getEntriesByType('resource').filter((e) => e.name.includes('/live/destroy'));
    // Nothing new was fetched for this channel after destroy (allow requests already in flight).
    expect(performance.getEntriesByType('resource').length - before).to.be.at.most(2);
    expect(after.length).to.be.greaterThan(0);
  });
});
