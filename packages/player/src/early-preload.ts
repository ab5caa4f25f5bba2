// First thing the CDN entry runs, before Lit and the element are evaluated: a player already in the page starts
// fetching the HLS code now instead of when the element upgrades, a little later.
import { preloadHls } from '@livehook/core';

if (typeof document !== 'undefined') {
  const waiting = [...document.querySelectorAll('[src]')].some(
    (el) => el.localName.endsWith('-player') && !customElements.get(el.localName),
  );
  if (waiting) preloadHls();
}
