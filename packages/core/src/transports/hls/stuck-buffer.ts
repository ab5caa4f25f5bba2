// Segments keep arriving but the browser's buffer does not grow, while the picture starves: the MediaSource is stuck.

/**
 * Appends without buffered growth this close together, while starving, mean the MediaSource must be rebuilt; at most
 * one rebuild per this long, so a MediaSource that never takes data is not rebuilt in a loop.
 */
const WINDOW_MS = 10_000;
const APPENDS = 2;
/** Less than this much buffered ahead of the playhead counts as starving, seconds. */
const STARVING_BELOW = 0.5;

/**
 * Seen in WebKitGTK after an outage at the origin: hls.js appends fresh segments, each append "succeeds", yet the
 * SourceBuffer's buffered range never grows, so the player stays frozen on the last picture for good. hls.js only
 * warns about it (BUFFER_APPEND_NO_PROGRESS, not fatal); a new MediaSource (hls.js's recoverMediaError) takes data
 * again. The same appends during normal playback (a segment loaded twice) are ignored: the playhead is not starving.
 */
export class StuckBufferWatch {
  private appends: number[] = [];
  private rebuiltAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Call on each BUFFER_APPEND_NO_PROGRESS; true when the MediaSource should be rebuilt now. */
  appendWithoutProgress(): boolean {
    const now = this.now();
    this.appends = this.appends.filter((t) => now - t < WINDOW_MS);
    this.appends.push(now);
    if (this.appends.length < APPENDS || bufferedAhead(this.video) >= STARVING_BELOW) return false;
    if (now - this.rebuiltAt < WINDOW_MS) return false;
    this.appends = [];
    this.rebuiltAt = now;
    return true;
  }
}

function bufferedAhead(video: HTMLVideoElement): number {
  const time = video.currentTime;
  const ranges = video.buffered;
  for (let i = 0; i < ranges.length; i++) {
    if (ranges.start(i) <= time + 0.1 && ranges.end(i) > time) return ranges.end(i) - time;
  }
  return 0;
}
