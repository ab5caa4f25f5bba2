// The CDN build is what a shop pastes: one <script type="module">. Prove it defines the five
// elements, keeps the QR encoder and rrule out of the first download, and survives loading twice.
import { expect } from '@esm-bundle/chai';

const cdnUrl = new URL('../dist/cdn/live-widgets.js', import.meta.url).href;

function loadModule(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`failed to load ${src}`));
    document.head.append(script);
  });
}

const chunks = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => name.includes('/dist/cdn/chunks/'));

describe('CDN build', () => {
  it('defines every widget from one module script, loading heavy parts only when used', async () => {
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
    window.addEventListener('error', onError);
    await loadModule(cdnUrl);
    for (const tag of ['live-follow-unlock', 'live-group-qr', 'live-countdown', 'live-coupon', 'live-analytics']) {
      await customElements.whenDefined(tag);
    }
    expect(chunks()).to.deep.equal([]);

    document.body.insertAdjacentHTML('beforeend', '<live-group-qr href="https://t.me/+Cdn"></live-group-qr>');
    const qr = document.querySelector('live-group-qr')!;
    const deadline = performance.now() + 10_000;
    while (!qr.shadowRoot?.querySelector('img[part="qr"]') && performance.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(qr.shadowRoot?.querySelector('img[part="qr"]')).to.exist;
    expect(chunks().some((name) => /lean-qr/.test(name))).to.equal(true);
    expect(chunks().some((name) => /rrule|esm-/.test(name))).to.equal(false);

    await loadModule(`${cdnUrl}?again`);
    window.removeEventListener('error', onError);
    expect(errors).to.deep.equal([]);
  });
});
