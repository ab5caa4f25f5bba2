// The Viewer falling back past bad sources to one that plays, against the real live origin, in a real browser.
// Its own file because WebKitGTK 2.50 deadlocks its media pipeline here (see web-test-runner.webkit.config.mjs).
import { expect } from '@esm-bundle/chai';
import { channel, until } from '../test/testbed.js';
import { viewerHarness } from '../test/viewer-harness.js';

describe('Viewer falling back between sources', () => {
  const harness = viewerHarness();
  const { fallbacks } = harness;
  const start = harness.start;

  afterEach(() => harness.destroy());

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
    expect(harness.video?.videoWidth).to.be.greaterThan(0);
  });
});
