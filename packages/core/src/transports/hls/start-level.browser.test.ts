// The first segments come from the level that fits the player: no top-level segment thrown away at start-up.
import { expect } from '@esm-bundle/chai';
import { channel, createVideo, hlsOrigin, until } from '../../test/testbed.js';
import { Viewer } from '../../viewer/viewer.js';
import { loadHls } from './load-hls.js';

describe('HLS start level', () => {
  let viewer: Viewer | undefined;
  let video: HTMLVideoElement | undefined;

  afterEach(() => {
    viewer?.destroy();
    video?.remove();
  });

  it('starts a small player on the small level without fetching the top level first', async () => {
    const { renditions } = await hlsOrigin();
    const smallest = [...renditions].sort((a, b) => a.height - b.height)[0]!;
    const live = await channel('start-level');
    // hls.js already in memory, as on a page that preloaded it: the playlist then arrives before the first
    // layout of a just-inserted video, when hls.js itself has not measured the player yet.
    await import('./hls-transport.js');
    await loadHls();
    video = createVideo();
    video.style.width = `${Math.round(smallest.width * 0.75)}px`; // fits inside the smallest rendition
    video.style.height = `${Math.round(smallest.height * 0.75)}px`;
    viewer = new Viewer(video, { sources: [live.url], autoplay: true, muted: true });
    viewer.load();
    await until(() => viewer?.state === 'playing', 'playing', 45_000);

    const stats = await live.stats();
    expect(Object.keys(stats.segmentsByRendition)).to.deep.equal([smallest.name]);
    expect(Object.keys(stats.mediaByRendition)).to.deep.equal([smallest.name]);
    expect(video.videoHeight).to.equal(smallest.height);
  });
});
