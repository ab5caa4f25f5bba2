// The quality menu itself: Auto plus every level, highest first; in Auto it says which level is on screen.
import { type Quality, sortQualities } from '@livehook/core';
import { html } from 'lit';
import type { PlayerActions, PlayerView } from '../live-player/view.js';
import { BAR_ICONS } from './bar-icons.js';
import { icon } from './icons.js';

export function menu(v: PlayerView, a: PlayerActions, id: string, playing: Quality | undefined) {
  const items: { id: string; label: string }[] = [
    {
      id: 'auto',
      label: playing && v.choice === 'auto' ? v.t('autoPlaying', { quality: playing.label }) : v.t('auto'),
    },
    ...sortQualities(v.qualities).map((q: Quality) => ({ id: q.id, label: q.label })),
  ];
  return html`<div id=${id} class="menu" part="quality-menu" role="menu" aria-label=${v.t('quality')} ?hidden=${!v.menuOpen}>
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
        ${icon(BAR_ICONS.check)}<span>${item.label}</span>
      </button>`,
    )}
  </div>`;
}

export function onMenuKey(e: KeyboardEvent, a: PlayerActions): void {
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

export function onFocusOut(e: FocusEvent, a: PlayerActions): void {
  const wrap = e.currentTarget as HTMLElement;
  const to = e.relatedTarget as Node | null;
  if (!to || !wrap.contains(to)) a.closeMenu(false);
}
