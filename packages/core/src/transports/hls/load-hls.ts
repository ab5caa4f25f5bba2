// Loads hls.js on demand: importing @livehook/core must never pull it into the page.
import type HlsType from 'hls.js';

export type HlsConstructor = typeof HlsType;

let pending: Promise<HlsConstructor> | undefined;

/** Fetches the hls.js chunk once per page and reuses it for every player. */
export function loadHls(): Promise<HlsConstructor> {
  pending ??= import('hls.js')
    .then((m) => m.default)
    .catch((error: unknown) => {
      pending = undefined; // let a later source try again (e.g. after a network blip)
      throw error;
    });
  return pending;
}
