// The CDN build is what a shop pastes: one <script type="module">. Prove it defines the element,
// keeps hls.js out of the first download, and survives being loaded twice.
import { expect } from '@esm-bundle/chai';

const cdnUrl = new URL('../dist/cdn/live-player.js', import.meta.url).href;

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`failed to load ${src}`));
    document.head.append(script);
  });
}

describe('CDN build', () => {
  it('defines <live-player> from a plain module script, without fetching hls.js', async () => {
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
    window.addEventListener('error', onError);
    await loadScript(cdnUrl);
    await customElements.whenDefined('live-player');
    expect(customElements.get('live-player')).to.be.a('function');
    const fetched = performance.getEntriesByType('resource').map((e) => e.name);
    expect(fetched.some((name) => /chunks\/hls[.-]/.test(name))).to.equal(false);

    // A second copy of the script (a theme that pastes the snippet twice) must not throw.
    await loadScript(`${cdnUrl}?again`);
    window.removeEventListener('error', onError);
    expect(errors).to.deep.equal([]);
  });
});
