// Captions on/off, shown only when the stream carries subtitles or captions.
import { html, nothing } from 'lit';
import type { PlayerActions, PlayerView } from '../live-player/view.js';
import { BAR_ICONS } from './bar-icons.js';
import { icon } from './icons.js';

export function captionsButton(v: PlayerView, a: PlayerActions) {
  if (!v.captionsAvailable) return nothing;
  return html`<button type="button" class="btn" part="button captions-button" aria-label=${v.t('captions')} aria-pressed=${v.captionsShowing ? 'true' : 'false'} @click=${a.toggleCaptions}>
    ${icon(BAR_ICONS.captions)}
  </button>`;
}
