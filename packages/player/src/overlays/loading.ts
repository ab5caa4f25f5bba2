// The spinner while connecting, stalled or reconnecting, with a "Reconnecting…" note for the latter.
import { html, nothing } from 'lit';
import type { PlayerView } from '../live-player/view.js';

export function loadingOverlay(v: PlayerView) {
  const { state } = v;
  if (state !== 'connecting' && state !== 'stalled' && state !== 'reconnecting') return nothing;
  return html`<div class="center loading" part="overlay loading">
    <div class="spinner" part="spinner" aria-hidden="true"></div>
    ${state === 'reconnecting' ? html`<div class="pill" part="reconnecting">${v.t('reconnecting')}</div>` : nothing}
  </div>`;
}
