// Registering <live-player> under its name, or another one when a page already uses `live-player`.
// Importing this file defines nothing: define.ts and the CDN entry call it.
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
