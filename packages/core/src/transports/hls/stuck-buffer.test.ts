import { describe, expect, it } from 'vitest';
import { StuckBufferWatch } from './stuck-buffer.js';

/** Just what the watch reads from a <video>: the playhead and the buffered ranges. */
function video(currentTime: number, ranges: [number, number][]): HTMLVideoElement {
  const buffered = {
    length: ranges.length,
    start: (i: number) => ranges[i]![0],
    end: (i: number) => ranges[i]![1],
  };
  return { currentTime, buffered } as unknown as HTMLVideoElement;
}

describe('StuckBufferWatch', () => {
  it('asks for a new MediaSource on the second append without growth while the playhead starves', () => {
    let now = 0;
    const watch = new StuckBufferWatch(video(6.0, [[3, 6.005]]), () => now);
    expect(watch.appendWithoutProgress()).toBe(false);
    now = 400;
    expect(watch.appendWithoutProgress()).toBe(true);
    // At most one rebuild per ten seconds, then counting starts over.
    now = 800;
    expect(watch.appendWithoutProgress()).toBe(false);
    now = 1200;
    expect(watch.appendWithoutProgress()).toBe(false);
    now = 10_500;
    expect(watch.appendWithoutProgress()).toBe(true);
  });

  it('ignores appends without growth while there is enough to play (a segment loaded twice)', () => {
    let now = 0;
    const watch = new StuckBufferWatch(video(10, [[3, 14]]), () => now);
    expect(watch.appendWithoutProgress()).toBe(false);
    now = 400;
    expect(watch.appendWithoutProgress()).toBe(false);
  });

  it('forgets appends older than ten seconds', () => {
    let now = 0;
    const watch = new StuckBufferWatch(video(7.1, [[3, 6]]), () => now);
    expect(watch.appendWithoutProgress()).toBe(false);
    now = 10_500;
    expect(watch.appendWithoutProgress()).toBe(false);
    now = 11_000;
    expect(watch.appendWithoutProgress()).toBe(true);
  });
});
