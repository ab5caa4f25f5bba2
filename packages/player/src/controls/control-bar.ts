// The control bar: play, sound, LIVE on the left; captions, quality, picture-in-picture, full screen on the right.
import { html } from 'lit';
import type { PlayerActions, PlayerView } from '../live-player/view.js';
import { captionsButton } from './captions.js';
import { liveBadge } from './live-badge.js';
import { playButton } from './play.js';
import { qualityMenu } from './quality-menu.js';
import { fullscreenButton, pipButton } from './screen.js';
import { volumeControl } from './volume.js';

export function controlBar(v: PlayerView, a: PlayerActions) {
  return html`<div class="bar" part="controls" role="group" aria-label=${v.t('controls')}>
    ${playButton(v, a)} ${volumeControl(v, a)} ${liveBadge(v, a)}
    <span class="spacer"></span>
    ${captionsButton(v, a)} ${qualityMenu(v, a)} ${pipButton(v, a)} ${fullscreenButton(v, a)}
  </div>`;
}
