// The control bar: play, sound, LIVE on the left; captions, quality, picture-in-picture, full screen on the right.
// Its code, icons and styles are one chunk that controls-loader.ts fetches once there is something to control.
import { adoptStyles, html } from 'lit';
import type { PlayerActions, PlayerView } from '../live-player/view.js';
import { captionsButton } from './captions.js';
import { controlsStyles } from './controls.styles.js';
import { liveBadge } from './live-badge.js';
import { playButton } from './play.js';
import { qualityMenu } from './quality-menu.js';
import { fullscreenButton, pipButton } from './screen.js';
import { volumeControl } from './volume.js';

export { focusCheckedItem } from './quality-menu.js';

export function controlBar(v: PlayerView, a: PlayerActions) {
  return html`<div class="bar" part="controls" role="group" aria-label=${v.t('controls')}>
    ${playButton(v, a)} ${volumeControl(v, a)} ${liveBadge(v, a)}
    <span class="spacer"></span>
    ${captionsButton(v, a)} ${qualityMenu(v, a)} ${pipButton(v, a)} ${fullscreenButton(v, a)}
  </div>`;
}

const styled = new WeakSet<ShadowRoot>();

/** Adds the bar's styles to a player's shadow root (once), after the element's own, which stay. */
export function styleControls(root: ShadowRoot): void {
  if (styled.has(root)) return;
  styled.add(root);
  const sheet = controlsStyles.styleSheet;
  // Without constructable stylesheets, Lit's adoptStyles appends a <style> (with the page's nonce) instead.
  if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  else adoptStyles(root, [controlsStyles]);
}
