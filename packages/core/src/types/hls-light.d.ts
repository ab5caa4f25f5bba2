// hls.js ships no typings for its light build's entry ("hls.js/light"): it is the same API, with fewer features.
declare module 'hls.js/light' {
  export * from 'hls.js';
  export { default } from 'hls.js';
}
