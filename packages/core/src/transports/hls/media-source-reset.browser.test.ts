// hls.js resets the MediaSource on its own when the browser closes it under the player (WebKit's "Failed to upload
// buffer" at a quality switch). Loading the new source pauses the video; the viewer must not be left paused.
import { expect } from '@esm-bundle/chai';
import type { ErrorData } from 'hls.js';
import { channel, hlsOrigin, until } from '../../test/testbed.js';
import { viewerHarness } from '../../test/viewer-harness.js';
import type { HlsBuild } from './hls-build.js';
import { type HlsConstructor, loadHls } from './load-hls.js';

/** hls.js as the Viewer loads it, remembering its instances so the test can speak for the browser. */
function recordingLoader(instances: InstanceType<HlsConstructor>[]) {
  return async (build: HlsBuild): Promise<HlsConstructor> => {
    const Hls = await loadHls(build);
    return class extends Hls {
      constructor(...args: ConstructorParameters<HlsConstructor>) {
        super(...args);
        instances.push(this);
      }
    } as HlsConstructor;
  };
}

describe('HLS MediaSource reset by hls.js', function () {
  this.timeout(180_000); // waits out the 30 s penalty on a live stream
  const harness = viewerHarness();
  afterEach(() => harness.destroy());

  it('keeps playing after hls.js replaces a MediaSource the browser closed, and gives its quality another chance', async () => {
    const { renditions } = await hlsOrigin();
    const [small, medium] = [...renditions].sort((a, b) => a.height - b.height);
    const live = await channel('ms-reset');
    const instances: InstanceType<HlsConstructor>[] = [];
    // A 640 x 360 video: Auto goes up to the medium rendition, no further.
    const viewer = harness.start({ sources: [live.url], hls: { loadHls: recordingLoader(instances) } });
    const video = harness.video!;
    await until(
      () => viewer.state === 'playing' && video.videoHeight === medium!.height,
      'Auto on the medium rendition',
      45_000,
    );
    const hls = instances[0]!;
    const Hls = hls.constructor as HlsConstructor;
    const sourceBefore = video.src;
    const statesBefore = harness.states.length;

    // What hls.js's buffer controller raises when the MediaSource closes while attached (WebKit under load, at a
    // quality switch): hls.js attaches a new MediaSource and leaves out the quality of the refused segment.
    hls.trigger(Hls.Events.ERROR, {
      type: Hls.ErrorTypes.MEDIA_ERROR,
      details: Hls.ErrorDetails.MEDIA_SOURCE_REQUIRES_RESET,
      fatal: false,
      level: hls.levels.findIndex((level) => level.height === medium!.height),
      error: new Error('MediaSource closed while media attached'),
    } as ErrorData);
    expect(video.src, 'hls.js attached a new MediaSource').to.not.equal(sourceBefore);
    expect(viewer.state, 'while the new MediaSource fills').to.equal('reconnecting');

    const resumedAt = await until(
      () => !video.paused && video.readyState >= 3 && video.currentTime,
      'playback',
      30_000,
    );
    await until(() => video.currentTime > resumedAt + 1, 'the picture to move on', 15_000);
    expect(video.paused).to.equal(false);
    expect(viewer.state).to.equal('playing');

    await until(
      () => video.videoHeight === small!.height,
      'the small rendition while the medium one is left out',
      30_000,
    );
    // hls.js alone would never take it back; the live defaults let it back after 30 s.
    await until(() => video.videoHeight === medium!.height, 'the medium rendition again', 60_000);
    await until(() => viewer.state === 'playing', 'playing on the medium rendition', 15_000);
    // The viewer never saw a play button: the pauses that resets cause are not theirs.
    expect(harness.states.slice(statesBefore), 'states since the reset').to.not.include('paused');
  });
});
