// After an outage: the player is back to playing, frames move, near the live edge, and no "Reconnecting" shows.
import { expect } from '@esm-bundle/chai';
import type { LivePlayer } from '../live-player/live-player.js';
import { framesMoving, part, videoOf, waitFor, waitForState } from './fixture.js';

/** Close to the live edge: within a couple of segments of where hls.js aims to play. */
export const NEAR_LIVE_SECONDS = 4;

export async function expectBackAtTheLiveEdge(player: LivePlayer): Promise<void> {
  await waitForState(player, 'playing', 60_000);
  expect(await framesMoving(videoOf(player), 5)).to.equal(true);
  await waitFor(
    `behindLive < ${NEAR_LIVE_SECONDS}s`,
    () => (player.viewer!.behindLive ?? 99) < NEAR_LIVE_SECONDS,
    30_000,
  );
  expect(part(player, 'reconnecting')).to.equal(null);
}
