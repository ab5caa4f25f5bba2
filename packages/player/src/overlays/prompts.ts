// What autoplay rules leave the viewer to do: tap to play (nothing could start) or tap to unmute (started muted).
import { html, nothing } from 'lit';
import { ICONS, icon } from '../controls/icons.js';
import type { PlayerActions, PlayerView } from '../live-player/view.js';

export function tapToPlay(v: PlayerView, a: PlayerActions) {
  if (v.state !== 'paused') return nothing;
  const blocked = v.autoplay === 'blocked';
  return html`<div class="center">
    <button type="button" class="big-play" part="button tap-to-play" aria-label=${blocked ? v.t('tapToPlay') : v.t('play')} @click=${a.playFromOverlay}>
      ${icon(ICONS.play)}
    </button>
    ${blocked ? html`<div class="pill" aria-hidden="true">${v.t('tapToPlay')}</div>` : nothing}
  </div>`;
}

export function tapToUnmute(v: PlayerView, a: PlayerActions) {
  const show = v.autoplay === 'muted' && v.muted && !v.menuOpen && (v.state === 'playing' || v.state === 'stalled');
  if (!show) return nothing;
  return html`<div class="prompt">
    <button type="button" class="unmute" part="button unmute-button" @click=${a.unmute}>
      ${icon(ICONS.muted)}<span>${v.t('tapToUnmute')}</span>
    </button>
  </div>`;
}
