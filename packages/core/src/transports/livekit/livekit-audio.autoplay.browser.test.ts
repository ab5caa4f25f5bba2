// Sound under the browser's real autoplay policy (this file runs without --autoplay-policy=no-user-gesture-required):
// LiveKit starts muted when sound is refused, and a user's tap brings the host's voice back.
import { expect } from '@esm-bundle/chai';
import { sendMouse } from '@web/test-runner-commands';
import { demoSource, waitFor } from '../../test/livekit-testbed.js';
import { createVideo } from '../../test/testbed.js';
import type { ViewerEventMap } from '../../viewer/events.js';
import { Viewer } from '../../viewer/viewer.js';

async function click(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  const position: [number, number] = [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
  await sendMouse({ type: 'move', position });
  await sendMouse({ type: 'click', position });
}

/**
 * RMS of a second of a track's sound: recorded, then decoded offline. A live AudioContext would need an audio output
 * device, which headless Firefox here does not have (its AudioContext never leaves 'suspended'); Chromium fakes one.
 */
async function recordedLoudness(track: MediaStreamTrack, ms = 1000): Promise<number> {
  const recorder = new MediaRecorder(new MediaStream([track]));
  const chunks: Blob[] = [];
  recorder.addEventListener('dataavailable', (e) => chunks.push(e.data));
  const stopped = new Promise((resolve) => recorder.addEventListener('stop', resolve));
  recorder.start();
  await new Promise((r) => setTimeout(r, ms));
  recorder.stop();
  await stopped;
  const encoded = await new Blob(chunks, { type: recorder.mimeType }).arrayBuffer();
  const samples = (await new OfflineAudioContext(1, 1, 48_000).decodeAudioData(encoded)).getChannelData(0);
  return Math.sqrt(samples.reduce((sum, s) => sum + s * s, 0) / samples.length);
}

/** Waits until a second of the track is audible; resolves with its RMS. */
function loudness(track: MediaStreamTrack): Promise<number> {
  return waitFor(
    'audible samples',
    async () => {
      const rms = await recordedLoudness(track);
      return rms > 0.01 ? rms : 0;
    },
    10_000,
  );
}

describe('LiveKit sound and the autoplay policy', function () {
  this.timeout(90_000);

  it('plays muted when sound is blocked, and unmutes with sound on a tap', async () => {
    const video = createVideo();
    video.muted = false;
    const viewer = new Viewer(video, { sources: [await demoSource()], autoplay: true });
    const autoplay: ViewerEventMap['autoplay'][] = [];
    const warnings: string[] = [];
    viewer.on('autoplay', (e) => autoplay.push(e));
    viewer.on('warning', (w) => warnings.push(w.code));
    try {
      viewer.load();
      await waitFor('playing', () => viewer.state === 'playing', 30_000);
      await waitFor('the autoplay outcome', () => autoplay.length > 0, 10_000);
      expect(autoplay[0]!.result).to.equal('muted');
      expect(warnings).to.include('autoplay-muted');
      expect(video.muted).to.equal(true);

      // The page's "tap to unmute" button: a real click, so the browser sees a user gesture.
      const button = document.createElement('button');
      button.textContent = 'Tap to unmute';
      button.style.cssText = 'position:fixed;top:0;left:0;width:200px;height:60px;z-index:9';
      button.addEventListener('click', () => {
        video.muted = false;
        void viewer.play();
      });
      document.body.append(button);
      await click(button);
      button.remove();

      await waitFor('unmuted and playing', () => !video.muted && !video.paused, 5000);
      const audio = (video.srcObject as MediaStream).getAudioTracks()[0];
      expect(audio?.readyState).to.equal('live');
      expect(await loudness(audio!)).to.be.greaterThan(0.01);
      await new Promise((r) => setTimeout(r, 1000));
      expect(viewer.state).to.equal('playing'); // unmuting did not pause the picture
      expect(video.muted).to.equal(false);
    } finally {
      viewer.destroy();
      video.remove();
    }
  });
});
