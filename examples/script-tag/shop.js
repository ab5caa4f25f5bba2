// The demo shop's own behaviour: gallery, options, quantity and cart (LiveHook needs none of it), the
// consent banner that tells <live-analytics> whether it may count, and the viewer count next to the host.
// It is a separate file because the page's CSP allows no inline script.

const mainImage = document.querySelector('#gallery-main');
const thumbs = document.querySelectorAll('.gallery__thumb');
for (const thumb of thumbs) {
  thumb.addEventListener('click', () => {
    for (const t of thumbs) t.setAttribute('aria-pressed', String(t === thumb));
    mainImage.src = thumb.dataset.src;
    mainImage.alt = thumb.dataset.alt;
  });
}

const choices = document.querySelectorAll('.options__choice');
for (const choice of choices) {
  choice.addEventListener('click', () => {
    for (const c of choices) c.setAttribute('aria-pressed', String(c === choice));
  });
}

const qty = document.querySelector('#qty');
for (const step of document.querySelectorAll('.qty__step')) {
  step.addEventListener('click', () => {
    qty.value = String(Math.min(9, Math.max(1, Number(qty.value) + Number(step.dataset.step))));
  });
}

const cartCount = document.querySelector('#cart-count');
const cartLink = document.querySelector('#cart-link');
const toast = document.querySelector('#toast');
let toastTimer;
document.querySelector('#add-to-cart').addEventListener('click', () => {
  const count = Number(cartCount.textContent) + Number(qty.value);
  cartCount.textContent = String(count);
  cartCount.hidden = false;
  cartLink.setAttribute('aria-label', `Cart, ${count} items`);
  toast.textContent = 'Added to cart · 已加入购物车';
  toast.classList.add('toast--show');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => toast.classList.remove('toast--show'), 2200);
});

// ---------- consent: <live-analytics consent="required"> sends nothing until grantConsent() ----------

// LiveHook doesn't remember the decision (it is the shop's, like any CMP's): this page keeps it and
// tells the element again on every load.
const CONSENT_KEY = 'yunshan:analytics-consent';
const banner = document.querySelector('#consent');

function storedConsent() {
  try {
    return localStorage.getItem(CONSENT_KEY);
  } catch {
    return null; // storage blocked: ask every time
  }
}

/** @param {'granted' | 'denied'} decision */
async function decide(decision) {
  try {
    localStorage.setItem(CONSENT_KEY, decision);
  } catch {
    // storage blocked: the decision holds for this page load
  }
  banner.hidden = true;
  await applyConsent(decision);
}

/** @param {string | null} decision */
async function applyConsent(decision) {
  if (decision !== 'granted' && decision !== 'denied') return;
  await customElements.whenDefined('live-analytics');
  for (const analytics of document.querySelectorAll('live-analytics')) {
    if (decision === 'granted') analytics.grantConsent();
    else analytics.revokeConsent();
  }
}

document.querySelector('#consent-accept').addEventListener('click', () => decide('granted'));
document.querySelector('#consent-decline').addEventListener('click', () => decide('denied'));
document.querySelector('#consent-reopen').addEventListener('click', () => {
  banner.hidden = false;
  document.querySelector('#consent-accept').focus();
});

const decision = storedConsent();
if (decision === 'granted' || decision === 'denied') applyConsent(decision);
else banner.hidden = false;

// ---------- the viewer count: real (LiveKit room) or not shown ----------

const player = document.querySelector('#live-player');
const viewersLine = document.querySelector('#live-viewers');
const viewersCount = document.querySelector('#live-viewers-count');
const topic = document.querySelector('#live-topic');
let watchedViewer;
let stopWatching;

/** @param {number | undefined} count */
function showViewers(count) {
  const known = typeof count === 'number' && Number.isFinite(count) && count > 0;
  if (known) viewersCount.textContent = count.toLocaleString('en');
  viewersLine.hidden = !known;
  topic.hidden = known;
}

// The player's core Viewer counts the room's viewers (LiveKit only) and is replaced when the source changes.
function followViewer() {
  const viewer = player.viewer;
  if (viewer === watchedViewer) return;
  stopWatching?.();
  watchedViewer = viewer;
  stopWatching = viewer?.on?.('viewers', ({ count }) => showViewers(count));
  showViewers(player.viewers);
}

player.addEventListener('live-statechange', followViewer);
customElements.whenDefined('live-player').then(followViewer);
