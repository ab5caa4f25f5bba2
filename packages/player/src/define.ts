// Registers <live-player>. Importing this file is the only side effect the package has.
import { LivePlayer } from './live-player/live-player.js';

/**
 * Registers the player under `tagName` (default `live-player`). Safe to call twice, e.g.
 * when a page loads the script twice: an existing registration is kept.
 */
export function defineLivePlayer(tagName = 'live-player'): void {
  if (typeof customElements === 'undefined' || customElements.get(tagName)) return;
  // A subclass per extra name: one constructor can only be registered once.
  customElements.define(tagName, tagName === 'live-player' ? LivePlayer : class extends LivePlayer {});
}

defineLivePlayer();

declare global {
  interface HTMLElementTagNameMap {
    'live-player': LivePlayer;
  }
}
