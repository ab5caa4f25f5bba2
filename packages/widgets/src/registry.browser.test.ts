// Importing the package defines nothing; defineWidgets() and the define entry do, safely twice.
import { expect } from '@esm-bundle/chai';
import { defineWidgets, LiveCoupon, WIDGET_ELEMENTS } from './index.js';

describe('registration', () => {
  it('has no side effects on import', () => {
    for (const tag of Object.keys(WIDGET_ELEMENTS)) expect(customElements.get(tag), tag).to.equal(undefined);
  });

  it('registers under a prefix, and twice is harmless', () => {
    defineWidgets({ prefix: 'shop' });
    defineWidgets({ prefix: 'shop' });
    for (const name of ['shop-follow-unlock', 'shop-group-qr', 'shop-countdown', 'shop-coupon']) {
      expect(customElements.get(name), name).to.be.a('function');
    }
    expect(document.createElement('shop-coupon')).to.be.instanceOf(LiveCoupon);
    expect(() => defineWidgets({ prefix: 'Bad Prefix' })).to.throw(/not a valid tag prefix/);
  });

  it('registers the live- names from the define entry', async () => {
    await import('./define.js');
    for (const tag of Object.keys(WIDGET_ELEMENTS)) expect(customElements.get(tag), tag).to.be.a('function');
    expect(customElements.get('live-coupon')).to.equal(LiveCoupon);
  });
});
