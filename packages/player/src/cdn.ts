// The CDN entry: one <script type="module"> defines <live-player>; hls.js arrives as a lazy chunk.
import './define.js';

export { defineLivePlayer } from './define.js';
export { registerLocale } from './i18n/locale.js';
export { LivePlayer } from './live-player/live-player.js';
