// Before a stream starts, its playlist 404s. Poll it politely until it exists.
import { Retrier, type RetryPolicy } from '../../policy/retry.js';

export type PlaylistProbe = 'ready' | 'not-started' | 'failed';

/** One look at the playlist: exists, not started yet (404/410), or unreachable. */
export async function probePlaylist(url: string, signal: AbortSignal): Promise<PlaylistProbe> {
  try {
    const response = await fetch(url, { cache: 'no-store', signal });
    void response.body?.cancel();
    if (response.ok) return 'ready';
    return response.status === 404 || response.status === 410 ? 'not-started' : 'failed';
  } catch {
    return 'failed';
  }
}

/**
 * Resolves when the playlist exists. Rejects when the network keeps failing past `failurePolicy`
 * or the signal aborts. `onWaiting` fires once the origin has said "not started".
 */
export function waitForStart(
  url: string,
  {
    signal,
    waitingPolicy,
    failurePolicy,
    onWaiting,
  }: {
    signal: AbortSignal;
    waitingPolicy: RetryPolicy;
    failurePolicy: RetryPolicy;
    onWaiting(): void;
  },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const waiting = new Retrier(waitingPolicy);
    const failing = new Retrier(failurePolicy);
    signal.addEventListener('abort', () => {
      waiting.cancel();
      failing.cancel();
      reject(signal.reason);
    });
    const look = async () => {
      const result = await probePlaylist(url, signal);
      if (signal.aborted) return;
      if (result === 'ready') return resolve();
      if (result === 'not-started') {
        failing.reset();
        onWaiting();
        waiting.schedule(look);
      } else if (!failing.schedule(look)) {
        reject(new Error(`the playlist at ${url} cannot be reached`));
      }
    };
    void look();
  });
}
