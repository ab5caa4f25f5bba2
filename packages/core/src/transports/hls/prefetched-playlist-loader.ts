// hls.js's playlist loader, except that its first multivariant-playlist request is answered from the playlist
// prefetched while hls.js was downloading (playlist-prefetch.ts). Every other request, and that one too when the
// prefetch came to nothing, goes through hls.js's own loader unchanged: same retries, timeouts and errors.
import type { HlsConfig, Loader, LoaderCallbacks, LoaderConfiguration, LoaderContext } from 'hls.js';
import type { HlsConstructor } from './load-hls.js';
import { type PrefetchedPlaylist, takePrefetchedPlaylist } from './playlist-prefetch.js';

type LoaderClass = new (config: HlsConfig) => Loader<LoaderContext>;

/** `{ pLoader }` for hls.js when this attempt prefetched `url`, else nothing to add. */
export function prefetchedPlaylistConfig(Hls: HlsConstructor, signal: AbortSignal, url: string): Partial<HlsConfig> {
  let prefetch = takePrefetchedPlaylist(signal, url);
  const Base = Hls.DefaultConfig?.loader as LoaderClass | undefined;
  if (!prefetch || !Base) return {}; // an injected stand-in for hls.js may have no loader to extend

  class PrefetchedPlaylistLoader extends Base {
    /** Set while this loader waits on the prefetch; cleared by abort, destroy or the answer. */
    private waiting: (() => void) | undefined;

    override load(context: LoaderContext, config: LoaderConfiguration, callbacks: LoaderCallbacks<LoaderContext>) {
      const mine = (context as { type?: string }).type === 'manifest' && context.url === url ? prefetch : undefined;
      if (!mine) return super.load(context, config, callbacks);
      prefetch = undefined; // once: hls.js reloading the manifest (a retry, a restart) wants a fresh copy
      const stats = this.stats;
      // A prefetch that hangs must not outlive hls.js's own patience: past it, ask the network.
      const { maxTimeToFirstByteMs, maxLoadTimeMs } = config.loadPolicy;
      const patience = [maxTimeToFirstByteMs, maxLoadTimeMs].find(Number.isFinite) ?? 10_000; // hls.js's default is Infinity
      const timer = setTimeout(() => this.settle(undefined), patience);
      this.waiting = () => {
        clearTimeout(timer);
        this.waiting = undefined;
      };
      this.settle = (playlist: PrefetchedPlaylist | undefined) => {
        if (!this.waiting) return;
        this.waiting();
        if (!playlist) return super.load(context, config, callbacks);
        stats.loading = { start: playlist.startedAt, first: playlist.firstByteAt, end: playlist.loadedAt };
        stats.loaded = stats.total = playlist.text.length;
        stats.bwEstimate = (stats.total * 8000) / Math.max(1, playlist.loadedAt - playlist.firstByteAt);
        this.context = context;
        callbacks.onSuccess({ url: playlist.url, data: playlist.text, code: playlist.status }, stats, context, null);
      };
      mine.then((playlist) => this.settle(playlist));
    }

    private settle: (playlist: PrefetchedPlaylist | undefined) => void = () => undefined;

    override abort(): void {
      this.waiting?.();
      super.abort();
    }

    override destroy(): void {
      this.waiting?.();
      super.destroy();
    }
  }

  return { pLoader: PrefetchedPlaylistLoader as unknown as HlsConfig['pLoader'] };
}
