// <live-group-qr> in real Chromium: the QR code read back to the exact link, phone and WeChat
// variants, pool rotation and every pool failure against the shop-api test server, hostile links, axe.
import { expect } from '@esm-bundle/chai';
import '../define.js';
import { environment } from '../shared/environment.js';
import {
  $,
  captureConsoleErrors,
  clearLivehookStorage,
  createShop,
  decodeQrImage,
  expectAccessible,
  fixture,
  recordEvents,
  shadow,
  textOf,
  until,
} from '../test/helpers.js';
import type { LiveGroupQr } from './live-group-qr.js';

const realEnvironment = { ...environment };
const qrImage = (el: Element) => $(el, 'img[part="qr"]') as HTMLImageElement | null;
const ready = (el: LiveGroupQr, timeout = 15_000) =>
  until(() => el.state === 'ready' && qrImage(el), 'QR ready', timeout);

describe('<live-group-qr>', () => {
  let recorder: ReturnType<typeof recordEvents>;
  beforeEach(() => {
    clearLivehookStorage();
    recorder = recordEvents();
  });
  afterEach(() => {
    recorder.stop();
    Object.assign(environment, realEnvironment);
    for (const el of document.querySelectorAll('live-group-qr')) el.remove();
  });

  it('draws a QR code that reads back to the exact href, as an <img>', async () => {
    for (const href of [
      'https://chat.whatsapp.com/F7x9KqLmN2pQ3rS4tU5vW6',
      'https://work.weixin.qq.com/ca/cawcde1234567890abcdef?customer_channel=live_0312',
      'https://line.me/R/ti/g/AbCdEfGhIj',
      'https://t.me/+AbCdEfGh-IjKlMnO',
    ]) {
      const el = await fixture<LiveGroupQr>(
        `<live-group-qr href="${href}" headline="Join our fan group" reward-label="15% OFF"></live-group-qr>`,
      );
      const img = (await ready(el)) as HTMLImageElement;
      expect(img.src.startsWith('data:image/png;base64,')).to.equal(true);
      expect(img.alt).to.equal('QR code to join the fan group');
      expect(await decodeQrImage(img), href).to.equal(href);
      el.remove();
    }
  });

  it('offers the link on a desktop, and reports when it is opened', async () => {
    environment.isPhone = () => false;
    environment.isWeChat = () => false;
    const href = 'https://t.me/+DesktopGroup';
    const el = await fixture<LiveGroupQr>(`<live-group-qr id="fans" room="r9" href="${href}"></live-group-qr>`);
    await ready(el);
    await el.updateComplete;
    expect($(el, '[part="hint"]')!.textContent).to.equal('Scan with your phone to join');
    const link = $(el, '[part="open-button"]') as HTMLAnchorElement;
    expect(link.href).to.equal(href);
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.contain('noopener');
    await expectAccessible(el, 'ready (desktop)');
    const stop = (e: Event) => e.preventDefault();
    document.addEventListener('click', stop);
    link.click();
    document.removeEventListener('click', stop);
    const opened = recorder.events.find((e) => e.type === 'live-group-opened')!;
    expect(opened.detail.type).to.equal('group.opened');
    expect(opened.detail.room).to.equal('r9');
    expect(opened.detail.data).to.include({ widget: 'group-qr', element: 'fans', href, via: 'link' });
  });

  it('gives phones an open button, and WeChat a long-press hint', async () => {
    environment.isPhone = () => true;
    environment.isWeChat = () => false;
    const phone = await fixture<LiveGroupQr>('<live-group-qr href="https://chat.whatsapp.com/Phone"></live-group-qr>');
    await ready(phone);
    await phone.updateComplete;
    expect($(phone, '[part="open-button"]')!.className).to.contain('primary');
    expect($(phone, '[part="hint"]'), 'no "scan" hint on the phone itself').to.equal(null);

    environment.isWeChat = () => true;
    const wechat = await fixture<LiveGroupQr>(
      `<live-group-qr src="${(await createShop('img')).imageUrl}"></live-group-qr>`,
    );
    await until(() => wechat.state === 'ready', 'image ready');
    await wechat.updateComplete;
    expect($(wechat, '[part="hint"]')!.textContent).to.equal('Long-press the QR code to join');
    expect(qrImage(wechat)!.alt).to.equal('Fan group QR code');
    expect($(wechat, '[part="open-button"]'), 'an image has no link to open').to.equal(null);

    const zh = await fixture<LiveGroupQr>(
      `<live-group-qr lang="zh-CN" src="${(await createShop('img')).imageUrl}"></live-group-qr>`,
    );
    await until(() => zh.state === 'ready', 'zh ready');
    await zh.updateComplete;
    expect($(zh, '[part="hint"]')!.textContent).to.equal('长按识别二维码入群');
    expect(textOf(zh)).to.contain('加入粉丝群');
  });

  it('rotates groups from pool-url as they expire', async () => {
    const shop = await createShop('pool-rotate');
    const a = 'https://chat.whatsapp.com/GroupA-full-soon';
    const b = 'https://chat.whatsapp.com/GroupB-fresh';
    await shop.control({
      pool: [
        { href: a, ttlMs: 2000 },
        { href: b, ttlMs: 600_000 },
      ],
    });
    const el = await fixture<LiveGroupQr>(`<live-group-qr pool-url="${shop.url('pool')}"></live-group-qr>`);
    expect(el.state).to.equal('loading');
    await ready(el);
    expect(await decodeQrImage(qrImage(el)!)).to.equal(a);
    expect(el.currentGroup!.expiresAt).to.be.a('number');
    await until(() => el.currentGroup?.href === b, 'rotated to group B', 10_000);
    await ready(el);
    await until(async () => qrImage(el)!.src && (await decodeQrImage(qrImage(el)!)) === b, 'QR of group B');
    expect(await decodeQrImage(qrImage(el)!)).to.equal(b);
    const log = await shop.log();
    expect(log.map((e) => `${e.endpoint}:${e.method}:${e.outcome}`)).to.deep.equal([
      'pool:GET:group-0',
      'pool:GET:group-1',
    ]);
    expect(textOf(el)).to.contain('QR code valid until');
  });

  it('shows an uploaded group image from the pool', async () => {
    const shop = await createShop('pool-image');
    await shop.control({ pool: [{ image: shop.imageUrl, ttlMs: 600_000 }] });
    const el = await fixture<LiveGroupQr>(`<live-group-qr pool-url="${shop.url('pool')}"></live-group-qr>`);
    await until(() => el.state === 'ready' && qrImage(el), 'image');
    expect(qrImage(el)!.src).to.equal(shop.imageUrl);
  });

  it('shows a retry state for every pool failure, and recovers', async () => {
    const cases = [
      { mode: 'refuse', tries: 1, text: "isn't available" },
      { mode: 'error', tries: 3, text: 'went wrong on our side' },
      { mode: 'garbage', tries: 1, text: 'Something went wrong' },
      { mode: 'wrong-shape', tries: 1, text: 'Something went wrong' },
      { mode: 'hang', tries: 3, text: 'took too long' },
    ];
    for (const { mode, tries, text } of cases) {
      const shop = await createShop(`pool-${mode}`);
      await shop.fault('pool', mode);
      const el = await fixture<LiveGroupQr>(
        `<live-group-qr pool-url="${shop.url('pool')}" timeout="0.6"></live-group-qr>`,
      );
      await until(() => el.state === 'error', `${mode}: error`, 20_000);
      await el.updateComplete;
      expect(textOf(el), mode).to.contain(text);
      expect(qrImage(el), mode).to.equal(null);
      expect((await shop.log()).length, mode).to.equal(tries);
      if (mode === 'error') await expectAccessible(el, 'error');
      await shop.fault('pool', null);
      (shadow(el).querySelector('[part="error"] button') as HTMLButtonElement).click();
      await ready(el);
      el.remove();
    }
  });

  it('refuses a pool answer with a javascript: link', async () => {
    const shop = await createShop('pool-hostile');
    await shop.control({ pool: [{ href: 'javascript:alert(1)', ttlMs: 600_000 }] });
    const errors = await captureConsoleErrors(async () => {
      const el = await fixture<LiveGroupQr>(`<live-group-qr pool-url="${shop.url('pool')}"></live-group-qr>`);
      await until(() => el.state === 'error', 'error');
      expect(shadow(el).querySelector('a[href^="javascript"]')).to.equal(null);
      expect(qrImage(el)).to.equal(null);
    });
    expect(errors.some((m) => m.includes('href from pool-url refused'))).to.equal(true);
  });

  it('refuses javascript:, data: and 10 kB links with a console error and renders text as text', async () => {
    for (const href of [
      'javascript:alert(document.cookie)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      `https://x.example/${'a'.repeat(10_000)}`,
    ]) {
      const errors = await captureConsoleErrors(async () => {
        const el = await fixture<LiveGroupQr>('<live-group-qr></live-group-qr>');
        el.setAttribute('href', href);
        await el.updateComplete;
        expect($(el, '[part="placeholder"]'), href.slice(0, 30)).to.exist;
        expect(qrImage(el)).to.equal(null);
        expect(shadow(el).querySelector('a')).to.equal(null);
        el.remove();
      });
      expect(
        errors.some((m) => m.includes('<live-group-qr>: href refused')),
        href.slice(0, 30),
      ).to.equal(true);
    }
    const el = await fixture<LiveGroupQr>('<live-group-qr href="https://t.me/ok"></live-group-qr>');
    el.setAttribute('headline', `<img src=x onerror="window.hacked=1">${'长'.repeat(10_000)}`);
    el.setAttribute('benefit', '<b>bold</b>');
    await ready(el);
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('img').length).to.equal(1); // the QR code only
    expect(shadow(el).querySelector('b')).to.equal(null);
    expect($(el, '[part="headline"]')!.textContent!.trim().length).to.be.lessThan(300);
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
    await expectAccessible(el, 'hostile text');
  });

  it('shows a sample in preview, without requests', async () => {
    const plain = await fixture<LiveGroupQr>('<live-group-qr preview></live-group-qr>');
    expect($(plain, '[part="placeholder"]'), 'still says what to set').to.exist;
    const el = await fixture<LiveGroupQr>(
      '<live-group-qr preview="ready" pool-url="https://shop.example/pool"></live-group-qr>',
    );
    await ready(el);
    expect(recorder.types()).to.deep.equal([]);
    const loading = await fixture<LiveGroupQr>('<live-group-qr preview="loading"></live-group-qr>');
    await expectAccessible(loading, 'loading');
  });
});
