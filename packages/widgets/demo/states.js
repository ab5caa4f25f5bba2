// Renders every widget in every visual state (through `preview`), in English or Chinese (?lang=zh-CN).
const params = new URLSearchParams(location.search);
const zh = (params.get('lang') ?? '').toLowerCase() === 'zh-cn';
document.documentElement.lang = zh ? 'zh-CN' : 'en';
const only = params.get('only');
const inAWeek = new Date(Date.now() + ((2 * 24 + 3) * 3600 + 15 * 60 + 9) * 1000).toISOString();

const text = zh
  ? {
      follow: 'headline="关注店铺，立减 ¥20" benefit="关注后第一时间收到直播福利通知。" reward-label="¥20 无门槛券"',
      group:
        'headline="加入粉丝群，领专属折扣" benefit="群内专享 85 折，前 50 单加赠小样。" reward-label="群专享 85 折"',
      countdown: 'headline="春季护肤专场" benefit="满 ¥500 减 ¥100，前 50 单送正装小样"',
      coupon: 'headline="前 50 单送好礼" detail="满 ¥500 可用 · 限时 10 分钟" reward-label="¥100 立减"',
    }
  : {
      follow:
        'headline="Follow us to unlock ¥20 off" benefit="Followers get first word on every live deal." reward-label="¥20 OFF"',
      group:
        'headline="Join our fan group" benefit="Members-only 15% off, plus a gift with the first 50 orders." reward-label="15% OFF"',
      countdown:
        'headline="Spring skincare special" benefit="¥100 off orders over ¥500 + a free gift for the first 50 orders"',
      coupon:
        'headline="First 50 orders get a gift" detail="Orders over ¥500 · 10 minutes only" reward-label="¥100 OFF"',
    };

const states = [
  ['follow-unlock · locked', `<live-follow-unlock preview="locked" ${text.follow}></live-follow-unlock>`],
  ['follow-unlock · pending', `<live-follow-unlock preview="pending" ${text.follow}></live-follow-unlock>`],
  [
    'follow-unlock · unlocked',
    `<live-follow-unlock preview="unlocked" dismissible ${text.follow}></live-follow-unlock>`,
  ],
  ['follow-unlock · error', `<live-follow-unlock preview="error" ${text.follow}></live-follow-unlock>`],
  ['group-qr · ready', `<live-group-qr preview="ready" ${text.group}></live-group-qr>`],
  ['group-qr · loading', `<live-group-qr preview="loading" ${text.group}></live-group-qr>`],
  ['group-qr · error', `<live-group-qr preview="error" ${text.group}></live-group-qr>`],
  [
    'countdown · counting',
    `<live-countdown preview="counting" starts-at="${inAWeek}" remind-url="https://shop.example/remind" ${text.countdown}></live-countdown>`,
  ],
  [
    'countdown · remind form',
    `<live-countdown id="with-form" preview="counting" starts-at="${inAWeek}" remind-url="https://shop.example/remind" privacy-url="https://shop.example/privacy" ${text.countdown}></live-countdown>`,
  ],
  [
    'countdown · starting',
    `<live-countdown preview="starting" starts-at="${inAWeek}" ${text.countdown}></live-countdown>`,
  ],
  [
    'countdown · live',
    `<live-countdown preview="live" starts-at="${inAWeek}" watch-url="https://shop.example/live" ${text.countdown}></live-countdown>`,
  ],
  [
    'coupon · open',
    `<live-coupon preview="open" coupon="demo" claim-url="https://shop.example/claim" ${text.coupon}></live-coupon>`,
  ],
  [
    'coupon · claimed',
    `<live-coupon preview="claimed" coupon="demo" claim-url="https://shop.example/claim" ${text.coupon}></live-coupon>`,
  ],
  [
    'coupon · sold out',
    `<live-coupon preview="soldout" coupon="demo" claim-url="https://shop.example/claim" ${text.coupon}></live-coupon>`,
  ],
  [
    'coupon · expired',
    `<live-coupon preview="expired" coupon="demo" claim-url="https://shop.example/claim" ${text.coupon}></live-coupon>`,
  ],
  [
    'coupon · error',
    `<live-coupon preview="error" coupon="demo" claim-url="https://shop.example/claim" ${text.coupon}></live-coupon>`,
  ],
  ['placeholder (nothing set)', '<live-follow-unlock></live-follow-unlock>'],
];

const grid = document.getElementById('grid');
for (const [label, markup] of states) {
  if (only && !label.startsWith(only)) continue;
  const figure = document.createElement('figure');
  figure.innerHTML = `<figcaption>${label}</figcaption>${markup}`;
  grid.append(figure);
}
if (params.get('sheet') !== null) {
  grid.insertAdjacentHTML('beforeend', `<live-group-qr display="sheet" preview="ready" ${text.group}></live-group-qr>`);
}

await customElements.whenDefined('live-countdown');
const withForm = document.getElementById('with-form');
if (withForm) {
  await withForm.updateComplete;
  withForm.shadowRoot.querySelector('[part="remind-button"]').click();
}
document.documentElement.dataset.ready = 'true';
