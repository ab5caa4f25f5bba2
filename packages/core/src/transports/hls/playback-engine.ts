// Decides how an HLS URL is played on this browser: hls.js over MSE, or the browser's own HLS.
import type { HlsConstructor } from './load-hls.js';

export type HlsEngine = 'hls.js' | 'native' | 'unsupported';

/**
 * hls.js wins wherever MSE works: Chromium answers "maybe" to the HLS MIME type and plays
 * it natively too, but without the ABR, recovery and metrics we get from hls.js.
 * Native HLS is for iOS Safari and other browsers without MSE.
 */
export function chooseHlsEngine(video: HTMLVideoElement, Hls: Pick<HlsConstructor, 'isSupported'>): HlsEngine {
  if (Hls.isSupported()) return 'hls.js';
  if (video.canPlayType('application/vnd.apple.mpegurl')) return 'native';
  return 'unsupported';
}
