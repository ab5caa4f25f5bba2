// The demo shop's own behaviour (gallery, options, quantity, cart). LiveHook needs none of it;
// it is a separate file because the page's CSP allows no inline script.

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
