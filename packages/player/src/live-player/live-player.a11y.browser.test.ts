// axe-core finds nothing in any state a viewer can meet: playing (menu open), waiting, paused, ended, error.
import { expect } from '@esm-bundle/chai';
import { expectNoViolations } from '../test/axe.js';
import {
  addPlayer,
  channel,
  clickLikeAUser,
  fault,
  hlsOrigin,
  isShown,
  masterUrl,
  part,
  removePlayers,
  waitFor,
  waitForControls,
  waitForState,
} from '../test/fixture.js';

describe('<live-player> accessibility', function () {
  this.timeout(120_000);

  before(async function () {
    this.timeout(180_000);
    await hlsOrigin();
  });

  afterEach(() => removePlayers());

  it('playing, with the quality menu open: no violations, every control named', async () => {
    const player = addPlayer({
      src: await masterUrl(channel('a11y-play')),
      autoplay: true,
      muted: true,
      controls: true,
    });
    await waitForState(player, 'playing');
    await waitFor('qualities', () => player.qualities.length > 1);
    await waitForControls(player);
    for (const button of player.shadowRoot!.querySelectorAll('button')) {
      expect(button.getAttribute('aria-label') || button.textContent!.trim(), button.outerHTML).to.not.equal('');
    }
    await expectNoViolations(player, 'playing');
    await clickLikeAUser(part(player, 'quality-button')!);
    await waitFor('the menu', () => isShown(part(player, 'quality-menu')));
    expect(player.shadowRoot!.activeElement?.getAttribute('role')).to.equal('menuitemradio');
    await expectNoViolations(player, 'playing, menu open');
  });

  it('waiting (pre-live): no violations', async () => {
    const ch = channel('a11y-wait');
    await fault(ch, { fault: 'not-started' });
    const player = addPlayer({
      src: await masterUrl(ch),
      controls: true,
      'starts-at': new Date(Date.now() + 3600_000).toISOString(),
    });
    await waitForState(player, 'waiting');
    await expectNoViolations(player, 'waiting');
  });

  it('paused before the first play (tap to play): no violations', async () => {
    const player = addPlayer({ src: await masterUrl(channel('a11y-paused')), controls: true });
    await waitForState(player, 'paused');
    await waitForControls(player); // with nothing playing, the bar comes at once
    expect(isShown(part(player, 'tap-to-play'))).to.equal(true);
    await expectNoViolations(player, 'paused');
  });

  it('ended: no violations', async () => {
    const ch = channel('a11y-end');
    await fault(ch, { fault: 'end' });
    const player = addPlayer({ src: await masterUrl(ch), autoplay: true, muted: true, controls: true });
    await waitForState(player, 'ended', 60_000);
    await expectNoViolations(player, 'ended');
  });

  it('error: no violations', async () => {
    const error = console.error;
    console.error = () => {}; // the one expected error; bad-input tests check it
    try {
      const player = addPlayer({ src: 'javascript:void 0', controls: true });
      await waitForState(player, 'error');
      await expectNoViolations(player, 'error');
    } finally {
      console.error = error;
    }
  });
});
