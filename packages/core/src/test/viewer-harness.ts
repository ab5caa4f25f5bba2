// A Viewer on a fresh <video> for the browser tests, with fast retry policies and its states and fallbacks
// recorded. Shared by the Viewer's test files (kept apart so an engine can leave one file out).
import { exponentialBackoff } from '../policy/retry.js';
import type { ViewerEventMap } from '../viewer/events.js';
import { Viewer, type ViewerOptions } from '../viewer/viewer.js';
import { createVideo } from './testbed.js';

const fast = {
  waitingPolicy: exponentialBackoff({ initial: 500, max: 1000, jitter: 0 }),
  startupPolicy: exponentialBackoff({ initial: 300, max: 600, maxAttempts: 2, jitter: 0 }),
};

export type HarnessOptions = Omit<ViewerOptions, 'hls'> & { hls?: ViewerOptions['hls'] };

/** Starts Viewers one at a time; `destroy()` (call it in afterEach) tears down the current one and its video. */
export function viewerHarness() {
  const harness = {
    viewer: undefined as Viewer | undefined,
    video: undefined as HTMLVideoElement | undefined,
    states: [] as string[],
    fallbacks: [] as ViewerEventMap['fallback'][],
    start(options: HarnessOptions): Viewer {
      harness.video = createVideo();
      harness.states.length = 0;
      harness.fallbacks.length = 0;
      const viewer = new Viewer(harness.video, {
        autoplay: true,
        muted: true,
        ...options,
        hls: { ...fast, ...options.hls },
      });
      harness.viewer = viewer;
      viewer.on('statechange', ({ state }) => harness.states.push(state));
      viewer.on('fallback', (event) => harness.fallbacks.push(event));
      viewer.load();
      return viewer;
    },
    destroy(): void {
      harness.viewer?.destroy();
      harness.viewer = undefined;
      harness.video?.remove();
    },
  };
  return harness;
}
