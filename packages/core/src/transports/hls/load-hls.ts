// Loads hls.js on demand: importing @livehook/core must never pull it into the page.
import type HlsType from 'hls.js';
import type { HlsBuild } from './hls-build.js';

export type HlsConstructor = typeof HlsType;

const pending = new Map<HlsBuild, Promise<HlsConstructor>>();

/**
 * Fetches an hls.js build once per page and reuses it for every player: the full one (the default) or the light
 * one (no subtitles, alternate audio, DRM, CMCD, content steering; see hls-build.ts).
 */
export function loadHls(build: HlsBuild = 'full'): Promise<HlsConstructor> {
  let loading = pending.get(build);
  if (!loading) {
    // hls.js ships no typings for "hls.js/light" (the same API, fewer features): typed as the full build's. The
    // specifier stays a literal in the output, which is what bundlers split the chunk on.
    const light = () => import('hls.js/light' as string) as Promise<{ default: HlsConstructor }>;
    loading = (build === 'light' ? light() : import('hls.js'))
      .then((m) => m.default)
      .catch((error: unknown) => {
        pending.delete(build); // let a later source try again (e.g. after a network blip)
        throw error;
      });
    pending.set(build, loading);
  }
  return loading;
}
