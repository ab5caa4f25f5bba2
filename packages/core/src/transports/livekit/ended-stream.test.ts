import { describe, expect, it } from 'vitest';
import { EndedStreamRestarter } from './ended-stream.js';

/** The parts of a <video> the restarter uses: its pause/play events, `ended`, and play(). */
function fakeVideo() {
  const video = Object.assign(new EventTarget(), {
    ended: false,
    plays: 0,
    play() {
      video.plays++;
      video.ended = false;
      return Promise.resolve();
    },
  });
  return video;
}

describe('EndedStreamRestarter', () => {
  it('plays again when the stream running dry paused the video', () => {
    const video = fakeVideo();
    const restarter = new EndedStreamRestarter(video as unknown as HTMLVideoElement);
    video.ended = true; // Firefox: every track ended → paused and ended
    video.dispatchEvent(new Event('pause'));
    restarter.trackAdded();
    expect(video.plays).toBe(1);
    restarter.trackAdded(); // once per stop, not per track
    expect(video.plays).toBe(1);
  });

  it('leaves a video the viewer paused alone', () => {
    const video = fakeVideo();
    const restarter = new EndedStreamRestarter(video as unknown as HTMLVideoElement);
    video.dispatchEvent(new Event('pause')); // the viewer's pause: not ended
    video.ended = true; // then the stream ran dry (no second pause event)
    restarter.trackAdded();
    expect(video.plays).toBe(0);
  });

  it('forgets a stop once playback resumed, and listens no more after stop()', () => {
    const video = fakeVideo();
    const restarter = new EndedStreamRestarter(video as unknown as HTMLVideoElement);
    video.ended = true;
    video.dispatchEvent(new Event('pause'));
    video.dispatchEvent(new Event('play'));
    restarter.trackAdded();
    expect(video.plays).toBe(0);
    restarter.stop();
    video.dispatchEvent(new Event('pause'));
    restarter.trackAdded();
    expect(video.plays).toBe(0);
  });

  it('swallows a refused play() (autoplay policy): the viewer shows paused', async () => {
    const video = fakeVideo();
    video.play = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
    const restarter = new EndedStreamRestarter(video as unknown as HTMLVideoElement);
    video.ended = true;
    video.dispatchEvent(new Event('pause'));
    expect(() => restarter.trackAdded()).not.toThrow();
    await new Promise((r) => setTimeout(r, 0)); // no unhandled rejection
  });
});
