// The host console: each button asks the demo server to put a cue on the stream (POST /host/cues),
// and the coupon's stock is read from the reference server (GET /api/coupon) every few seconds.

const COUPON = 'flash50';

const log = document.querySelector('#log');
const stockText = document.querySelector('#stock-text');
const stockBar = document.querySelector('#stock-bar');
const status = document.querySelector('#coupon-status');
const delay = document.querySelector('#delay');

/** @param {string} text @param {'ok' | 'error'} kind */
function note(text, kind = 'ok') {
  log.querySelector('.log__empty')?.remove();
  const item = document.createElement('li');
  item.className = `log__item log__item--${kind}`;
  const time = document.createElement('time');
  time.textContent = new Date().toLocaleTimeString('en-GB');
  item.append(time, ` ${text}`);
  log.prepend(item);
}

/** @param {string} label @param {string} zh @param {'ready' | 'open' | 'closed' | 'soldout'} state */
function setStatus(label, zh, state) {
  status.dataset.state = state;
  status.textContent = `${label} · `;
  const span = document.createElement('span');
  span.lang = 'zh-CN';
  span.textContent = zh;
  status.append(span);
}

for (const button of document.querySelectorAll('[data-action]')) {
  button.addEventListener('click', async () => {
    const action = button.dataset.action;
    button.disabled = true;
    try {
      const response = await fetch('/host/cues', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ action }),
      });
      const answer = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(answer.error ?? `HTTP ${response.status}`);
      delay.textContent = String(answer.delaySeconds);
      if (action === 'coupon.open') {
        const left = answer.cue?.data?.remaining;
        note(`Coupon opened (${left} left). On viewers' screens in about ${answer.delaySeconds} s.`);
        setStatus('Open', '发放中', 'open');
      } else {
        note('Coupon closed. It disappears from viewers’ screens with the stream.');
        setStatus('Closed', '已收回', 'closed');
      }
    } catch (error) {
      note(`Not sent: ${error instanceof Error ? error.message : error}`, 'error');
    } finally {
      button.disabled = false;
    }
  });
}

async function refreshStock() {
  try {
    const response = await fetch(`/api/coupon?coupon=${COUPON}`, { cache: 'no-store' });
    if (!response.ok) return;
    const { remaining, quantity, status: couponStatus } = await response.json();
    stockBar.max = quantity;
    stockBar.value = remaining;
    stockText.textContent = `${remaining} of ${quantity} left · `;
    const zh = document.createElement('span');
    zh.lang = 'zh-CN';
    zh.textContent = `剩余 ${remaining} 张`;
    stockText.append(zh);
    if (couponStatus === 'soldout') setStatus('Sold out', '已抢光', 'soldout');
  } catch {
    // The demo server stopped; the next tick tries again.
  }
}

refreshStock();
setInterval(() => {
  if (document.visibilityState === 'visible') refreshStock();
}, 3000);
