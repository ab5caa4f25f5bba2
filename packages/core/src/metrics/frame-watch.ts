// Watches decoded frames, not just the connection: a frozen picture is a stall even if the socket looks fine.

export interface FrameWatchOptions {
  /** No new frame for this long while playing counts as stalled, ms. */
  stallAfter: number;
  onFirstFrame(): void;
  onStall(): void;
  onResume(): void;
  now?: () => number;
}

/**
 * Uses requestVideoFrameCallback where available (every engine we target has it), and falls back to
 * currentTime progress; while the tab is hidden, browsers stop rendering, so only time progress counts.
 */
export class FrameWatch {
  private lastProgress: number;
  private lastTime = -1;
  private frameHandle: number | undefined;
  private readonly timer: ReturnType<typeof setInterval>;
  private seenFirst = false;
  private stalled = false;
  private onScreen = true;
  private readonly visibility: IntersectionObserver | undefined;
  private readonly now: () => number;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly options: FrameWatchOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.lastProgress = this.now();
    this.requestFrame();
    this.timer = setInterval(() => this.check(), 250);
    // Off screen, browsers may stop rendering and LiveKit's adaptive stream pauses the video: not a stall.
    if (typeof IntersectionObserver === 'function') {
      this.visibility = new IntersectionObserver((entries) => {
        this.onScreen = entries[entries.length - 1]?.isIntersecting ?? true;
      });
      this.visibility.observe(video);
    }
  }

  get firstFrameSeen(): boolean {
    return this.seenFirst;
  }

  get isStalled(): boolean {
    return this.stalled;
  }

  /** Call after a seek or play request so the wait before it isn't counted as a stall. */
  touch(): void {
    this.lastProgress = this.now();
  }

  destroy(): void {
    clearInterval(this.timer);
    this.visibility?.disconnect();
    if (this.frameHandle !== undefined && 'cancelVideoFrameCallback' in this.video) {
      this.video.cancelVideoFrameCallback(this.frameHandle);
    }
    this.frameHandle = undefined;
  }

  private requestFrame(): void {
    if (!('requestVideoFrameCallback' in this.video)) return;
    this.frameHandle = this.video.requestVideoFrameCallback(() => {
      this.progress();
      this.requestFrame();
    });
  }

  private check(): void {
    const video = this.video;
    if (video.currentTime !== this.lastTime && video.readyState >= 2) {
      this.lastTime = video.currentTime;
      // Without rVFC, with the tab hidden (no rendering) or for audio-only streams, time moving is progress.
      const timeDriven =
        !('requestVideoFrameCallback' in video) ||
        document.visibilityState === 'hidden' ||
        !this.onScreen ||
        video.videoWidth === 0;
      if (timeDriven && video.currentTime > 0) this.progress();
    }
    if (!this.seenFirst || video.paused || video.ended) {
      if (video.paused) this.touch();
      return;
    }
    if (!this.stalled && this.now() - this.lastProgress > this.options.stallAfter) {
      this.stalled = true;
      this.options.onStall();
    }
  }

  private progress(): void {
    this.lastProgress = this.now();
    if (!this.seenFirst) {
      this.seenFirst = true;
      this.options.onFirstFrame();
    }
    if (this.stalled) {
      this.stalled = false;
      this.options.onResume();
    }
  }
}
