// <live-countdown> in real Chromium: counting down, a weekly schedule across a DST change (read back
// from the .ics with ical.js), calendar links, the remind-me form against the shop-api test server
// (validation, consent, failures that keep the input), the tied player going live, hostile input, axe.
import { expect } from '@esm-bundle/chai';
import ICAL from 'ical.js';
import '../define.js';
import { clock } from '../shared/clock.js';
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
import type { LiveCountdown } from './live-countdown.js';

const realNow = clock.now;
/** Stands the widgets on `iso`, with time still moving. */
function standOn(iso: string): void {
  const start = Date.parse(iso);
  const t0 = performance.now();
  clock.now = () => start + (performance.now() - t0);
}

const HOUR = 3600_000;

describe('<live-countdown>', () => {
  let recorder: ReturnType<typeof recordEvents>;
  beforeEach(() => {
    clearLivehookStorage();
    recorder = recordEvents();
  });
  afterEach(() => {
    recorder.stop();
    clock.now = realNow;
    for (const el of document.querySelectorAll('live-countdown, fake-player')) el.remove();
  });

  it('says what to set, and counts down to starts-at in the viewer time zone', async () => {
    const empty = await fixture<LiveCountdown>('<live-countdown></live-countdown>');
    expect(textOf(empty)).to.contain('starts-at').and.to.contain('schedule');

    const at = new Date(Date.now() + 2 * 86_400_000 + 3 * HOUR + 5 * 60_000 + 30_000);
    const el = await fixture<LiveCountdown>(
      `<live-countdown starts-at="${at.toISOString()}" headline="Spring skincare special" benefit="¥100 off over ¥500 + a gift for the first 50 orders"></live-countdown>`,
    );
    await until(() => el.nextStart === at.getTime(), 'start known');
    await el.updateComplete;
    expect(el.state).to.equal('counting');
    const digits = [...shadow(el).querySelectorAll('.digits')].map((d) => d.textContent);
    expect(digits.slice(0, 3)).to.deep.equal(['02', '03', '05']);
    expect($(el, '[part="timer"]')!.getAttribute('role')).to.equal('timer');
    const when = new Intl.DateTimeFormat('en', {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    }).format(at);
    expect($(el, '[part="when"]')!.textContent).to.contain(when);
    expect(textOf(el)).to.contain('¥100 off over ¥500');
    await expectAccessible(el, 'counting');
  });

  it('finds the next Tuesday 20:00 New York across the DST change, and the .ics says so in UTC', async () => {
    standOn('2026-03-07T12:00:00Z'); // Saturday, before the US clocks go forward on Sunday 8 March
    const el = await fixture<LiveCountdown>(
      `<live-countdown room="weekly" headline="Tuesday &amp; Friday live" duration="90" reminder-minutes="30"
        schedule="DTSTART;TZID=America/New_York:20260106T200000 RRULE:FREQ=WEEKLY;BYDAY=TU,FR"></live-countdown>`,
    );
    await until(() => el.nextStart !== undefined, 'next start');
    // 20:00 EDT (UTC−4) = 00:00 UTC; a naive UTC−5 would say 01:00.
    expect(new Date(el.nextStart!).toISOString()).to.equal('2026-03-11T00:00:00.000Z');

    const ics = el.ics!;
    const component = new ICAL.Component(ICAL.parse(ics));
    const event = new ICAL.Event(component.getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().toISOString()).to.equal('2026-03-11T00:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).to.equal('2026-03-11T01:30:00.000Z');
    expect(event.startDate.zone?.tzid).to.equal('UTC');
    expect(event.summary).to.equal('Tuesday & Friday live');
    const alarm = component.getFirstSubcomponent('vevent')!.getFirstSubcomponent('valarm')!;
    expect(String(alarm.getFirstPropertyValue('trigger'))).to.equal('-PT30M');
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).to.equal(true);

    // Berlin changes a different weekend; Shanghai never does.
    el.setAttribute('schedule', 'FREQ=WEEKLY;BYDAY=TU,FR;BYHOUR=20;BYMINUTE=0');
    el.setAttribute('time-zone', 'Europe/Berlin');
    standOn('2026-03-28T00:00:00Z');
    await until(() => el.nextStart === Date.parse('2026-03-31T18:00:00Z'), 'Berlin: 20:00 CEST');
    el.setAttribute('time-zone', 'Asia/Shanghai');
    await until(() => el.nextStart === Date.parse('2026-03-31T12:00:00Z'), 'Shanghai: 20:00 CST');
  });

  it('adds to calendars from a keyboard-friendly menu', async () => {
    const start = Date.now() + 26 * HOUR;
    const el = await fixture<LiveCountdown>(
      `<live-countdown starts-at="${new Date(start).toISOString()}" headline="Live sale"></live-countdown>`,
    );
    await until(() => el.nextStart, 'start');
    await el.updateComplete;
    const button = $(el, '[part="calendar-button"]') as HTMLButtonElement;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const menu = $(el, '[part="calendar-menu"]')!;
    const google = menu.querySelector('a[href^="https://calendar.google.com"]') as HTMLAnchorElement;
    const outlook = menu.querySelector('a[href^="https://outlook.live.com"]') as HTMLAnchorElement;
    expect(new URL(google.href).searchParams.get('text')).to.equal('Live sale');
    expect(new URL(outlook.href).searchParams.get('subject')).to.equal('Live sale');
    await expectAccessible(el, 'calendar menu');

    const downloads: string[] = [];
    const spy = (event: Event) => {
      const target = event.composedPath()[0] as HTMLAnchorElement;
      if (target instanceof HTMLAnchorElement && target.download) {
        downloads.push(`${target.download} ${target.href.slice(0, 5)}`);
        event.preventDefault();
      }
    };
    document.addEventListener('click', spy, true);
    (menu.querySelector('button') as HTMLButtonElement).click();
    document.removeEventListener('click', spy, true);
    expect(downloads).to.deep.equal(['Live-sale.ics blob:']);
    const stop = (e: Event) => e.preventDefault();
    document.addEventListener('click', stop);
    google.click();
    document.removeEventListener('click', stop);
    expect(
      recorder.events.filter((e) => e.type === 'live-calendar-added').map((e) => e.detail.data.provider),
    ).to.deep.equal(['ics', 'google']);
    expect(recorder.events.at(-1)!.detail.data.startsAt).to.equal(new Date(start).toISOString());

    menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    expect($(el, '[part="calendar-menu"]')).to.equal(null);
  });

  it('takes a remind-me sign-up: validated, with consent, keeping input through a failure', async () => {
    const shop = await createShop('remind');
    const start = new Date(Date.now() + 5 * HOUR).toISOString();
    const el = await fixture<LiveCountdown>(
      `<live-countdown room="room-7" starts-at="${start}" remind-url="${shop.url('remind')}" privacy-url="https://shop.example/privacy"></live-countdown>`,
    );
    await until(() => el.nextStart, 'start');
    await el.updateComplete;
    $(el, '[part="remind-button"]')!.click();
    await el.updateComplete;
    const input = $(el, '#contact') as HTMLInputElement;
    const consent = $(el, '#consent') as HTMLInputElement;
    const submit = () => ($(el, '[part="submit"]') as HTMLButtonElement).click();
    await expectAccessible(el, 'form');

    input.value = 'fan@';
    input.dispatchEvent(new Event('input'));
    submit();
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#contact-error')!.textContent).to.equal('Enter an email address or a phone number.');
    expect($(el, '#consent-error')!.textContent).to.equal('Please tick the box to agree.');
    await expectAccessible(el, 'form with errors');

    input.value = 'fan@shop.example';
    input.dispatchEvent(new Event('input'));
    submit();
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect($(el, '#consent-error')!.textContent).to.equal('Please tick the box to agree.');
    expect(await shop.log(), 'nothing sent without consent').to.deep.equal([]);

    await shop.fault('remind', 'error');
    consent.click();
    submit();
    await until(() => $(el, '[part="error"]'), 'error shown', 15_000);
    expect(textOf(el)).to.contain('went wrong on our side');
    expect(($(el, '#contact') as HTMLInputElement).value, 'input kept').to.equal('fan@shop.example');
    expect(($(el, '#consent') as HTMLInputElement).checked, 'consent kept').to.equal(true);
    expect(($(el, '[part="submit"]') as HTMLButtonElement).textContent!.trim()).to.equal('Try again');

    await shop.fault('remind', null);
    submit();
    await until(() => recorder.types().includes('live-reminder-subscribed'), 'subscribed', 15_000);
    await el.updateComplete;
    expect(textOf(el)).to.contain("You're on the list");
    const { reminders, log } = await shop.state();
    expect(reminders).to.have.length(1);
    expect(reminders[0]).to.include({
      contact: 'fan@shop.example',
      kind: 'email',
      consent: true,
      room: 'room-7',
      startsAt: start,
    });
    expect(log.at(-1)!.viewer).to.match(/^[0-9a-f-]{36}$/);
    const subscribed = recorder.events.find((e) => e.type === 'live-reminder-subscribed')!;
    expect(subscribed.detail.data).to.include({ kind: 'email', startsAt: start });
    expect(JSON.stringify(subscribed.detail), 'no address in the lead event').not.to.contain('fan@shop.example');
    await expectAccessible(el, 'subscribed');
  });

  it('takes phone numbers, and reports refusals and timeouts as retry states', async () => {
    const shop = await createShop('remind-phone');
    const el = await fixture<LiveCountdown>(
      `<live-countdown lang="zh-CN" timeout="0.6" starts-at="${new Date(Date.now() + HOUR).toISOString()}" remind-url="${shop.url('remind')}" remind-with="phone"></live-countdown>`,
    );
    await until(() => el.nextStart, 'start');
    await el.updateComplete;
    $(el, '[part="remind-button"]')!.click();
    await el.updateComplete;
    expect(($(el, '#contact') as HTMLInputElement).type).to.equal('tel');
    expect(textOf(el)).to.contain('手机号');
    const input = $(el, '#contact') as HTMLInputElement;
    input.value = '138 0013 8000';
    input.dispatchEvent(new Event('input'));
    ($(el, '#consent') as HTMLInputElement).click();
    for (const [mode, text] of [
      ['refuse', '暂时无法领取'],
      ['hang', '商家响应超时'],
    ] as const) {
      await shop.fault('remind', mode);
      ($(el, '[part="submit"]') as HTMLButtonElement).click();
      await el.updateComplete;
      await until(() => $(el, '[part="error"]') && !$(el, '[part="submit"][disabled]'), `${mode} error`, 15_000);
      expect(textOf(el), mode).to.contain(text);
      expect(($(el, '#contact') as HTMLInputElement).value).to.equal('138 0013 8000');
    }
    await shop.fault('remind', null);
    ($(el, '[part="submit"]') as HTMLButtonElement).click();
    await until(() => recorder.types().includes('live-reminder-subscribed'), 'subscribed');
    expect((await shop.state()).reminders[0]).to.include({ contact: '13800138000', kind: 'phone' });
  });

  it('switches to "Live now" when the tied player plays', async () => {
    const player = await fixture<FakePlayer>('<fake-player id="p-live"></fake-player>');
    const el = await fixture<LiveCountdown>(
      `<live-countdown for="p-live" starts-at="${new Date(Date.now() + 20_000).toISOString()}"></live-countdown>`,
    );
    await until(() => el.nextStart, 'start');
    expect(el.state).to.equal('counting');
    player.setState('playing');
    await until(() => el.state === 'live', 'live');
    await el.updateComplete;
    expect(textOf(el)).to.contain('Live now').and.to.contain('Watch now');
    expect($(el, '[part="timer"]')).to.equal(null);
    await expectAccessible(el, 'live');
    player.setState('ended');
    await until(() => el.state !== 'live', 'not live after the end');
  });

  it('refuses a broken schedule and renders text as text', async () => {
    const errors = await captureConsoleErrors(async () => {
      const el = await fixture<LiveCountdown>(
        `<live-countdown schedule="<img src=x onerror=alert(1)>"></live-countdown>`,
      );
      expect($(el, '[part="placeholder"]')).to.exist;
      expect(shadow(el).querySelector('img')).to.equal(null);
      el.setAttribute('schedule', 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=20');
      await el.updateComplete;
      expect(textOf(el)).to.contain('time zone');
    });
    expect(errors.some((m) => m.includes('<live-countdown>: schedule'))).to.equal(true);

    let el!: LiveCountdown;
    const refused = await captureConsoleErrors(async () => {
      el = await fixture<LiveCountdown>(
        `<live-countdown starts-at="${new Date(Date.now() + HOUR).toISOString()}" remind-url="javascript:alert(1)"></live-countdown>`,
      );
      el.setAttribute('benefit', `<script>window.hacked=1</script>${'x'.repeat(10_000)}`);
      await until(() => el.nextStart, 'start');
      await el.updateComplete;
    });
    expect(refused.some((m) => m.includes('remind-url refused'))).to.equal(true);
    expect($(el, '[part="remind-button"]'), 'no remind-me with a javascript: endpoint').to.equal(null);
    expect(shadow(el).querySelector('script')).to.equal(null);
    expect($(el, '[part="benefit"]')!.textContent!.trim().length).to.be.lessThan(300);
  });
});
