// <live-player> on LiveKit: the attributes, LiveKit first with HLS as the fallback, the error overlay when
// LiveKit is all there is, the debug panel, and a clean goodbye. Real livekit-server, real publisher.
import { expect } from '@esm-bundle/chai';
import { control, liveKitPart } from '../../../core/src/test/livekit-testbed.js';
import type { LivePlayer } from '../live-player/live-player.js';
import {
  addPlayer,
  channel,
  clickLikeAUser,
  isShown,
  masterUrl,
  part,
  removePlayers,
  videoOf,
  waitFor,
  waitForState,
} from '../test/fixture.js';

const CUE_TOPIC = 'livehook.cue';

async function liveKitAttributes(extra: Record<string, string | boolean> = {}) {
  const lk = await liveKitPart();
  return { 'livekit-url': lk.wsUrl, 'token-url': lk.tokenUrl, room: lk.room, autoplay: true, muted: true, ...extra };
}

function shadowText(player: LivePlayer): string {
  return player.shadowRoot!.textContent ?? '';
}

describe('<live-player> on LiveKit', function () {
  this.timeout(120_000);

  afterEach(() => removePlayers());

  it('plays through LiveKit first, and says so only in the debug panel', async () => {
    const src = await masterUrl(channel('lk-first'));
    const player = addPlayer({ ...(await liveKitAttributes()), src, controls: true });
    await waitForState(player, 'playing', 30_000);
    expect(player.metrics.transport).to.equal('livekit');
    expect(player.qualities.map((q) => q.id)).to.deep.equal(['720p', '360p', '180p']);
    // Nothing in the viewer's face names the transport.
    expect(part(player, 'stats')).to.equal(null);
    expect(shadowText(player)).to.not.match(/livekit|webrtc|hls/i);
    // The debug panel does.
    player.debug = true;
    await waitFor('the stats panel', () => isShown(part(player, 'stats')), 5000);
    const transport = () => part(player, 'stats')?.querySelector('[data-stat="transport"]')?.textContent;
    expect(transport()).to.equal('livekit');
    await waitFor('latency in the panel', () => part(player, 'stats')?.querySelector('[data-stat="latency"]'), 5000);
    await waitFor('a viewer count', () => player.viewers, 5000);
  });

  it('falls back to src when the token endpoint fails, with a live-fallback event', async () => {
    const src = await masterUrl(channel('lk-fallback'));
    const lk = await liveKitPart();
    const fallbacks: CustomEvent[] = [];
    const player = addPlayer({
      ...(await liveKitAttributes({ 'token-url': `${lk.tokenUrl}?fail=500` })),
      src,
      debug: true,
    });
    player.addEventListener('live-fallback', (e) => fallbacks.push(e as CustomEvent));
    await waitForState(player, 'playing', 45_000);
    expect(fallbacks).to.have.length(1);
    expect(fallbacks[0]!.detail.reason.code).to.equal('token');
    expect(player.metrics.transport).to.equal('hls');
    await waitFor(
      'the panel to say hls',
      () => part(player, 'stats')?.querySelector('[data-stat="transport"]')?.textContent === 'hls',
      5000,
    );
  });

  it('shows the error overlay when LiveKit is the only source, and Retry plays', async () => {
    const lk = await liveKitPart();
    await fetch(`${lk.controlUrl}/token-mode`, { method: 'POST', body: JSON.stringify({ fail: '401', times: 1 }) });
    const errors: CustomEvent[] = [];
    const player = addPlayer(await liveKitAttributes());
    player.addEventListener('live-error', (e) => errors.push(e as CustomEvent));
    await waitForState(player, 'error', 15_000);
    expect(errors[0]!.detail.error.code).to.equal('token');
    const overlay = part(player, 'error');
    expect(isShown(overlay)).to.equal(true);
    const retry = part(player, 'retry-button')!;
    expect(isShown(retry)).to.equal(true);
    await clickLikeAUser(retry);
    await waitForState(player, 'playing', 30_000);
    expect(isShown(part(player, 'error'))).to.equal(false);
  });

  it('follows a change of room attributes, and takes a token attribute', async () => {
    const lk = await liveKitPart();
    const response = await fetch(lk.tokenUrl, { method: 'POST', body: JSON.stringify({ room: lk.room }) });
    const { token } = await response.json();
    const player = addPlayer({ 'livekit-url': lk.wsUrl, token, autoplay: true, muted: true });
    await waitForState(player, 'playing', 30_000);
    expect(player.hasAttribute('token')).to.equal(true); // as the page set it; the element never reflects it
    player.setAttribute('room', lk.emptyRoom);
    player.removeAttribute('token');
    player.setAttribute('token-url', lk.tokenUrl);
    await waitForState(player, 'waiting', 15_000); // nobody publishes in the empty room
  });

  it('hybrid mode: HLS video, cues over LiveKit data', async () => {
    const src = await masterUrl(channel('lk-hybrid'));
    const player = addPlayer({ ...(await liveKitAttributes({ 'livekit-mode': 'data' })), src });
    const cues: string[] = [];
    player.addEventListener('live-cue', (e) => cues.push((e as CustomEvent).detail.cue.id));
    await waitForState(player, 'playing', 45_000);
    expect(player.metrics.transport).to.equal('hls');
    await waitFor(
      'a cue over LiveKit data',
      async () => {
        await control('data', {
          topic: CUE_TOPIC,
          payload: JSON.stringify({ v: 1, id: 'hybrid-el', type: 'widget.show' }),
        });
        await new Promise((r) => setTimeout(r, 300));
        return cues.includes('hybrid-el');
      },
      15_000,
    );
    await waitFor('a viewer count', () => player.viewers, 5000);
  });

  it('closes the PeerConnections and leaves the room when removed from the page', async () => {
    const created: RTCPeerConnection[] = [];
    const Original = window.RTCPeerConnection;
    window.RTCPeerConnection = class extends Original {
      constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
        super(...args);
        created.push(this);
      }
    } as typeof RTCPeerConnection;
    try {
      const player = addPlayer(await liveKitAttributes());
      await waitForState(player, 'playing', 30_000);
      const video = videoOf(player);
      // Firefox can report the first frame a moment before connectionState reads 'connected'.
      await waitFor('a connected PeerConnection', () => created.some((pc) => pc.connectionState === 'connected'), 5000);
      player.remove();
      await waitFor('every PeerConnection closed', () => created.every((pc) => pc.signalingState === 'closed'), 5000);
      expect(video.srcObject).to.equal(null);
    } finally {
      window.RTCPeerConnection = Original;
    }
  });
});
