// The playback reporter's code loads when a view starts (the first `playing`), not with the player: lead
// analytics never competes with start-up for bytes or main-thread time, and it has nothing to say before then.
import type { PlaybackReporter, PlaybackReporterOptions, ReportedViewer } from './playback-reporter.js';

/**
 * `reportPlayback`, with its code fetched when the viewer first plays. Reports exactly the same events: a
 * view starts at the first `playing` anyway. A player removed while the code was on its way still reports
 * the short view it had.
 */
export function reportPlaybackWhenPlaying(
  viewer: ReportedViewer,
  options: PlaybackReporterOptions = {},
): PlaybackReporter {
  let reporter: PlaybackReporter | undefined;
  let closed = false;
  let requested = false;

  const load = () => {
    if (requested) return;
    requested = true;
    offState();
    import('./playback-reporter.js').then(
      ({ reportPlayback }) => {
        if (!closed) {
          reporter = reportPlayback(viewer, options); // the viewer is playing: the view starts now
          return;
        }
        // Closed meanwhile: the view happened, so report it (started, then ended at once).
        const { on, metrics, playingQuality } = viewer;
        reportPlayback({ on: on.bind(viewer), state: 'playing', metrics, playingQuality }, options).destroy();
      },
      (error: unknown) => console.warn('[livehook] the playback reporter could not load; views go unreported', error),
    );
  };

  const offState = viewer.on('statechange', ({ state }) => {
    if (state === 'playing') load();
  });
  if (viewer.state === 'playing') load();

  return {
    destroy() {
      closed = true;
      offState();
      reporter?.destroy();
    },
  };
}
