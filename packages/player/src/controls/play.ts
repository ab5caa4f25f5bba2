// The play/pause button.
import { html } from 'lit';
import type { PlayerActions, PlayerView } from '../live-player/view.js';
import { BAR_ICONS } from './bar-icons.js';
import { ICONS, icon } from './icons.js';

export function playButton(v: PlayerView, a: PlayerActions) {
  return html`<button type="button" class="btn" part="button play-button" aria-label=${v.paused ? v.t('play') : v.t('pause')} @click=${a.togglePlay}>
    ${icon(v.paused ? ICONS.play : BAR_ICONS.pause)}
  </button>`;
}
