// The control bar is its own chunk, fetched after the first frame: start-up never waits for it, the widgets over
// the video do not move when it arrives, and a player with nothing playing gets it at once.
import { expect } from '@esm-bundle/chai';
import {
  addPlayer,
  channel,
  hlsOrigin,
  isShown,
  masterUrl,
  part,
  removePlayers,
  videoOf,
  waitForControls,
  waitForState,
} from '../test/fixture.js';

const barRequests = () =>
  performance.getEntriesByType('resource').filter((entry) => /\/controls\/control-bar\.[jt]s/.test(entry.name));

describe('<live-player> control bar', function () {
  this.timeout(120_000);

  before(async () => {
    await hlsOrigin();
  });

  afterEach(() => removePlayers());

  // First in this file: the bar's module is fetched once per page, and none of these fetch it.
  it('is not fetched for a player without controls', async () => {
    const player = addPlayer({ src: await masterUrl(channel('bar-none')), autoplay: true, muted: true });
    await waitForState(player, 'playing');
    expect(part(player, 'controls')).to.equal(null);
    expect(barRequests()).to.deep.equal([]);
  });

  // Before any other player with controls in this file: the bar's module is fetched once per page.
  it('arrives after the first frame, in the place held for it: the widgets above it stay put', async () => {
    expect(barRequests()).to.deep.equal([]);
    const player = addPlayer({
      src: await masterUrl(channel('bar-later')),
      autoplay: true,
      muted: true,
      controls: true,
    });
    const sheet = document.createElement('div');
    sheet.slot = 'bottom-sheet';
    sheet.textContent = 'product card';
    player.append(sheet);
    await player.updateComplete;
    const firstFrame = new Promise<{ at: number; sheetBottom: number; bar: boolean }>((resolve) =>
      videoOf(player).requestVideoFrameCallback(() =>
        resolve({
          at: performance.now(),
          sheetBottom: sheet.getBoundingClientRect().bottom,
          bar: part(player, 'controls') !== null,
        }),
      ),
    );
    const frame = await firstFrame;
    expect(frame.bar, 'no control bar yet at the first frame').to.equal(false);
    await waitForState(player, 'playing');
    await waitForControls(player);
    const [request] = barRequests();
    expect(request, 'the control bar module was fetched').to.not.equal(undefined);
    expect(request!.startTime, 'fetched after the first frame').to.be.greaterThan(frame.at);
    expect(sheet.getBoundingClientRect().bottom).to.be.closeTo(frame.sheetBottom, 1);
    // Its styles came with it: the bar is laid out as a row of round buttons, not as bare inline elements.
    const play = part(player, 'play-button')!;
    expect(getComputedStyle(part(player, 'controls')!).display).to.equal('flex');
    expect(getComputedStyle(play).borderRadius).to.equal('50%');
  });

  it('comes at once when there is no first frame to wait for (autoplay off: paused, tap to play)', async () => {
    const player = addPlayer({ src: await masterUrl(channel('bar-paused')), controls: true });
    await waitForState(player, 'paused');
    await waitForControls(player);
    expect(isShown(part(player, 'tap-to-play'))).to.equal(true);
    expect(part(player, 'play-button')!.getAttribute('aria-label')).to.equal('Play');
  });
});
