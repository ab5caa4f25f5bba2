// The multivariant playlist is fetched while the HLS code loads, and hls.js plays from that copy: one request for it.
import { expect } from '@esm-bundle/chai';
import { channel, createVideo, until } from '../../test/testbed.js';
import { Viewer } from '../../viewer/viewer.js';

describe('HLS playlist prefetch', () => {
  let viewer: Viewer | undefined;
  let video: HTMLVideoElement | undefined;

  afterEach(() => {
    viewer?.destroy();
    video?.remove();
  });

  const requests = async (live: Awaited<ReturnType<typeof channel>>) =>
    ((await live.stats()) as unknown as { requests: { master: number } }).requests;

  it('asks for the playlist before the HLS code has loaded, and hls.js plays from that one response', async () => {
    const live = await channel('prefetch');
    video = createVideo();
    viewer = new Viewer(video, { sources: [live.url], autoplay: true, muted: true });
    const asked: string[] = [];
    const fetch = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      asked.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    try {
      viewer.load();
    } finally {
      globalThis.fetch = fetch;
    }
    // On the wire in the same task as load(): before the HLS transport and hls.js could have been imported.
    expect(asked).to.deep.equal([live.url]);
    await until(() => viewer?.state === 'playing', 'playing', 45_000);
    expect((await requests(live)).master).to.equal(1);
  });

  it('leaves the playlist to hls.js when the page sets up hls.js requests itself', async () => {
    const live = await channel('prefetch-xhr-setup');
    const seen: string[] = [];
    video = createVideo();
    viewer = new Viewer(video, {
      sources: [live.url],
      autoplay: true,
      muted: true,
      hls: { config: { xhrSetup: (_xhr, url) => void seen.push(url) } },
    });
    viewer.load();
    await until(() => viewer?.state === 'playing', 'playing', 45_000);
    expect(seen[0]).to.equal(live.url); // the page's setup saw the playlist request: nothing answered it first
    expect((await requests(live)).master).to.equal(1);
  });

  it('still waits for a stream that has not started (404), then plays when it does', async () => {
    const live = await channel('prefetch-not-started');
    await live.fault({ fault: 'not-started' });
    video = createVideo();
    viewer = new Viewer(video, {
      sources: [live.url],
      autoplay: true,
      muted: true,
      hls: { waitingPolicy: { nextRetryDelay: () => 300 } },
    });
    viewer.load();
    await until(() => viewer?.state === 'waiting', 'waiting');
    await live.clear();
    await until(() => viewer?.state === 'playing', 'playing', 45_000);
  });

  it('drops an unanswered prefetch with the viewer: no error reaches the page', async () => {
    const live = await channel('prefetch-destroyed');
    const errors: unknown[] = [];
    const onError = (e: PromiseRejectionEvent | ErrorEvent) => errors.push('reason' in e ? e.reason : e.error);
    addEventListener('unhandledrejection', onError);
    addEventListener('error', onError);
    try {
      video = createVideo();
      viewer = new Viewer(video, { sources: [live.url], autoplay: true, muted: true });
      viewer.load();
      viewer.destroy(); // same task: the prefetch is aborted in flight
      await new Promise((r) => setTimeout(r, 1500));
      expect(errors).to.deep.equal([]);
      expect(viewer.state).not.to.equal('playing');
    } finally {
      removeEventListener('unhandledrejection', onError);
      removeEventListener('error', onError);
    }
  });
});
