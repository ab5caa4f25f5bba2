// The quality button and, behind it, the menu (quality-menu-list.ts): Auto plus every level.
import { html, nothing } from 'lit';
import type { PlayerActions, PlayerView } from '../live-player/view.js';
import { BAR_ICONS } from './bar-icons.js';
import { icon } from './icons.js';
import { menu, onFocusOut, onMenuKey } from './quality-menu-list.js';

export const QUALITY_MENU_ID = 'quality-menu';

export function qualityMenu(v: PlayerView, a: PlayerActions) {
  if (v.qualities.length < 2) return nothing;
  const playing = v.qualities.find((q) => q.id === v.playing);
  const hd = (playing?.height ?? 0) >= 720;
  return html`<div class="menu-wrap" @keydown=${(e: KeyboardEvent) => onMenuKey(e, a)} @focusout=${(e: FocusEvent) => onFocusOut(e, a)}>
    <button
      type="button"
      class="btn"
      part="button quality-button"
      aria-label=${hd ? `${v.t('quality')} HD` : v.t('quality')}
      aria-haspopup="menu"
      aria-expanded=${v.menuOpen ? 'true' : 'false'}
      aria-controls=${QUALITY_MENU_ID}
      @click=${a.toggleMenu}
    >
      ${icon(BAR_ICONS.settings)}${hd ? html`<span class="hd" aria-hidden="true">HD</span>` : nothing}
    </button>
    ${menu(v, a, QUALITY_MENU_ID, playing)}
  </div>`;
}

/** Moves focus into an open menu: to the checked item. */
export function focusCheckedItem(root: ParentNode): void {
  const menu = root.querySelector<HTMLElement>(`#${QUALITY_MENU_ID}`);
  (menu?.querySelector<HTMLElement>('[aria-checked="true"]') ?? menu?.querySelector<HTMLElement>('.item'))?.focus();
}
