// Every overlay over the video, in stacking order; each renders nothing outside its state.
// ("Tap to unmute" lives in the slot layer, just below the corner widgets, so it never covers them.)
import { html } from 'lit';
import type { PlayerActions, PlayerView } from '../live-player/view.js';
import { endedOverlay } from './ended.js';
import { errorOverlay } from './error.js';
import { loadingOverlay } from './loading.js';
import { preliveOverlay } from './prelive.js';
import { tapToPlay } from './prompts.js';

export function overlays(v: PlayerView, a: PlayerActions) {
  return html`${loadingOverlay(v)}${preliveOverlay(v)}${endedOverlay(v)}${errorOverlay(v, a)}${tapToPlay(v, a)}`;
}
