// The browser's own HLS (iOS Safari, where MSE is missing): fewer knobs, same states.
import { exponentialBackoff, Retrier, type RetryPolicy } from '../../policy/retry.js';
import { ViewerError } from '../../viewer/errors.js';
import type { TransportContext } from '../transport.js';
import { probePlaylist, waitForStart } from './wait-for-start.js';

export class NativeHlsPlayback {
  private readonly listeners = new AbortController();
  private readonly retrier = new Retrier(exponentialBackoff({ initial: 1000, max: 8000, maxElapsed: 120_000 }));
  private played = false;

  constructor(
    private readonly url: string,
    private readonly context: TransportContext,
    private readonly waitingPolicy: RetryPolicy,
  ) {}

  start(): void {
    const video = this.context.video;
    const signal = this.listeners.signal;
    video.addEventListener('loadedmetadata', () => this.context.setPhase('live'), { signal });
    video.addEventListener(
      'playing',
      () => {
        this.played = true;
        this.retrier.reset();
        this.context.setPhase('live');
      },
      { signal },
    );
    video.addEventListener('ended', () => this.context.setPhase('ended'), { signal });
    video.addEventListener('error', () => void this.onError(), { signal });
    video.src = this.url;
  }

  /** The end of the seekable range is the live edge for native HLS. */
  liveEdge(): number | undefined {
    const seekable = this.context.video.seekable;
    return seekable.length ? seekable.end(seekable.length - 1) : undefined;
  }

  destroy(): void {
    this.listeners.abort();
    this.retrier.cancel();
  }

  private async onError(): Promise<void> {
    // A media element's error says little; ask the origin whether the stream exists yet.
    const probe = await probePlaylist(this.url, this.listeners.signal);
    if (this.listeners.signal.aborted) return;
    if (probe === 'not-started' && !this.played) {
      this.context.setPhase('waiting');
      try {
        await waitForStart(this.url, {
          signal: this.listeners.signal,
          waitingPolicy: this.waitingPolicy,
          failurePolicy: exponentialBackoff({ maxAttempts: 3 }),
          onWaiting: () => this.context.setPhase('waiting'),
        });
        this.reload();
      } catch {
        if (!this.listeners.signal.aborted)
          this.context.fail(new ViewerError('network', 'the stream cannot be reached'));
      }
      return;
    }
    if (probe === 'ready' && this.context.video.error?.code === MediaError.MEDIA_ERR_DECODE) {
      this.context.fail(new ViewerError('media', 'the browser cannot decode this stream'));
      return;
    }
    this.context.setPhase(this.played ? 'reconnecting' : 'connecting');
    if (!this.retrier.schedule(() => this.reload())) {
      this.context.fail(new ViewerError('network', 'the stream cannot be loaded'));
    }
  }

  private reload(): void {
    const video = this.context.video;
    video.src = this.url;
    video.load();
    void video.play().catch(() => undefined);
  }
}
