export { loadHls, type HlsConstructor } from './load-hls.js';
export { chooseHlsEngine, type HlsEngine } from './playback-engine.js';
