// The LIVE pill: red at the live edge; when the viewer has fallen behind it turns into "back to live".
import { html } from 'lit';
import type { PlayerActions, PlayerView } from '../live-player/view.js';

export function liveBadge(v: PlayerView, a: PlayerActions) {
  return html`<button type="button" class="live ${v.behind ? 'behind' : ''}" part="button live-badge" @click=${a.seekToLive}>
    <span class="dot" aria-hidden="true"></span>${v.behind ? v.t('backToLive') : v.t('live')}
  </button>`;
}
