// No source can play: say so in the viewer's language, with a Retry button and a code for support.
import { html, nothing } from 'lit';
import { ICONS, icon } from '../controls/icons.js';
import type { PlayerActions, PlayerView } from '../live-player/view.js';

export function errorOverlay(v: PlayerView, a: PlayerActions) {
  if (v.state !== 'error') return nothing;
  const code = v.error?.code ?? 'network';
  return html`<div class="cover error" part="overlay error" role="alert">
    <div class="card">
      ${icon(ICONS.alert)}
      <p class="title">${v.t('errorTitle')}</p>
      <p class="hint">${v.t(`error.${code}`)}</p>
      <button type="button" class="action" part="button retry-button" @click=${a.retry}>${icon(ICONS.retry)}${v.t('retry')}</button>
      <p class="code">${v.t('errorCode', { code })}</p>
    </div>
  </div>`;
}
