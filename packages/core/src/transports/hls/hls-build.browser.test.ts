// A plain live ladder plays with hls.js's light build; a stream or page that needs more gets the full one.
import { expect } from '@esm-bundle/chai';
import { channel, createVideo, until } from '../../test/testbed.js';
import { Viewer } from '../../viewer/viewer.js';
import type { HlsBuild } from './hls-build.js';
import { loadHls } from './load-hls.js';

/** Which hls.js files this page has fetched so far (the light and full builds are separate modules). */
const hlsBuildsFetched = () => ({
  light: performance.getEntriesByType('resource').some((e) => /\/hls\.light\.m?js(\?|$)/.test(e.name)),
  full: performance.getEntriesByType('resource').some((e) => /\/hls\.m?js(\?|$)/.test(e.name)),
});

/** hls.js's own loader, noting which build the transport asked for. */
const recordingLoader = (seen: HlsBuild[]) => (build: HlsBuild) => {
  seen.push(build);
  return loadHls(build);
};

describe('hls.js build', () => {
  let viewer: Viewer | undefined;
  let video: HTMLVideoElement | undefined;

  afterEach(() => {
    viewer?.destroy();
    video?.remove();
  });

  const play = async (url: string, options: Partial<ConstructorParameters<typeof Viewer>[1]> = {}) => {
    video = createVideo();
    viewer = new Viewer(video, { sources: [url], autoplay: true, muted: true, ...options });
    viewer.load();
    await until(() => viewer?.state === 'playing', 'playing', 45_000);
  };

  // In this order: a module once fetched stays in the page, so the light-only check must come first.
  it('plays a live ladder with the light build and never fetches the full one', async () => {
    const live = await channel('build-light');
    await play(live.url);
    expect(hlsBuildsFetched()).to.deep.equal({ light: true, full: false });
    expect(viewer?.qualities.length).to.be.greaterThan(1); // ABR works the same: it is the same engine
  });

  it('plays a stream whose playlist declares captions with the full build', async () => {
    const live = await channel('build-captions');
    await live.fault({ fault: 'closed-captions' });
    const seen: HlsBuild[] = [];
    await play(live.url, { hls: { loadHls: recordingLoader(seen) } });
    expect(seen).to.deep.equal(['full']);
    expect(hlsBuildsFetched().full).to.equal(true);
  });

  it('uses the full build when the page asks hls.js for captions, whatever the playlist says', async () => {
    const live = await channel('build-config');
    const seen: HlsBuild[] = [];
    await play(live.url, { hls: { config: { enableCEA708Captions: true }, loadHls: recordingLoader(seen) } });
    expect(seen).to.deep.equal(['full']);
  });
});
