// After the broadcaster ends the stream.
import { html, nothing } from 'lit';
import type { PlayerView } from '../live-player/view.js';
import { posterImage } from './prelive.js';

export function endedOverlay(v: PlayerView) {
  if (v.state !== 'ended') return nothing;
  return html`<div class="cover ended" part="overlay ended">
    ${posterImage(v)}
    <div class="card">
      <p class="title">${v.t('ended')}</p>
      <p class="hint">${v.t('endedHint')}</p>
    </div>
  </div>`;
}
