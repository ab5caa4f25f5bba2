// What a viewer touches and reads: keyboard, languages, slots, attributes, and markup that strict CSP allows.
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { registerLocale } from '../i18n/locale.js';
import {
  addPlayer,
  captureConsoleErrors,
  channel,
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
import type { LivePlayer } from './live-player.js';

function expectNoInlineStyles(player: LivePlayer): void {
  const root = player.shadowRoot!;
  expect(root.querySelectorAll('[style]').length, 'style attributes in the shadow root').to.equal(0);
  expect(root.querySelectorAll('style').length, '<style> elements in the shadow root').to.equal(0);
  expect(root.adoptedStyleSheets.length).to.be.greaterThan(0);
}

const overlap = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('<live-player> UI', function () {
  this.timeout(120_000);

  before(async function () {
    this.timeout(180_000);
    await hlsOrigin();
  });

  afterEach(() => removePlayers());

  it('is keyboard operable: Space and K play/pause, M mutes, arrows set the volume, Escape closes the menu', async () => {
    const player = addPlayer({ src: await masterUrl(channel('keys')), autoplay: true, muted: true, controls: true });
    await waitForState(player, 'playing');
    await waitFor('qualities', () => player.qualities.length > 1);
    await waitForControls(player);
    const video = videoOf(player);
    const play = part(player, 'play-button')!;
    play.focus();
    expect(play.getAttribute('aria-label')).to.equal('Pause');

    await sendKeys({ press: ' ' }); // the focused button's own Space (' ' in every launcher): one toggle, not two
    await waitForState(player, 'paused');
    expect(player.hasAttribute('paused')).to.equal(true);
    expect(play.getAttribute('aria-label')).to.equal('Play');
    await sendKeys({ press: 'k' });
    await waitForState(player, 'playing');

    expect(video.muted).to.equal(true);
    await sendKeys({ press: 'm' });
    await waitFor('unmuted', () => !video.muted);
    expect(part(player, 'mute-button')!.getAttribute('aria-label')).to.equal('Mute');
    const volume = video.volume;
    await sendKeys({ press: 'ArrowDown' });
    await waitFor('quieter', () => Math.abs(video.volume - (volume - 0.1)) < 0.001);
    // Close, not equal: WebKit keeps volume as a 32-bit float (0.8999999761581421), the slider says 0.9.
    expect(Number(part<HTMLInputElement>(player, 'volume-slider')!.value)).to.be.closeTo(video.volume, 0.001);

    const menuButton = part(player, 'quality-button')!;
    menuButton.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor('the menu', () => isShown(part(player, 'quality-menu')));
    const items = [...player.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitemradio"]')];
    expect(player.shadowRoot!.activeElement).to.equal(items[0]); // Auto, the checked one
    await sendKeys({ press: 'ArrowDown' });
    expect(player.shadowRoot!.activeElement).to.equal(items[1]);
    await sendKeys({ press: 'Escape' });
    await waitFor('the menu to close', () => !isShown(part(player, 'quality-menu')));
    await waitFor('focus back on the menu button', () => player.shadowRoot!.activeElement === menuButton);
    expect(menuButton.getAttribute('aria-expanded')).to.equal('false');
    expect(player.state).to.equal('playing');

    // A live region says what happens, politely.
    const status = player.shadowRoot!.querySelector('[role="status"]')!;
    expect(status.textContent!.trim()).to.equal('Playing live');
  });

  it('speaks Simplified Chinese from its own or an ancestor’s lang, and learns languages from registerLocale', async () => {
    const errors = captureConsoleErrors();
    try {
      const own = addPlayer({ lang: 'zh-CN', src: 'javascript:0', controls: true });
      await waitForState(own, 'error');
      // Chinese is fetched on demand and a bad src fails at once: the text follows as soon as the strings arrive.
      await waitFor('Chinese strings', () => part(own, 'error')!.textContent!.includes('直播暂时无法播放'), 5000);
      expect(part(own, 'retry-button')!.textContent!.trim()).to.equal('重试');

      const wrapper = document.createElement('div');
      wrapper.lang = 'zh-Hans-CN';
      document.body.append(wrapper);
      const inherited = addPlayer({ src: 'javascript:0' }, wrapper);
      await waitForState(inherited, 'error');
      expect(part(inherited, 'retry-button')!.textContent!.trim()).to.equal('重试');
      wrapper.remove();

      registerLocale('ja', { retry: '再試行' });
      own.lang = 'ja';
      await waitFor('Japanese', () => part(own, 'retry-button')!.textContent!.trim() === '再試行');
      expect(part(own, 'error')!.textContent).to.contain('Can’t play the live stream'); // the rest falls back to English
    } finally {
      errors.restore();
    }

    const zh = addPlayer({
      lang: 'zh-CN',
      src: await masterUrl(channel('zh')),
      autoplay: true,
      muted: true,
      controls: true,
    });
    await waitForState(zh, 'playing');
    expect(part(zh, 'live-badge')!.textContent!.trim()).to.equal('直播中');
    expect(part(zh, 'play-button')!.getAttribute('aria-label')).to.equal('暂停');
  });

  it('puts slotted widgets over the video without covering the controls', async () => {
    const player = addPlayer({ src: await masterUrl(channel('slots')), autoplay: true, muted: true, controls: true });
    const widget = (slot: string) => {
      const el = document.createElement('div');
      el.textContent = slot;
      if (slot !== 'default') el.slot = slot;
      // The default slot's widget fills all the room it is given.
      el.style.cssText = `background: rgb(0 0 0 / .5); color: white; padding: 8px; box-sizing: border-box; ${slot === 'default' ? 'height: 100%' : ''}`;
      player.append(el);
      return el;
    };
    const [topStart, topEnd, sheet, main] = ['top-start', 'top-end', 'bottom-sheet', 'default'].map(widget);
    await waitForState(player, 'playing');
    const bar = (await waitForControls(player)).getBoundingClientRect();
    const box = player.getBoundingClientRect();
    for (const el of [topStart!, topEnd!, sheet!, main!]) {
      const r = el.getBoundingClientRect();
      expect(r.height, el.textContent!).to.be.greaterThan(0);
      expect(
        overlap(r, bar),
        `${el.textContent} ${JSON.stringify(r)} covers the controls ${JSON.stringify(bar)}`,
      ).to.equal(false);
      expect(r.top >= box.top && r.bottom <= box.bottom, `${el.textContent} inside the player`).to.equal(true);
    }
    expect(topStart!.getBoundingClientRect().left).to.be.lessThan(topEnd!.getBoundingClientRect().left);
    expect(sheet!.getBoundingClientRect().bottom).to.be.at.most(bar.top);
    // A tap on a widget lands on the widget, not on the player's layers.
    for (const el of [topStart!, topEnd!, sheet!, main!]) {
      const r = el.getBoundingClientRect();
      expect(document.elementFromPoint(r.left + 4, r.top + 4), el.textContent!).to.equal(el);
    }
  });

  it('reflects only what CSS needs, never URLs or tokens; needs no inline styles (strict CSP)', async () => {
    const src = await masterUrl(channel('attrs'));
    const player = addPlayer({ autoplay: true, muted: true, controls: true });
    player.src = src;
    player.token = 'secret-token';
    player.tokenUrl = 'https://shop.example/token';
    const seen: string[] = [];
    document.addEventListener('live-statechange', (e) => seen.push(e.detail.state));
    await waitForState(player, 'playing');
    expect(seen).to.include('playing'); // bubbled and composed up to the document
    for (const name of ['src', 'token', 'token-url']) expect(player.hasAttribute(name), name).to.equal(false);
    expect(player.getAttribute('state')).to.equal('playing');
    expect(player.hasAttribute('paused')).to.equal(false);
    expectNoInlineStyles(player);
    player.pause();
    await waitForState(player, 'paused');
    expect(player.hasAttribute('paused')).to.equal(true);
    expectNoInlineStyles(player);
  });

  it('without the controls attribute shows no control bar, but still the prompts a viewer needs', async () => {
    const player = addPlayer({ src: await masterUrl(channel('bare')) });
    await waitForState(player, 'paused');
    expect(part(player, 'controls')).to.equal(null);
    expect(isShown(part(player, 'tap-to-play'))).to.equal(true);
    player.controls = true;
    await waitFor('the control bar', () => isShown(part(player, 'controls')));
  });
  it('loads the debug stats panel only when asked, styled over the video like the rest of the player', async () => {
    const player = addPlayer({ src: await masterUrl(channel('debug')), autoplay: true, muted: true });
    await waitForState(player, 'playing');
    expect(part(player, 'stats')).to.equal(null);
    player.debug = true;
    await waitFor('the stats panel', () => isShown(part(player, 'stats')), 5000);
    const panel = part(player, 'stats')!;
    expect(getComputedStyle(panel).position).to.equal('absolute'); // its stylesheet was adopted with it
    expect(panel.querySelector('[data-stat="transport"]')?.textContent).to.equal('hls');
    await waitFor('a bitrate', () => panel.querySelector('[data-stat="bitrate"]')?.textContent?.endsWith('kbps'), 5000);
    expectNoInlineStyles(player);
    player.debug = false;
    await waitFor('the panel gone', () => part(player, 'stats') === null, 5000);
  });
});
