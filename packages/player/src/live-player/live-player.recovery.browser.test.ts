// <live-player> through faults a real CDN has: a burst of missing segments, and a network cut at the origin.
// The viewer's own network going offline: live-player.offline.browser.test.ts.
import { expect } from '@esm-bundle/chai';
import {
  addPlayer,
  channel,
  fault,
  framesMoving,
  hlsOrigin,
  isShown,
  masterUrl,
  part,
  removePlayers,
  videoOf,
  waitFor,
  waitForState,
} from '../test/fixture.js';
import { expectBackAtTheLiveEdge, NEAR_LIVE_SECONDS } from '../test/live-edge.js';

describe('<live-player> recovery', function () {
  this.timeout(150_000);

  before(async function () {
    this.timeout(180_000);
    await hlsOrigin();
  });

  afterEach(() => removePlayers());

  it('recovers from a burst of segment 404s back to playing near the live edge', async () => {
    const ch = channel('burst404');
    const player = addPlayer({ src: await masterUrl(ch), autoplay: true, muted: true, controls: true });
    await waitForState(player, 'playing');
    const states: string[] = [];
    player.addEventListener('live-statechange', (e) => states.push(e.detail.state));
    const errors: unknown[] = [];
    player.addEventListener('live-error', (e) => errors.push(e.detail.error));

    const stats = (await fault(ch, { fault: 'segment-status', status: 404, count: 12 })) as object;
    expect(stats).to.be.an('object');
    await waitFor(
      'the 404s to be served',
      async () => {
        const hls = await hlsOrigin();
        const res = await fetch(hls.origin + hls.controlPath.replace('{channel}', ch));
        const body = (await res.json()) as { faults: Record<string, unknown>; injected: Record<string, number> };
        return !body.faults['segment-status'] && body.injected['segment-status'] === 12; // all 12 served
      },
      60_000,
    );

    await waitFor(
      'playing again with frames',
      async () => player.state === 'playing' && (await framesMoving(videoOf(player), 5)),
      60_000,
    );
    await waitFor(
      `behindLive < ${NEAR_LIVE_SECONDS}s`,
      () => (player.viewer!.behindLive ?? 99) < NEAR_LIVE_SECONDS,
      30_000,
    );
    expect(errors).to.deep.equal([]);
    expect(player.state).to.equal('playing');
    expect(states).to.not.include('error');
  });

  it('rides out a 10 s network cut at the origin: reconnecting, then playing at the live edge', async () => {
    const ch = channel('cut');
    const player = addPlayer({ src: await masterUrl(ch), autoplay: true, muted: true, controls: true });
    await waitForState(player, 'playing');
    await framesMoving(videoOf(player), 5);

    // Every request of this channel has its connection reset for 10 s (no status line, like a dead network).
    await fault(ch, { fault: 'cut', durationMs: 10_000 });
    await waitForState(player, 'reconnecting', 30_000);
    expect(isShown(part(player, 'reconnecting'))).to.equal(true);
    expect(part(player, 'reconnecting')!.textContent).to.contain('Reconnecting');
    expect(isShown(part(player, 'spinner'))).to.equal(true);

    await expectBackAtTheLiveEdge(player);
  });
});
