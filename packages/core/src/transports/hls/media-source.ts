// Whether hls.js can play here at all: MSE, or Safari's ManagedMediaSource (iOS 17.1+). Without either, HLS is native.
export function hasMediaSource(): boolean {
  return Boolean(globalThis.MediaSource || 'ManagedMediaSource' in globalThis);
}
