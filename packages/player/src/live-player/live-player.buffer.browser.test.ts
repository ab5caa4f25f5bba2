// A long sale must not grow memory: after ~75 s the buffer stays within the back-buffer bound.
import { expect } from '@esm-bundle/chai';
import {
  addPlayer,
  channel,
  hlsOrigin,
  masterUrl,
  removePlayers,
  sleep,
  videoOf,
  waitForState,
} from '../test/fixture.js';

const BACK_BUFFER = 30; // LIVE_DEFAULTS.backBufferLength
const FORWARD_BUFFER = 20; // LIVE_DEFAULTS.maxBufferLength
const SLACK = 4; // eviction happens per segment, after the playhead crosses one

describe('<live-player> memory', function () {
  this.timeout(240_000);

  before(async function () {
    this.timeout(180_000);
    await hlsOrigin();
  });

  afterEach(() => removePlayers());

  it('keeps the buffered range within back buffer + forward buffer over 75 s of playback', async () => {
    const player = addPlayer({ src: await masterUrl(channel('buffer')), autoplay: true, muted: true });
    await waitForState(player, 'playing');
    const video = videoOf(player);
    const started = performance.now();
    const startTime = video.currentTime;
    let maxBehind = 0;
    let maxAhead = 0;
    while (performance.now() - started < 75_000) {
      await sleep(1000);
      const ranges = video.buffered;
      if (!ranges.length) continue;
      maxBehind = Math.max(maxBehind, video.currentTime - ranges.start(0));
      maxAhead = Math.max(maxAhead, ranges.end(ranges.length - 1) - video.currentTime);
    }
    expect(player.state).to.equal('playing');
    expect(video.currentTime - startTime, 'seconds actually played').to.be.greaterThan(60);
    expect(maxBehind, 'seconds kept behind the playhead').to.be.at.most(BACK_BUFFER + SLACK);
    expect(maxAhead, 'seconds buffered ahead').to.be.at.most(FORWARD_BUFFER + SLACK);
    const span = video.buffered.end(video.buffered.length - 1) - video.buffered.start(0);
    expect(span).to.be.at.most(BACK_BUFFER + FORWARD_BUFFER + SLACK);
  });
});
