// <live-player> through faults a real CDN has: a burst of missing segments, and the viewer's network dropping out.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
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
import type { LivePlayer } from './live-player.js';

/** Close to the live edge: within a couple of segments of where hls.js aims to play. */
const NEAR_LIVE_SECONDS = 4;

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

  it('rides out the browser going offline for 10 s (offline emulation): reconnecting, then playing at the live edge', async () => {
    const ch = channel('offline');
    const player = addPlayer({ src: await masterUrl(ch), autoplay: true, muted: true, controls: true });
    await waitForState(player, 'playing');
    await framesMoving(videoOf(player), 5);
    const states: string[] = [];
    player.addEventListener('live-statechange', (e) => states.push(e.detail.state));

    // Playwright's offline emulation for 10 s. It also cuts the runner's own channel to the page, so the
    // command returns only once the browser is back online; the states seen meanwhile are recorded above.
    await executeServerCommand('testbed:offline', { offline: true, ms: 10_000 });
    expect(states).to.include('reconnecting');

    await expectBackAtTheLiveEdge(player);
  });
});

async function expectBackAtTheLiveEdge(player: LivePlayer): Promise<void> {
  await waitForState(player, 'playing', 60_000);
  expect(await framesMoving(videoOf(player), 5)).to.equal(true);
  await waitFor(
    `behindLive < ${NEAR_LIVE_SECONDS}s`,
    () => (player.viewer!.behindLive ?? 99) < NEAR_LIVE_SECONDS,
    30_000,
  );
  expect(part(player, 'reconnecting')).to.equal(null);
}
