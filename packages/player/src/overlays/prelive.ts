// Before the stream starts: the poster, "hasn't started yet" and the start time in the viewer's own zone.
import { html, nothing } from 'lit';
import { ICONS, icon } from '../controls/icons.js';
import type { PlayerView } from '../live-player/view.js';

export function preliveOverlay(v: PlayerView) {
  if (v.state !== 'waiting') return nothing;
  return html`<div class="cover prelive" part="overlay prelive">
    ${posterImage(v)}
    <div class="card">
      ${icon(ICONS.clock)}
      <p class="title">${v.t('waitingTitle')}</p>
      ${v.startTime ? html`<p class="time" part="start-time">${v.t('startsAt', { time: v.startTime })}</p>` : nothing}
      <p class="hint">${v.t('waitingHint')}</p>
    </div>
  </div>`;
}

export function posterImage(v: PlayerView) {
  return v.poster ? html`<img class="poster" part="poster" src=${v.poster} alt="" />` : nothing;
}
