// The behaviour every widget shares, shown on <live-group-qr> (it needs no server): triggers, the tied
// player (by `for`, late, or by nesting), cues, frequency caps across reloads, the sheet's focus trap.
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import '../define.js';
import type { LiveGroupQr } from '../group-qr/live-group-qr.js';
import {
  $,
  clearLivehookStorage,
  expectAccessible,
  type FakePlayer,
  fixture,
  recordEvents,
  shadow,
  until,
} from '../test/helpers.js';
import { deepActiveElement } from './focus.js';

const HREF = 'https://chat.whatsapp.com/SharedBehaviour';
const cardOf = (el: Element) => $(el, '[part="card"]');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('shared widget behaviour', () => {
  let recorder: ReturnType<typeof recordEvents>;
  beforeEach(() => {
    clearLivehookStorage();
    recorder = recordEvents();
  });
  afterEach(() => {
    recorder.stop();
    for (const el of document.querySelectorAll('live-group-qr, fake-player, button.outside')) el.remove();
  });

  it('shows on load by default and reports the trigger', async () => {
    const el = await fixture<LiveGroupQr>(`<live-group-qr href="${HREF}"></live-group-qr>`);
    await until(() => el.open, 'open');
    expect(el.hasAttribute('open')).to.equal(true);
    expect(recorder.events[0]!.detail.data).to.include({ widget: 'group-qr', trigger: 'load' });
  });

  it('shows after `delay` seconds, and only through show() with `manual`', async () => {
    const delayed = await fixture<LiveGroupQr>(
      `<live-group-qr href="${HREF}" trigger="delay" delay="0.4"></live-group-qr>`,
    );
    const manual = await fixture<LiveGroupQr>(`<live-group-qr id="m" href="${HREF}" trigger="manual"></live-group-qr>`);
    expect(delayed.open).to.equal(false);
    expect(cardOf(delayed)).to.equal(null);
    await until(() => delayed.open, 'delay trigger', 3000);
    await sleep(300);
    expect(manual.open).to.equal(false);
    manual.show();
    await manual.updateComplete;
    expect(cardOf(manual)).to.exist;
    expect(recorder.events.map((e) => e.detail.data.trigger)).to.deep.equal(['delay', 'manual']);
  });

  it('counts watch time only while the tied player plays, and finds a player added later', async () => {
    const el = await fixture<LiveGroupQr>(
      `<live-group-qr href="${HREF}" for="late-player" trigger="watch-time" watch-time="2"></live-group-qr>`,
    );
    await sleep(200);
    const player = document.createElement('fake-player') as FakePlayer;
    player.id = 'late-player';
    player.room = 'room-from-player';
    document.body.append(player);
    await until(
      () => (el as unknown as { binding: { player?: Element } }).binding.player === player,
      'binding to the late player',
    );

    player.setState('playing');
    await sleep(1300);
    player.setState('paused'); // 1 s counted
    await sleep(2200);
    expect(el.open, 'paused time does not count').to.equal(false);
    player.setState('playing');
    await until(() => el.open, 'watch-time trigger', 4000);
    const shown = recorder.events.find((e) => e.type === 'live-widget-shown')!;
    expect(shown.detail.data.trigger).to.equal('watch-time');
    expect(shown.detail.room, 'room from the tied player').to.equal('room-from-player');
  });

  it('shows and hides on the host cue when placed inside the player', async () => {
    const player = await fixture<FakePlayer>(
      `<fake-player data-live-player><live-group-qr id="g-cue" href="${HREF}" trigger="cue"></live-group-qr><live-group-qr id="other" href="${HREF}" trigger="cue"></live-group-qr></fake-player>`,
    );
    const [el, other] = [...player.querySelectorAll('live-group-qr')] as LiveGroupQr[];
    await el!.updateComplete;
    player.cue({ id: 'c1', type: 'widget.show', target: 'nobody' });
    player.cue({ id: 'c2', type: 'coupon.open', target: 'g-cue' });
    await sleep(100);
    expect(el!.open).to.equal(false);
    player.cue({ id: 'c3', type: 'widget.show', target: 'g-cue' });
    await until(() => el!.open, 'shown by cue');
    expect(other!.open).to.equal(false);
    player.cue({ id: 'c4', type: 'widget.hide', target: 'g-cue' });
    await until(() => !el!.open, 'hidden by cue');
    // The widget's short name reaches every widget of that kind.
    player.cue({ id: 'c5', type: 'widget.show', target: 'group-qr' });
    await until(() => el!.open && other!.open, 'both shown by name');
    expect(
      recorder.events.filter((e) => e.type === 'live-widget-shown').map((e) => e.detail.data.trigger),
    ).to.deep.equal(['cue', 'cue', 'cue']);
  });

  it('shows on exit intent (pointer leaving through the top)', async () => {
    const el = await fixture<LiveGroupQr>(`<live-group-qr href="${HREF}" trigger="exit-intent"></live-group-qr>`);
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 200, relatedTarget: document.body }));
    await sleep(50);
    expect(el.open).to.equal(false);
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: -2, relatedTarget: null }));
    await until(() => el.open, 'exit intent');
  });

  it('keeps a dismissed prompt away across a reload, for `dismiss-for`', async () => {
    const markup = `<live-group-qr campaign="cap-test" href="${HREF}" dismissible dismiss-for="2h"></live-group-qr>`;
    const first = await fixture<LiveGroupQr>(markup);
    await until(() => first.open, 'open');
    await first.updateComplete;
    $(first, '[part="close"]')!.click();
    await first.updateComplete;
    expect(first.open).to.equal(false);
    const record = JSON.parse(localStorage.getItem('livehook:dismissed:cap-test')!);
    expect(record.until).to.be.closeTo(Date.now() + 2 * 3600_000, 5000);
    expect(recorder.events.at(-1)!.detail.data).to.include({ reason: 'close' });

    // "Reload": a new element with the same campaign reads the stored record and stays away.
    first.remove();
    const second = await fixture<LiveGroupQr>(markup);
    await sleep(300);
    expect(second.open).to.equal(false);
    second.remove();

    // A record left by an earlier page load is read the same way; an expired one is ignored.
    localStorage.setItem('livehook:dismissed:cap-test', JSON.stringify({ until: Date.now() - 1000 }));
    const third = await fixture<LiveGroupQr>(markup);
    await until(() => third.open, 'shown once the cap expired');
    expect(localStorage.getItem('livehook:dismissed:cap-test')).to.equal(null);

    // dismiss-for="0": not remembered at all.
    const fourth = await fixture<LiveGroupQr>(
      `<live-group-qr campaign="no-cap" href="${HREF}" dismissible dismiss-for="0"></live-group-qr>`,
    );
    await until(() => fourth.open, 'open');
    fourth.dismiss();
    expect(localStorage.getItem('livehook:dismissed:no-cap')).to.equal(null);
  });

  it('opens as a sheet that traps focus, closes on Escape and gives focus back', async () => {
    const opener = await fixture<HTMLButtonElement>('<button class="outside">open</button>');
    opener.focus();
    const el = await fixture<LiveGroupQr>(
      `<live-group-qr campaign="sheet-test" href="${HREF}" display="sheet" trigger="manual"></live-group-qr>`,
    );
    el.show();
    await el.updateComplete;
    const dialog = shadow(el).querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    await until(() => el.state === 'ready', 'QR ready');
    await el.updateComplete;
    await expectAccessible(el, 'sheet');

    for (let i = 0; i < 6; i++) {
      await (i % 2 ? pressShiftTab() : sendKeys({ press: 'Tab' }));
      expect(dialog.contains(deepActiveElement()), `focus stays in the sheet after key ${i}`).to.equal(true);
    }
    await sendKeys({ press: 'Escape' });
    await until(() => !el.open, 'closed by Escape');
    expect(dialog.open).to.equal(false);
    expect(recorder.events.at(-1)!.type).to.equal('live-widget-dismissed');
    expect(recorder.events.at(-1)!.detail.data.reason).to.equal('escape');
    await until(() => document.activeElement === opener, 'focus back on the opener');
    expect(localStorage.getItem('livehook:dismissed:sheet-test')).to.not.equal(null);
  });
});

/**
 * Shift+Tab in every engine's launcher: `press: 'Shift+Tab'` is Playwright-only. Playwright and Puppeteer hold Shift
 * down around Tab; classic WebDriver (WebKitGTK) takes no `down`, but its `type` presses WebDriver key codes
 * together (Shift U+E008, Tab U+E004) and then releases them.
 */
async function pressShiftTab(): Promise<void> {
  try {
    await sendKeys({ down: 'Shift' });
  } catch (error) {
    if (!/webdriver/i.test(String(error))) throw error;
    await sendKeys({ type: '\uE008\uE004' });
    return;
  }
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}
