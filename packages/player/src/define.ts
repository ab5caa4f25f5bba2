// Registers <live-player>. Importing this file is the only side effect the package has.
import type { LivePlayer } from './live-player/live-player.js';
import { defineLivePlayer } from './registry.js';

export { defineLivePlayer } from './registry.js';

defineLivePlayer();

declare global {
  interface HTMLElementTagNameMap {
    'live-player': LivePlayer;
  }
}
