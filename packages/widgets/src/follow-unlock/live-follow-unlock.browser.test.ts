// <live-follow-unlock> in real Chromium against the shop-api test server: the full flow, every
// failure of both endpoints, the three follow modes, reload, hostile input, axe in each state.
import { expect } from '@esm-bundle/chai';
import '../define.js';
import {
  $,
  captureConsoleErrors,
  clearLivehookStorage,
  createShop,
  expectAccessible,
  fixture,
  recordEvents,
  shadow,
  textOf,
  until,
} from '../test/helpers.js';
import type { LiveFollowUnlock } from './live-follow-unlock.js';

type Shop = Awaited<ReturnType<typeof createShop>>;

function unlockMarkup(shop: Shop, extra = ''): string {
  return `<live-follow-unlock campaign="${shop.id}" room="room-1" follow-url="${shop.url('follow')}"
    reward-url="${shop.url('reward')}" reward-label="¥20 OFF" headline="Follow us to unlock ¥20 off" ${extra}></live-follow-unlock>`;
}

const until_state = (el: LiveFollowUnlock, state: string, timeout = 15_000) =>
  until(() => el.state === state, `state ${state}`, timeout);

describe('<live-follow-unlock>', () => {
  let recorder: ReturnType<typeof recordEvents>;
  const originalClipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');

  beforeEach(() => {
    clearLivehookStorage();
    recorder = recordEvents();
  });
  afterEach(() => {
    recorder.stop();
    for (const el of document.querySelectorAll('live-follow-unlock')) el.remove();
    if (originalClipboard) Object.defineProperty(Navigator.prototype, 'clipboard', originalClipboard);
  });

  it('says what to set when nothing is configured', async () => {
    const el = await fixture<LiveFollowUnlock>('<live-follow-unlock></live-follow-unlock>');
    const note = $(el, '[part="placeholder"]');
    expect(note).to.exist;
    expect(textOf(el)).to.contain('reward-url').and.to.contain('follow-url');
    await expectAccessible(el, 'placeholder');
  });

  it('follows, then asks for the reward, reveals it and copies it', async () => {
    const shop = await createShop('unlock-flow');
    const el = await fixture<LiveFollowUnlock>(unlockMarkup(shop));
    expect(el.state).to.equal('locked');
    expect(el.getAttribute('state')).to.equal('locked');
    expect(textOf(el)).to.contain('¥20 OFF').and.to.contain('Follow us to unlock ¥20 off');
    await expectAccessible(el, 'locked');
    // Nothing was requested before the viewer acted.
    expect(await shop.log()).to.deep.equal([]);

    $(el, '[part="follow-button"]')!.click();
    await until_state(el, 'unlocked');
    await el.updateComplete;

    const log = await shop.log();
    expect(log.map((e) => `${e.endpoint}:${e.method}:${e.status}`)).to.deep.equal([
      'follow:POST:200',
      'reward:POST:200',
    ]);
    const viewer = log[0]!.viewer;
    expect(viewer).to.match(/^[0-9a-f-]{36}$/);
    expect(log[1]!.viewer).to.equal(viewer);
    expect(log[0]!.body).to.include({ campaign: shop.id, room: 'room-1', viewer });

    expect($(el, '[part="code"]')!.textContent).to.equal('LIVE20');
    expect(textOf(el)).to.contain('¥20 off your next order').and.to.contain('Valid until');
    const apply = $(el, '[part="apply-button"]') as HTMLAnchorElement;
    expect(apply.href).to.equal('https://shop.example/cart?code=LIVE20');
    expect(apply.rel).to.contain('noopener');
    // The code lives in shadow DOM only: never in the page's markup or attributes.
    expect(document.body.innerHTML).not.to.contain('LIVE20');
    expect([...el.attributes].some((a) => a.value.includes('LIVE20'))).to.equal(false);
    await expectAccessible(el, 'unlocked');

    let copied = '';
    Object.defineProperty(Navigator.prototype, 'clipboard', {
      configurable: true,
      get: () => ({
        writeText: async (text: string) => {
          copied = text;
        },
      }),
    });
    $(el, '[part="copy-button"]')!.click();
    await until(() => recorder.types().includes('live-reward-copied'), 'copied event');
    expect(copied).to.equal('LIVE20');

    expect(recorder.types()).to.deep.equal([
      'live-widget-shown',
      'live-follow-clicked',
      'live-follow-confirmed',
      'live-reward-unlocked',
      'live-reward-copied',
    ]);
    for (const event of recorder.events) {
      expect(event.bubbles && event.composed).to.equal(true);
      const lead = event.detail;
      expect(lead.id).to.match(/^[0-9a-f-]{36}$/);
      expect(lead.time).to.be.a('string');
      expect(lead.session).to.be.a('string');
      expect(lead.room).to.equal('room-1');
      expect(lead.page).to.equal(`${location.origin}${location.pathname}`);
      expect(lead.data.widget).to.equal('follow-unlock');
    }
    expect(recorder.events.map((e) => e.detail.type)).to.deep.equal([
      'widget.shown',
      'follow.clicked',
      'follow.confirmed',
      'reward.unlocked',
      'reward.copied',
    ]);
    const unlocked = recorder.events[3]!.detail.data;
    expect(unlocked.title).to.equal('¥20 off your next order');
    expect(JSON.stringify(unlocked)).not.to.contain('LIVE20');
  });

  it('stays unlocked after a reload: the reward is fetched again, without a second follow', async () => {
    const shop = await createShop('unlock-reload');
    const first = await fixture<LiveFollowUnlock>(unlockMarkup(shop));
    $(first, '[part="follow-button"]')!.click();
    await until_state(first, 'unlocked');
    first.remove();

    const again = await fixture<LiveFollowUnlock>(unlockMarkup(shop));
    await until_state(again, 'unlocked');
    const log = await shop.log();
    expect(log.map((e) => e.endpoint)).to.deep.equal(['follow', 'reward', 'reward']);
    expect(log[2]!.viewer).to.equal(log[0]!.viewer);

    // Another campaign is still locked.
    const other = await fixture<LiveFollowUnlock>(
      unlockMarkup(shop).replace(`campaign="${shop.id}"`, 'campaign="other"'),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(other.state).to.equal('locked');
  });

  it('never asks for the reward when the follow is refused, and recovers on retry', async () => {
    const shop = await createShop('unlock-refused');
    await shop.fault('follow', 'refuse', { status: 401 });
    const el = await fixture<LiveFollowUnlock>(unlockMarkup(shop));
    $(el, '[part="follow-button"]')!.click();
    await until_state(el, 'error');
    await el.updateComplete;
    expect($(el, '[part="error"]')!.getAttribute('role')).to.equal('alert');
    expect(textOf(el)).to.contain("isn't available");
    await expectAccessible(el, 'error');
    // 4xx is not retried, and the reward endpoint was never touched.
    expect((await shop.log()).map((e) => `${e.endpoint}:${e.status}`)).to.deep.equal(['follow:401']);
    expect(recorder.types()).not.to.include('live-follow-confirmed');

    await shop.fault('follow', null);
    (shadow(el).querySelector('[part="error"] button') as HTMLButtonElement).click();
    await until_state(el, 'unlocked');
    expect((await shop.log()).map((e) => e.endpoint)).to.deep.equal(['follow', 'follow', 'reward']);
  });

  it('treats { followed: false }, garbage and a wrong shape from follow-url as failures', async () => {
    for (const mode of ['garbage', 'wrong-shape'] as const) {
      const shop = await createShop(`unlock-follow-${mode}`);
      await shop.fault('follow', mode);
      const el = await fixture<LiveFollowUnlock>(unlockMarkup(shop));
      $(el, '[part="follow-button"]')!.click();
      await until_state(el, 'error');
      expect((await shop.log()).map((e) => e.endpoint)).to.deep.equal(['follow']);
      el.remove();
    }
  });

  it('shows a retry state for every reward failure and keeps the follow', async () => {
    const cases: { mode: string; tries: number; text: string }[] = [
      { mode: 'error', tries: 3, text: 'went wrong on our side' },
      { mode: 'garbage', tries: 1, text: 'Something went wrong' },
      { mode: 'wrong-shape', tries: 1, text: 'Something went wrong' },
      { mode: 'refuse', tries: 1, text: "isn't available" },
      { mode: 'hang', tries: 3, text: 'took too long' },
    ];
    for (const { mode, tries, text } of cases) {
      const shop = await createShop(`unlock-reward-${mode}`);
      await shop.fault('reward', mode);
      const el = await fixture<LiveFollowUnlock>(unlockMarkup(shop, 'timeout="0.6"'));
      $(el, '[part="follow-button"]')!.click();
      await until_state(el, 'error', 20_000);
      await el.updateComplete;
      expect(textOf(el), mode).to.contain(text);
      const log = await shop.log();
      expect(
        log.map((e) => e.endpoint),
        mode,
      ).to.deep.equal(['follow', ...Array(tries).fill('reward')]);
      expect(el.unlockedReward).to.equal(undefined);

      await shop.fault('reward', null);
      (shadow(el).querySelector('[part="error"] button') as HTMLButtonElement).click();
      await until_state(el, 'unlocked', 20_000);
      // The retry asked for the reward only: the follow was kept.
      expect((await shop.log()).filter((e) => e.endpoint === 'follow').length, mode).to.equal(1);
      el.remove();
    }
  });

  it('lets the host page run its own follow: cancel the event, then confirmFollow()', async () => {
    const shop = await createShop('unlock-event');
    const el = await fixture<LiveFollowUnlock>(
      `<live-follow-unlock campaign="${shop.id}" follow-mode="event" reward-url="${shop.url('reward')}"></live-follow-unlock>`,
    );
    await shop.control({ followed: [] });
    el.addEventListener('live-follow-clicked', (event) => event.preventDefault(), { once: true });
    $(el, '[part="follow-button"]')!.click();
    await until_state(el, 'pending');
    await new Promise((r) => setTimeout(r, 500));
    expect(await shop.log(), 'nothing before the host confirms').to.deep.equal([]);

    // The host's own follow flow marks the viewer as followed on the server, then confirms.
    const { viewerIdentity } = await import('../shared/viewer-id.js');
    await shop.control({ followed: [viewerIdentity().id] });
    el.confirmFollow();
    await until_state(el, 'unlocked');
    expect((await shop.log()).map((e) => e.endpoint)).to.deep.equal(['reward']);
    expect(recorder.types()).to.include.members([
      'live-follow-clicked',
      'live-follow-confirmed',
      'live-reward-unlocked',
    ]);
  });

  it('opens an external follow link in a new tab, then waits for "I\'ve followed"', async () => {
    const shop = await createShop('unlock-link');
    await shop.control({ followed: [(await import('../shared/viewer-id.js')).viewerIdentity().id] });
    const el = await fixture<LiveFollowUnlock>(
      `<live-follow-unlock campaign="${shop.id}" follow-href="https://social.example/shop" reward-url="${shop.url('reward')}"></live-follow-unlock>`,
    );
    const link = $(el, 'a[part="follow-button"]') as HTMLAnchorElement;
    expect(link.href).to.equal('https://social.example/shop');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.contain('noopener');
    const stopNavigation = (event: Event) => event.preventDefault();
    document.addEventListener('click', stopNavigation);
    link.click();
    document.removeEventListener('click', stopNavigation);
    await until_state(el, 'pending');
    await el.updateComplete;
    expect(await shop.log()).to.deep.equal([]);
    expect(textOf(el)).to.contain('Followed us in the new tab?');
    await expectAccessible(el, 'pending (link)');
    $(el, '[part="follow-button"]')!.click();
    await until_state(el, 'unlocked');
  });

  it('reveals a public code without a reward request (client-only mode)', async () => {
    const shop = await createShop('unlock-public');
    const el = await fixture<LiveFollowUnlock>(
      `<live-follow-unlock campaign="${shop.id}" follow-url="${shop.url('follow')}" public-code="WELCOME5" reward-label="5% off"></live-follow-unlock>`,
    );
    $(el, '[part="follow-button"]')!.click();
    await until_state(el, 'unlocked');
    await el.updateComplete;
    expect($(el, '[part="code"]')!.textContent).to.equal('WELCOME5');
    expect((await shop.log()).map((e) => e.endpoint)).to.deep.equal(['follow']);
  });

  it('refuses hostile attribute values and renders all text as text', async () => {
    const long = 'L'.repeat(10_000);
    const errors = await captureConsoleErrors(async () => {
      const bad = await fixture<LiveFollowUnlock>(
        '<live-follow-unlock follow-href="javascript:alert(1)" reward-url="data:text/html,<b>x</b>"></live-follow-unlock>',
      );
      expect($(bad, '[part="placeholder"]'), 'hostile URLs leave it unconfigured').to.exist;
      expect(shadow(bad).querySelector('a[href^="javascript"], a[href^="data"]')).to.equal(null);
      bad.remove();
    });
    expect(errors.some((m) => m.includes('follow-href refused') && m.includes('javascript:'))).to.equal(true);
    expect(errors.some((m) => m.includes('reward-url refused') && m.includes('data:'))).to.equal(true);

    const shop = await createShop('unlock-hostile');
    await shop.control({ reward: { code: 'SAFE1', title: '<img src=x onerror="window.hacked=1">', expiresAt: null } });
    const el = await fixture<LiveFollowUnlock>(
      unlockMarkup(shop).replace(
        'headline="Follow us to unlock ¥20 off"',
        `headline="<b>bold</b>${long}" benefit="<script>window.hacked=2</script>"`,
      ),
    );
    expect(shadow(el).querySelector('b, script, img')).to.equal(null);
    const headline = $(el, '[part="headline"]')!.textContent!.trim();
    expect(headline.startsWith('<b>bold</b>')).to.equal(true);
    expect(headline.length).to.be.lessThan(300);
    expect(el.getBoundingClientRect().width).to.be.at.most(document.body.getBoundingClientRect().width);
    $(el, '[part="follow-button"]')!.click();
    await until_state(el, 'unlocked');
    await el.updateComplete;
    expect($(el, '[part="headline"]')!.textContent).to.contain('<img src=x');
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
  });

  it('shows sample content for page builders with preview, without requests', async () => {
    const shop = await createShop('unlock-preview');
    const el = await fixture<LiveFollowUnlock>(unlockMarkup(shop, 'preview="unlocked" trigger="manual"'));
    expect(el.open).to.equal(true);
    expect($(el, '[part="code"]')!.textContent).to.equal('LIVE20');
    await new Promise((r) => setTimeout(r, 200));
    expect(await shop.log()).to.deep.equal([]);
    expect(recorder.types()).to.deep.equal([]);
    const empty = await fixture<LiveFollowUnlock>('<live-follow-unlock preview="error"></live-follow-unlock>');
    expect($(empty, '[part="error"]')).to.exist;
  });

  it('speaks Simplified Chinese from the nearest lang', async () => {
    const shop = await createShop('unlock-zh');
    const box = await fixture<HTMLDivElement>('<div lang="zh-CN"></div>');
    const el = await fixture<LiveFollowUnlock>(unlockMarkup(shop).replace(/headline="[^"]*"/, ''), box);
    expect(textOf(el)).to.contain('关注我们，解锁专属福利').and.to.contain('关注并领取');
    box.remove();
  });
});
