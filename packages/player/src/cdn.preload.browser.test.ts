// A player already in the page when the CDN script runs: the HLS code is requested before the element is even
// defined (the entry's first statement), so it downloads while the rest of the entry is evaluated.
import { expect } from '@esm-bundle/chai';

const cdnUrl = new URL('../dist/cdn/live-player.js', import.meta.url).href;

describe('CDN build, player already in the page', () => {
  it('requests the HLS transport and the light hls.js before <live-player> is defined', async () => {
    const player = document.createElement('live-player');
    // Not started yet (404): the player waits politely; nothing here needs a stream to play.
    player.setAttribute('src', new URL('/not-started/master.m3u8', location.href).href);
    document.body.append(player);
    let definedAt = Number.NaN;
    const define = customElements.define.bind(customElements);
    // Firefox's clock has 1 ms steps: hold define back 30 ms, so "before define" and "from the element's own
    // connectedCallback" are far apart on any clock.
    const HOLD_MS = 30;
    customElements.define = (name, element, options) => {
      if (name === 'live-player') {
        definedAt = performance.now();
        while (performance.now() - definedAt < HOLD_MS);
      }
      define(name, element, options);
    };
    try {
      const script = document.createElement('script');
      script.type = 'module';
      script.src = cdnUrl;
      const loaded = new Promise((resolve, reject) => {
        script.onload = resolve;
        script.onerror = reject;
      });
      document.head.append(script);
      await loaded;
      await customElements.whenDefined('live-player');
      const started = (pattern: RegExp) =>
        performance.getEntriesByType('resource').find((e) => pattern.test(e.name))?.startTime ?? Number.NaN;
      // A resource is listed once it has arrived.
      for (let i = 0; i < 100 && Number.isNaN(started(/chunks\/hls\.light-/)); i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(started(/chunks\/hls-transport-/)).to.be.below(definedAt + HOLD_MS / 2);
      expect(started(/chunks\/hls\.light-/)).to.be.below(definedAt + HOLD_MS / 2);
      expect(Number.isNaN(started(/chunks\/hls-[\w-]{8}\.js/))).to.equal(true, 'the full hls.js build was fetched');
    } finally {
      customElements.define = define;
      player.remove();
    }
  });
});
