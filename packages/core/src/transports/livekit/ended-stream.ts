// Restarts a <video> the browser stopped because its MediaStream ran out of live tracks. Firefox does what the spec
// says: once every track has ended (the old room's tracks stop during a rejoin, or the host unpublishes), the element
// is paused and `ended`, and a new track added to the same stream does not start it again. Chromium plays on.

export class EndedStreamRestarter {
  /** The last pause came from the stream ending, not from the viewer. */
  private stoppedByStream = false;
  private readonly abort = new AbortController();

  constructor(private readonly video: HTMLVideoElement) {
    const opts = { signal: this.abort.signal };
    // The browser's pause arrives with `ended` already true; a viewer's own pause has it false.
    video.addEventListener('pause', () => (this.stoppedByStream = video.ended), opts);
    video.addEventListener('play', () => (this.stoppedByStream = false), opts);
  }

  /** Call after adding a live track: plays again if the stream's end stopped playback. */
  trackAdded(): void {
    if (!this.stoppedByStream) return;
    this.stoppedByStream = false;
    // Synchronously clears `ended` and `paused`. Refused (autoplay policy): the viewer shows paused, a tap plays.
    this.video.play().catch(() => undefined);
  }

  stop(): void {
    this.abort.abort();
  }
}
