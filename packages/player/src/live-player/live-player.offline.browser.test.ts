// <live-player> when the viewer's own network drops out, through the browser's offline emulation.
// Its own file because only the Playwright and Puppeteer launchers can emulate offline (Chromium, Firefox):
// classic WebDriver (the WebKitGTK run) cannot, so that config leaves *.offline.browser.test.ts out.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  addPlayer,
  channel,
  framesMoving,
  hlsOrigin,
  masterUrl,
  removePlayers,
  videoOf,
  waitForState,
} from '../test/fixture.js';
import { expectBackAtTheLiveEdge } from '../test/live-edge.js';

describe('<live-player> offline', function () {
  this.timeout(150_000);

  before(async function () {
    this.timeout(180_000);
    await hlsOrigin();
  });

  afterEach(() => removePlayers());

  it('rides out the browser going offline for 10 s (offline emulation): reconnecting, then playing at the live edge', async () => {
    const ch = channel('offline');
    const player = addPlayer({ src: await masterUrl(ch), autoplay: true, muted: true, controls: true });
    await waitForState(player, 'playing');
    await framesMoving(videoOf(player), 5);
    const states: string[] = [];
    player.addEventListener('live-statechange', (e) => states.push(e.detail.state));

    // The browser's offline emulation for 10 s. It also cuts the runner's own channel to the page, so the
    // command returns only once the browser is back online; the states seen meanwhile are recorded above.
    await executeServerCommand('testbed:offline', { offline: true, ms: 10_000 });
    expect(states).to.include('reconnecting');

    await expectBackAtTheLiveEdge(player);
  });
});
