// <live-player> with a LiveKit source in a browser without WebRTC: Debian's WebKitGTK has none, and Chromium and
// Firefox have it taken away for the test. The player falls back to its HLS src, says why, and plays; it never
// downloads livekit-client or asks for a token it cannot use. Runs in every engine (no LiveKit server needed).
import { expect } from '@esm-bundle/chai';
import {
  addPlayer,
  channel,
  framesMoving,
  hlsOrigin,
  masterUrl,
  removePlayers,
  videoOf,
  waitFor,
  waitForState,
} from '../test/fixture.js';

describe('<live-player> without WebRTC', function () {
  this.timeout(120_000);

  before(async function () {
    this.timeout(180_000);
    await hlsOrigin();
  });

  afterEach(() => removePlayers());

  it('falls back from LiveKit to the HLS src with an "unsupported" reason, and plays', async () => {
    const src = await masterUrl(channel('no-webrtc'));
    const tokenUrl = `${location.origin}/no-such-token-endpoint`;
    const fallbacks: CustomEvent[] = [];
    const saved = window.RTCPeerConnection;
    // @ts-expect-error a browser without WebRTC (already so in WebKitGTK)
    window.RTCPeerConnection = undefined;
    let player: ReturnType<typeof addPlayer>;
    try {
      player = addPlayer({
        'livekit-url': 'ws://127.0.0.1:9',
        'token-url': tokenUrl,
        room: 'demo',
        src,
        autoplay: true,
        muted: true,
      });
      player.addEventListener('live-fallback', (e) => fallbacks.push(e as CustomEvent));
      await waitFor('a fallback', () => fallbacks.length > 0, 10_000);
    } finally {
      window.RTCPeerConnection = saved;
    }
    expect(fallbacks[0]!.detail.reason.code).to.equal('unsupported');
    expect(fallbacks[0]!.detail.reason.message).to.match(/no WebRTC/);
    await waitForState(player, 'playing');
    expect(await framesMoving(videoOf(player), 5)).to.equal(true);
    expect(player.metrics.transport).to.equal('hls');
    const fetched = performance.getEntriesByType('resource').map((e) => e.name);
    expect(
      fetched.filter((url) => url.includes('no-such-token-endpoint')),
      'token requests',
    ).to.deep.equal([]);
  });
});
