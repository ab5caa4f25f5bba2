// Which hls.js build a stream needs. The light build is a third smaller (117 vs 182 KB gzip), so it downloads,
// parses and compiles sooner: the first frame comes earlier on a busy phone. It leaves out what live-commerce
// streams rarely use: subtitles and captions, alternate audio, DRM (EME), CMCD, content steering, variable
// substitution, interstitials and AC-3 in MPEG-TS. A stream whose playlist declares any of those, or a page whose
// hls.js settings ask for them, gets the full build.
import type { HlsConfig } from 'hls.js';
import type { HlsTransportOptions } from './hls-transport.js';
import { hasMediaSource } from './media-source.js';
import { prefetchable } from './playlist-prefetch.js';

export type HlsBuild = 'full' | 'light';

/**
 * hls.js settings only the full build reads (captions and subtitles, alternate audio, DRM, CMCD, content steering,
 * interstitials): a page that sets one wants that feature. `enableCEA708Captions: true` is how a page asks for
 * captions carried in the video that its playlist does not declare.
 */
const FULL_ONLY_SETTING =
  /^(?:enable(?:WebVTT|IMSC1|CEA708Captions)|renderTextTracksNatively|captionsTextTrack|cueHandler|subtitle|timelineController|audio(?:Stream|Track)Controller|audioPreference|eme|drm|license|requestMediaKeySystemAccessFunc|cmcd|contentSteering|interstitials)/;

/** The build the page's hls.js settings call for, before anything is known of the stream. */
export function hlsBuildForConfig(config: Partial<HlsConfig> = {}): HlsBuild | undefined {
  return Object.keys(config).some(
    (key) => FULL_ONLY_SETTING.test(key) && (config as Record<string, unknown>)[key] !== undefined,
  )
    ? 'full'
    : undefined;
}

/**
 * The build to start fetching as soon as an HLS source is tried, before its playlist is read: the light one,
 * unless the settings need the full one or the playlist will not be prefetched (a page's own loader).
 * The transport confirms it from the playlist (hls-build-choice.ts).
 */
export function expectedHlsBuild(options: HlsTransportOptions = {}): HlsBuild {
  return hlsBuildForConfig(options.config) ?? (prefetchable(options) || !hasMediaSource() ? 'light' : 'full');
}
