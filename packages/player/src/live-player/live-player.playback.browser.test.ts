// <live-player> against the real live ffmpeg ladder: playing, quality, pre-live, end, cues, independence.
import { expect } from '@esm-bundle/chai';
import { type Cue, encodeDateRangeCue } from '@livehook/core';
import {
  addPlayer,
  channel,
  clearFault,
  clickLikeAUser,
  fault,
  framesMoving,
  hlsOrigin,
  isShown,
  masterUrl,
  part,
  removePlayers,
  videoOf,
  waitFor,
  waitForControls,
  waitForState,
} from '../test/fixture.js';

describe('<live-player> playback', function () {
  this.timeout(120_000);

  before(async function () {
    this.timeout(180_000); // the first test of a run waits for ffmpeg's first segments
    await hlsOrigin();
  });

  afterEach(() => removePlayers());

  it('plays the live ladder: state "playing", frames moving, the LIVE badge shown', async () => {
    const states: string[] = [];
    const player = addPlayer({ src: await masterUrl(channel('plays')), autoplay: true, muted: true, controls: true });
    player.addEventListener('live-statechange', (e) => states.push(e.detail.state));
    await waitForState(player, 'playing');
    const video = videoOf(player);
    expect(await framesMoving(video)).to.equal(true);
    expect(video.videoWidth).to.be.greaterThan(0);
    expect(states[0]).to.equal('connecting');
    expect(states).to.include('playing');
    expect(player.state).to.equal('playing');
    expect(player.hasAttribute('paused')).to.equal(false);
    await waitForControls(player);
    expect(isShown(part(player, 'live-badge'))).to.equal(true);
    expect(part(player, 'live-badge')!.textContent!.trim()).to.equal('LIVE');
    expect(player.metrics.timeToFirstFrame).to.be.a('number');
    expect(player.viewer?.state).to.equal('playing');
  });

  it('switches quality from the menu, then back to Auto; the picture follows', async () => {
    const player = addPlayer({ src: await masterUrl(channel('quality')), autoplay: true, muted: true, controls: true });
    await waitForState(player, 'playing');
    const video = videoOf(player);
    await waitFor('three qualities', () => player.qualities.length === 3);
    await waitForControls(player);

    const open = async () => {
      await clickLikeAUser(part(player, 'quality-button')!);
      await waitFor('the menu to open', () => isShown(part(player, 'quality-menu')));
      return [...player.shadowRoot!.querySelectorAll<HTMLElement>('[part~="quality-option"]')];
    };
    let options = await open();
    const labels = options.map((o) => o.textContent!.trim());
    expect(labels.slice(1)).to.deep.equal(['720p', '480p', '240p']); // highest first
    expect(labels[0]).to.match(/^Auto/);
    expect(part(player, 'quality-button')!.getAttribute('aria-expanded')).to.equal('true');

    await clickLikeAUser(options.find((o) => o.textContent!.trim() === '240p')!);
    expect(isShown(part(player, 'quality-menu'))).to.equal(false);
    await waitFor('the picture to become 240p', () => video.videoHeight === 240, 30_000);
    expect(player.quality).to.equal('240p');

    options = await open();
    expect(options.find((o) => o.getAttribute('aria-checked') === 'true')!.textContent!.trim()).to.equal('240p');
    await clickLikeAUser(options[0]!);
    await waitFor('the picture to leave 240p in Auto', () => video.videoHeight > 240, 45_000);
    expect(player.quality).to.equal('auto');
    options = await open();
    expect(options[0]!.getAttribute('aria-checked')).to.equal('true');
    // In Auto the menu says which level is on screen (ABR may move it: compare with the picture itself).
    await waitFor(
      '"Auto (<the height on screen>p)"',
      () => options[0]!.textContent!.trim() === `Auto (${video.videoHeight}p)`,
      15_000,
    );
  });

  it('shows the pre-live overlay while the stream has not started, then plays once it does', async () => {
    const ch = channel('prelive');
    await fault(ch, { fault: 'not-started' });
    const startsAt = new Date(Date.now() + 30 * 60_000);
    const player = addPlayer({
      src: await masterUrl(ch),
      autoplay: true,
      muted: true,
      controls: true,
      'starts-at': startsAt.toISOString(),
    });
    await waitForState(player, 'waiting');
    const overlay = part(player, 'prelive');
    expect(isShown(overlay)).to.equal(true);
    expect(overlay!.textContent).to.contain('hasn’t started yet');
    const time = part(player, 'start-time')!.textContent!;
    const expected = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(startsAt);
    expect(time).to.contain(expected); // in the viewer's own time zone

    await clearFault(ch);
    await waitForState(player, 'playing', 60_000);
    expect(part(player, 'prelive')).to.equal(null);
    expect(await framesMoving(videoOf(player))).to.equal(true);
  });

  it('shows the ended overlay when the broadcaster ends the stream', async () => {
    const ch = channel('ended');
    const player = addPlayer({ src: await masterUrl(ch), autoplay: true, muted: true, controls: true });
    await waitForState(player, 'playing');
    await fault(ch, { fault: 'end' });
    await waitForState(player, 'ended', 60_000);
    const overlay = part(player, 'ended');
    expect(isShown(overlay)).to.equal(true);
    expect(overlay!.textContent).to.contain('The live stream has ended');
    expect(part(player, 'controls')).to.equal(null);
  });

  it('delivers a DATERANGE cue from the stream as a typed live-cue event', async () => {
    const ch = channel('cue');
    const player = addPlayer({ src: await masterUrl(ch), autoplay: true, muted: true });
    await waitForState(player, 'playing');
    const received: Cue[] = [];
    const onCue = (e: CustomEvent<{ cue: Cue }>) => {
      expect(e.bubbles && e.composed).to.equal(true);
      received.push(e.detail.cue);
    };
    document.addEventListener('live-cue', onCue as EventListener);
    try {
      const cue = { v: 1, id: 'qr-1', type: 'widget.show', target: 'group-qr', data: { title: '扫码进群' } };
      await fault(ch, { fault: 'daterange', id: 'lh-qr-1', attributes: { 'X-LIVEHOOK-CUE': encodeDateRangeCue(cue) } });
      const got = await waitFor('the cue', () => received[0], 30_000);
      expect(got).to.deep.include({
        v: 1,
        id: 'qr-1',
        type: 'widget.show',
        target: 'group-qr',
        source: 'hls-daterange',
      });
      expect(got.data).to.deep.equal({ title: '扫码进群' });
      expect(got.time).to.be.a('number');
      expect(player.viewer!.cues.map((c) => c.id)).to.include('qr-1');
    } finally {
      document.removeEventListener('live-cue', onCue as EventListener);
    }
  });

  it('runs several players independently on one page', async () => {
    const goodCh = channel('solo-a');
    const endCh = channel('solo-b');
    const a = addPlayer({ src: await masterUrl(goodCh), autoplay: true, muted: true, controls: true });
    const b = addPlayer({ src: await masterUrl(endCh), autoplay: true, muted: true, controls: true });
    await Promise.all([waitForState(a, 'playing'), waitForState(b, 'playing')]);
    b.pause();
    await waitForState(b, 'paused');
    expect(a.state).to.equal('playing');
    await fault(endCh, { fault: 'end' });
    b.seekToLive(); // plays again, into the end
    await waitForState(b, 'ended', 60_000);
    expect(a.state).to.equal('playing');
    expect(await framesMoving(videoOf(a))).to.equal(true);
    expect(a.viewer).to.not.equal(b.viewer);
  });
});
