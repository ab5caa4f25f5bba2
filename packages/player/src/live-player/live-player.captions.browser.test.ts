// A stream with a subtitle rendition: the player offers captions, and turning them on shows the stream's cues over
// the video as it plays (hls.js's full build reads them; the player picks it from the playlist).
import { expect } from '@esm-bundle/chai';
import { expectNoViolations } from '../test/axe.js';
import {
  addPlayer,
  channel,
  fault,
  hlsOrigin,
  masterUrl,
  part,
  removePlayers,
  videoOf,
  waitFor,
  waitForControls,
  waitForState,
} from '../test/fixture.js';

describe('<live-player> captions', function () {
  this.timeout(120_000);

  before(async () => {
    await hlsOrigin();
  });

  afterEach(() => removePlayers());

  it('offers captions for a stream that has them, shows them as it plays, and hides them again', async () => {
    const name = channel('captions');
    await fault(name, { fault: 'subtitles' });
    const player = addPlayer({ src: await masterUrl(name), autoplay: true, muted: true, controls: true });
    await waitForState(player, 'playing');
    await waitForControls(player);
    const button = await waitFor('the captions button', () => part<HTMLButtonElement>(player, 'captions-button'));
    expect(button.getAttribute('aria-pressed')).to.equal('false');

    const pressed = (value: string) => () => part(player, 'captions-button')?.getAttribute('aria-pressed') === value;
    button.click();
    await waitFor('the captions button pressed', pressed('true'), 5000);
    const video = videoOf(player);
    const showing = () => Array.from(video.textTracks).find((t) => t.mode === 'showing');
    expect(showing()?.kind).to.equal('subtitles');
    // The cue of the second being played is on screen, and the next one replaces it as playback moves on.
    const onScreen = () => (showing()?.activeCues?.[0] as VTTCue | undefined)?.text;
    const first = await waitFor('a caption on screen', onScreen, 20_000);
    expect(first).to.match(/^Caption \d+$/);
    const next = await waitFor('the next caption', () => (onScreen() !== first ? onScreen() : undefined), 10_000);
    expect(next).to.match(/^Caption \d+$/);
    await expectNoViolations(player, 'captions on');

    part<HTMLButtonElement>(player, 'captions-button')?.click();
    await waitFor('the captions button released', pressed('false'), 5000);
    expect(showing()).to.equal(undefined);
  });

  it('offers no captions button for a stream without them', async () => {
    const player = addPlayer({
      src: await masterUrl(channel('no-captions')),
      autoplay: true,
      muted: true,
      controls: true,
    });
    await waitForState(player, 'playing');
    await waitForControls(player);
    expect(part(player, 'captions-button')).to.equal(null);
  });
});
