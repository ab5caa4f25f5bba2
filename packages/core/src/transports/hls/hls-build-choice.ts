// Confirms the hls.js build from the stream's own playlist, read from the prefetch (see hls-build.ts for what
// the light build leaves out).
import type { HlsConfig } from 'hls.js';
import { type HlsBuild, hlsBuildForConfig } from './hls-build.js';

/** Playlist tags and attributes only the full build plays. */
const NEEDS_FULL: readonly RegExp[] = [
  /^#EXT-X-MEDIA:(?=.*\bTYPE=(?:SUBTITLES|CLOSED-CAPTIONS)\b)/m, // subtitles, declared captions
  /^#EXT-X-STREAM-INF:.*\bCLOSED-CAPTIONS="/m, // captions in the video (CLOSED-CAPTIONS=NONE says there are none)
  /^#EXT-X-STREAM-INF:.*\bSUBTITLES="/m,
  /^#EXT-X-MEDIA:(?=.*\bTYPE=AUDIO\b)(?=.*\bURI=")/m, // alternate audio renditions
  /^#EXT-X-(?:SESSION-)?KEY:(?=.*\bKEYFORMAT=")(?!.*\bKEYFORMAT="identity")/m, // DRM key systems (AES-128 is in both)
  /^#EXT-X-(?:SESSION-)?KEY:.*\bMETHOD=SAMPLE-AES/m,
  /^#EXT-X-CONTENT-STEERING:/m,
  /^#EXT-X-DEFINE:/m, // variable substitution
  /\bCODECS="[^"]*\b(?:ac-3|ec-3)\b/im, // Dolby audio (its MPEG-TS demuxing is full-build only)
];

/** The build a playlist (multivariant or media) needs; a playlist that could not be read gets the full one. */
export function hlsBuildForPlaylist(text: string | undefined): HlsBuild {
  if (text === undefined || !text.trimStart().startsWith('#EXTM3U')) return 'full';
  return NEEDS_FULL.some((pattern) => pattern.test(text)) ? 'full' : 'light';
}

/**
 * The build this attempt plays with: what the page's settings call for, else what the prefetched playlist
 * declares. A prefetch that says nothing within `patienceMs` (hanging, then hls.js asks again) gets the full build.
 */
export async function chooseHlsBuild(
  config: Partial<HlsConfig> | undefined,
  prefetch: Promise<{ text: string } | undefined> | undefined,
  patienceMs = 10_000,
): Promise<HlsBuild> {
  const forced = hlsBuildForConfig(config);
  if (forced || !prefetch) return forced ?? 'full';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const gaveUp = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, patienceMs, undefined);
  });
  try {
    return hlsBuildForPlaylist((await Promise.race([prefetch, gaveUp]))?.text);
  } finally {
    clearTimeout(timer);
  }
}
