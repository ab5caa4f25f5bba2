// The quality menu: Auto plus every level, highest first; in Auto it says which level is on screen.
import { type Quality, sortQualities } from '@livehook/core';
import { html, nothing } from 'lit';
import type { PlayerActions, PlayerView } from '../live-player/view.js';
import { icon } from './icons.js';

export const QUALITY_MENU_ID = 'quality-menu';

export function qualityMenu(v: PlayerView, a: PlayerActions) {
  if (v.qualities.length < 2) return nothing;
  const playing = v.qualities.find((q) => q.id === v.playing);
  const items: { id: string; label: string }[] = [
    {
      id: 'auto',
      label: playing && v.choice === 'auto' ? v.t('autoPlaying', { quality: playing.label }) : v.t('auto'),
    },
    ...sortQualities(v.qualities).map((q: Quality) => ({ id: q.id, label: q.label })),
  ];
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
      ${icon('settings')}${hd ? html`<span class="hd" aria-hidden="true">HD</span>` : nothing}
    </button>
    <div id=${QUALITY_MENU_ID} class="menu" part="quality-menu" role="menu" aria-label=${v.t('quality')} ?hidden=${!v.menuOpen}>
      <div class="menu-title" aria-hidden="true">${v.t('quality')}</div>
      ${items.map(
        (item) => html`<button
          type="button"
          class="item"
          part="quality-option"
          role="menuitemradio"
          tabindex="-1"
          aria-checked=${item.id === v.choice ? 'true' : 'false'}
          data-id=${item.id}
          @click=${() => a.selectQuality(item.id)}
        >
          ${icon('check')}<span>${item.label}</span>
        </button>`,
      )}
    </div>
  </div>`;
}

/** Moves focus into an open menu: to the checked item. */
export function focusCheckedItem(root: ParentNode): void {
  const menu = root.querySelector<HTMLElement>(`#${QUALITY_MENU_ID}`);
  (menu?.querySelector<HTMLElement>('[aria-checked="true"]') ?? menu?.querySelector<HTMLElement>('.item'))?.focus();
}

function onMenuKey(e: KeyboardEvent, a: PlayerActions): void {
  const wrap = e.currentTarget as HTMLElement;
  const items = [...wrap.querySelectorAll<HTMLElement>('.item')];
  const menu = wrap.querySelector<HTMLElement>('.menu');
  if (!menu || menu.hidden) return;
  const index = items.indexOf(e.composedPath()[0] as HTMLElement);
  let next: number | undefined;
  switch (e.key) {
    case 'Escape':
      a.closeMenu(true);
      break;
    case 'Tab':
      a.closeMenu(false);
      return; // let focus move on
    case 'ArrowDown':
      next = (index + 1) % items.length;
      break;
    case 'ArrowUp':
      next = (index - 1 + items.length) % items.length;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = items.length - 1;
      break;
    default:
      return;
  }
  e.preventDefault();
  e.stopPropagation(); // menu keys are not player hotkeys
  if (next !== undefined) items[next]?.focus();
}

function onFocusOut(e: FocusEvent, a: PlayerActions): void {
  const wrap = e.currentTarget as HTMLElement;
  const to = e.relatedTarget as Node | null;
  if (!to || !wrap.contains(to)) a.closeMenu(false);
}
