// Mute button and volume slider (the slider hides on narrow players and touch screens, where hardware keys rule).
import { html } from 'lit';
import type { PlayerActions, PlayerView } from '../live-player/view.js';
import { BAR_ICONS } from './bar-icons.js';
import { ICONS, icon } from './icons.js';

export function volumeControl(v: PlayerView, a: PlayerActions) {
  const level = v.muted ? 0 : v.volume;
  return html`<div class="volume" part="volume">
    <button type="button" class="btn" part="button mute-button" aria-label=${v.muted ? v.t('unmute') : v.t('mute')} @click=${a.toggleMute}>
      ${icon(v.muted || v.volume === 0 ? ICONS.muted : BAR_ICONS.volume)}
    </button>
    <input
      class="slider"
      part="volume-slider"
      type="range"
      min="0"
      max="1"
      step="0.05"
      .value=${String(level)}
      aria-label=${v.t('volume')}
      aria-valuetext=${`${Math.round(level * 100)}%`}
      @input=${(e: Event) => a.setVolume(Number((e.target as HTMLInputElement).value))}
    />
  </div>`;
}
