// <live-coupon> in real Chromium: opened by the host's cue, time and stock left, an idempotent claim
// against the shop-api test server, sold out, expired, every claim failure, hostile input, axe.
import { expect } from '@esm-bundle/chai';
import '../define.js';
import {
  $,
  captureConsoleErrors,
  clearLivehookStorage,
  createShop,
  expectAccessible,
  type FakePlayer,
  fixture,
  recordEvents,
  shadow,
  textOf,
  until,
} from '../test/helpers.js';
import type { LiveCoupon } from './live-coupon.js';

type Shop = Awaited<ReturnType<typeof createShop>>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function couponInPlayer(shop: Shop, extra = '') {
  const player = await fixture<FakePlayer>(`<fake-player id="p-${shop.id}"></fake-player>`);
  player.room = 'room-c';
  const el = await fixture<LiveCoupon>(
    `<live-coupon id="flash" for="p-${shop.id}" claim-url="${shop.url('claim')}" headline="First 50 orders get a gift"
      detail="Orders over ¥500 · 10 minutes only" reward-label="¥100 OFF" ${extra}></live-coupon>`,
  );
  return { player, el };
}

const claimButton = (el: Element) => $(el, '[part="claim-button"]') as HTMLButtonElement;

describe('<live-coupon>', () => {
  let recorder: ReturnType<typeof recordEvents>;
  beforeEach(() => {
    clearLivehookStorage();
    recorder = recordEvents();
  });
  afterEach(() => {
    recorder.stop();
    for (const el of document.querySelectorAll('live-coupon, fake-player')) el.remove();
  });

  it('says what to set when nothing is configured', async () => {
    const el = await fixture<LiveCoupon>('<live-coupon></live-coupon>');
    expect(textOf(el)).to.contain('claim-url');
    await expectAccessible(el, 'placeholder');
  });

  it('opens on the host cue with time and stock left, and claims once per viewer', async () => {
    const shop = await createShop('coupon-flow');
    await shop.control({ coupon: { id: 'gift50', stock: 3 } });
    const { player, el } = await couponInPlayer(shop);
    await sleep(200);
    expect(el.open, 'waits for the cue').to.equal(false);
    player.cue({
      id: 'k1',
      type: 'widget.show',
      target: 'flash',
      data: { coupon: 'gift50', duration: 600, remaining: 3, total: 50 },
    });
    await until(() => el.open, 'opened by cue');
    await el.updateComplete;
    expect(el.state).to.equal('open');
    expect($(el, '[part="time-left"]')!.textContent).to.match(/Ends in (9:5\d|10:00)/);
    expect($(el, '[part="stock"]')!.textContent).to.contain('3 left');
    expect(textOf(el)).to.contain('¥100 OFF').and.to.contain('First 50 orders get a gift');
    await expectAccessible(el, 'open');

    claimButton(el).click();
    await el.updateComplete;
    expect(el.state).to.equal('claiming');
    await until(() => el.state === 'claimed', 'claimed');
    await el.updateComplete;
    expect($(el, '[part="code"]')!.textContent).to.equal('FLASH-1');
    await expectAccessible(el, 'claimed');

    const claimed = recorder.events.find((e) => e.type === 'live-coupon-claimed')!;
    expect(claimed.detail.type).to.equal('coupon.claimed');
    expect(claimed.detail.room).to.equal('room-c');
    expect(claimed.detail.data).to.include({ widget: 'coupon', coupon: 'gift50', remaining: 2 });

    // "Reload": the same viewer claims again and gets the same answer; the stock drops once.
    el.remove();
    player.remove();
    const { player: p2, el: again } = await couponInPlayer(shop);
    p2.cue({ id: 'k2', type: 'widget.show', target: 'flash', data: { coupon: 'gift50', duration: 600 } });
    await until(() => again.open, 'opened again');
    await again.claim();
    expect(again.state).to.equal('claimed');
    await again.updateComplete;
    expect($(again, '[part="code"]')!.textContent).to.equal('FLASH-1');
    const state = await shop.state();
    expect(state.coupons.gift50).to.deep.equal({ stock: 2, claims: 1 });
    const claims = state.log.filter((e) => e.endpoint === 'claim');
    expect(claims).to.have.length(2);
    expect(claims[0]!.viewer).to.equal(claims[1]!.viewer);
    expect(claims[0]!.idempotencyKey).to.equal(`${claims[0]!.viewer}:gift50`);
    expect(claims[0]!.body).to.include({ coupon: 'gift50', room: 'room-c', viewer: claims[0]!.viewer });
  });

  it('is sold out when the server says so, or a cue says none are left', async () => {
    const shop = await createShop('coupon-soldout');
    await shop.control({ coupon: { id: 'c0', stock: 0 } });
    const { player, el } = await couponInPlayer(shop, 'coupon="c0"');
    player.cue({ id: 's1', type: 'widget.show', target: 'flash', data: { duration: 300 } });
    await until(() => el.open, 'open');
    claimButton(el).click();
    await until(() => el.state === 'soldout', 'sold out');
    await el.updateComplete;
    expect(textOf(el)).to.contain('All gone');
    expect(claimButton(el)).to.equal(null);
    await expectAccessible(el, 'soldout');
    expect(recorder.types().filter((t) => t === 'live-coupon-soldout')).to.have.length(1);

    // A new offer by cue replaces the sold-out one; a later cue with remaining: 0 sells it out live.
    player.cue({ id: 's2', type: 'widget.show', target: 'flash', data: { coupon: 'c1', duration: 300, remaining: 5 } });
    await until(() => el.state === 'open' && el.couponId === 'c1', 'new offer');
    player.cue({ id: 's3', type: 'widget.show', target: 'flash', data: { coupon: 'c1', remaining: 0 } });
    await until(() => el.state === 'soldout', 'sold out by cue');
    expect(recorder.types().filter((t) => t === 'live-coupon-soldout')).to.have.length(2);
  });

  it('expires when its time is up, and hides on the hide cue', async () => {
    const shop = await createShop('coupon-expire');
    await shop.control({ coupon: { id: 'late', stock: 10, status: 'expired' } });
    const { player, el } = await couponInPlayer(shop, 'coupon="quick"');
    player.cue({ id: 'e1', type: 'widget.show', target: 'flash', data: { duration: 1.5 } });
    await until(() => el.open, 'open');
    await until(() => el.state === 'expired', 'expired', 5000);
    await el.updateComplete;
    expect(textOf(el)).to.contain('This offer has ended');
    expect(claimButton(el)).to.equal(null);
    await expectAccessible(el, 'expired');

    // The server may say expired too.
    player.cue({ id: 'e2', type: 'widget.show', target: 'flash', data: { coupon: 'late', duration: 300 } });
    await until(() => el.state === 'open', 'reopened');
    claimButton(el).click();
    await until(() => el.state === 'expired', 'expired by server');

    player.cue({ id: 'e3', type: 'widget.hide', target: 'flash' });
    await until(() => !el.open, 'hidden by cue');
  });

  it('shows a retry state for every claim failure and recovers without a double claim', async () => {
    const cases = [
      { mode: 'refuse', tries: 1, text: "isn't available" },
      { mode: 'error', tries: 3, text: 'went wrong on our side' },
      { mode: 'garbage', tries: 1, text: 'Something went wrong' },
      { mode: 'wrong-shape', tries: 1, text: 'Something went wrong' },
      { mode: 'hang', tries: 3, text: 'took too long' },
    ];
    for (const { mode, tries, text } of cases) {
      const shop = await createShop(`claim-${mode}`);
      await shop.control({ coupon: { id: 'x', stock: 5 } });
      await shop.fault('claim', mode);
      const el = await fixture<LiveCoupon>(
        `<live-coupon trigger="load" coupon="x" claim-url="${shop.url('claim')}" timeout="0.6"></live-coupon>`,
      );
      await until(() => el.open, 'open');
      await el.updateComplete;
      claimButton(el).click();
      await until(() => el.state === 'error', `${mode} error`, 20_000);
      await el.updateComplete;
      expect(textOf(el), mode).to.contain(text);
      expect((await shop.log()).length, mode).to.equal(tries);
      if (mode === 'error') await expectAccessible(el, 'error');
      await shop.fault('claim', null);
      (shadow(el).querySelector('[part="error"] button') as HTMLButtonElement).click();
      await until(() => el.state === 'claimed', `${mode} claimed on retry`, 20_000);
      const { coupons, log } = await shop.state();
      // Even a claim the server kept (a hang after processing) counts once: one viewer, one key.
      expect(coupons.x!.claims, mode).to.equal(1);
      expect(new Set(log.map((e) => e.idempotencyKey)).size, mode).to.equal(1);
      el.remove();
    }
  });

  it('ignores invalid cue data and renders cue text as text', async () => {
    const shop = await createShop('coupon-hostile');
    await shop.control({ coupon: { id: 'h', stock: 5 } });
    const { player, el } = await couponInPlayer(shop, 'coupon="h"');
    player.cue({
      id: 'h1',
      type: 'widget.show',
      target: 'flash',
      data: {
        remaining: -5,
        total: 'many',
        endsAt: 'tomorrow-ish',
        headline: `<img src=x onerror="window.hacked=1">${'y'.repeat(10_000)}`,
      },
    });
    await until(() => el.open, 'open');
    await el.updateComplete;
    expect(el.remaining).to.equal(undefined);
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect($(el, '[part="headline"]')!.textContent!.trim().length).to.be.lessThan(300);
    expect(el.state).to.equal('open');
    const errors = await captureConsoleErrors(async () => {
      const bad = await fixture<LiveCoupon>(
        '<live-coupon trigger="load" coupon="h" claim-url="javascript:alert(1)"></live-coupon>',
      );
      expect($(bad, '[part="placeholder"]')).to.exist;
    });
    expect(errors.some((m) => m.includes('claim-url refused'))).to.equal(true);
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
  });

  it('speaks Simplified Chinese', async () => {
    const el = await fixture<LiveCoupon>(
      '<live-coupon lang="zh-CN" preview="open" coupon="p" claim-url="https://shop.example/claim"></live-coupon>',
    );
    expect(textOf(el)).to.contain('限时福利').and.to.contain('立即领取').and.to.contain('仅剩 12 份');
    await expectAccessible(el, 'zh preview');
  });
});
