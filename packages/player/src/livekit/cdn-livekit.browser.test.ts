// The CDN build keeps livekit-client out of the first download: its chunk is fetched only when a player
// with a LiveKit source starts, and then it plays from the real livekit-server of the test bed.
import { expect } from '@esm-bundle/chai';
import { liveKitPart, waitFor } from '../../../core/src/test/livekit-testbed.js';

const cdnUrl = new URL('../../dist/cdn/live-player.js', import.meta.url).href;
const fetched = (pattern: RegExp) => performance.getEntriesByType('resource').some((e) => pattern.test(e.name));

describe('CDN build and LiveKit', function () {
  this.timeout(60_000);

  it('fetches livekit-client only when a LiveKit source starts', async () => {
    await new Promise<void>((resolve, reject) => {
      const script = Object.assign(document.createElement('script'), { type: 'module', src: cdnUrl });
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('the CDN build did not load'));
      document.head.append(script);
    });
    await customElements.whenDefined('live-player');
    // An HLS-less, LiveKit-less player on the page: still no livekit-client.
    const idle = document.createElement('live-player');
    document.body.append(idle);
    await new Promise((r) => setTimeout(r, 500));
    expect(fetched(/chunks\/livekit-client/)).to.equal(false);

    const lk = await liveKitPart();
    const player = document.createElement('live-player') as HTMLElement & { metrics: { transport?: string } };
    for (const [name, value] of Object.entries({ 'livekit-url': lk.wsUrl, 'token-url': lk.tokenUrl, room: lk.room })) {
      player.setAttribute(name, value);
    }
    player.toggleAttribute('autoplay', true);
    player.toggleAttribute('muted', true);
    player.style.width = '640px';
    document.body.append(player);
    try {
      await waitFor('playing', () => player.getAttribute('state') === 'playing', 30_000);
      expect(fetched(/chunks\/livekit-client/)).to.equal(true);
      expect(fetched(/chunks\/hls-/)).to.equal(false);
      expect(player.metrics.transport).to.equal('livekit');
    } finally {
      player.remove();
      idle.remove();
    }
  });
});
