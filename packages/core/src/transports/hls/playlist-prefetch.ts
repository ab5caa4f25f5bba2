// Starts fetching an HLS source's multivariant playlist the moment it is tried, while the HLS transport and
// hls.js are still downloading: the playlist's round trip overlaps theirs instead of following them.
import type { HlsSource } from '../../sources/source.js';
import type { TransportFactory } from '../transport.js';
import type { HlsTransportOptions } from './hls-transport.js';
import { hasMediaSource } from './media-source.js';

/** A playlist the origin served (2xx), with when its request started, its first byte and its end came. */
export interface PrefetchedPlaylist {
  readonly url: string;
  readonly status: number;
  readonly text: string;
  readonly startedAt: number;
  readonly firstByteAt: number;
  readonly loadedAt: number;
}

/** One prefetch per attempt, keyed by the attempt's signal: it dies with the attempt, whoever started it. */
const prefetches = new WeakMap<AbortSignal, { url: string; result: Promise<PrefetchedPlaylist | undefined> }>();

/**
 * Fetches `url` as hls.js's XHR would (no extra headers, cookies only for the same origin), unless the page
 * changes how hls.js loads (its own loader or request setup) or cannot use hls.js (no MSE: native HLS fetches
 * its own playlist). Anything but a 2xx body (a 404 before the stream starts, a CORS or network failure)
 * resolves undefined: hls.js then loads the playlist itself and reports, retries or waits as it always does.
 */
export function prefetchPlaylist(url: string, signal: AbortSignal, options: HlsTransportOptions = {}): void {
  if (!prefetchable(options) || signal.aborted) return;
  const startedAt = performance.now();
  const result = fetch(url, { signal, credentials: 'same-origin' })
    .then(async (response) => {
      const firstByteAt = performance.now();
      if (!response.ok) {
        void response.body?.cancel();
        return undefined;
      }
      const text = await response.text();
      return {
        url: response.url || url,
        status: response.status,
        text,
        startedAt,
        firstByteAt,
        loadedAt: performance.now(),
      };
    })
    .catch(() => undefined);
  prefetches.set(signal, { url, result });
}

/** Whether hls.js will load the playlist as prefetchPlaylist does: its own loader, in a browser with MSE. */
export function prefetchable(options: HlsTransportOptions = {}): boolean {
  const config = options.config ?? {};
  const custom = config.loader || config.pLoader || config.xhrSetup || config.fetchSetup;
  return !custom && hasMediaSource();
}

/** The prefetch of `url` for this attempt, once: a retry or a second load goes to the network. */
export function takePrefetchedPlaylist(
  signal: AbortSignal,
  url: string,
): Promise<PrefetchedPlaylist | undefined> | undefined {
  const prefetch = prefetches.get(signal);
  prefetches.delete(signal);
  return prefetch?.url === url ? prefetch.result : undefined;
}

/** The prefetch of `url` for this attempt, left in place for the playlist loader (to choose the hls.js build). */
export function peekPrefetchedPlaylist(
  signal: AbortSignal,
  url: string,
): Promise<PrefetchedPlaylist | undefined> | undefined {
  const prefetch = prefetches.get(signal);
  return prefetch?.url === url ? prefetch.result : undefined;
}

/** The HLS transport factory, with the playlist fetched as soon as a source is tried (before its code loads). */
export function withPlaylistPrefetch(
  factory: TransportFactory<HlsSource>,
  options?: HlsTransportOptions,
): TransportFactory<HlsSource> {
  return {
    ...factory,
    create: (source, context) => {
      prefetchPlaylist(source.url, context.signal, options);
      return factory.create(source, context);
    },
  };
}
