export { parseHlsSource, SourceError, type HlsSource, type Source } from './sources/source.js';
export { loadHls, chooseHlsEngine, type HlsConstructor, type HlsEngine } from './transports/hls/index.js';
