// Picture-in-picture and full screen, each shown only where the browser can do it.
import { html, nothing } from 'lit';
import type { PlayerActions, PlayerView } from '../live-player/view.js';
import { BAR_ICONS } from './bar-icons.js';
import { icon } from './icons.js';

export function pipButton(v: PlayerView, a: PlayerActions) {
  if (!v.canPip) return nothing;
  return html`<button type="button" class="btn" part="button pip-button" aria-label=${v.pip ? v.t('exitPip') : v.t('pip')} @click=${a.togglePip}>
    ${icon(BAR_ICONS.pip)}
  </button>`;
}

export function fullscreenButton(v: PlayerView, a: PlayerActions) {
  if (!v.canFullscreen) return nothing;
  return html`<button type="button" class="btn" part="button fullscreen-button" aria-label=${v.fullscreen ? v.t('exitFullscreen') : v.t('fullscreen')} @click=${a.toggleFullscreen}>
    ${icon(v.fullscreen ? BAR_ICONS.exitFullscreen : BAR_ICONS.fullscreen)}
  </button>`;
}
