export { LivePlayer } from './live-player/live-player.js';
