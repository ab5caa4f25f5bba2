// @ts-check
// The demo stream over real HTTP: routes, headers, and a playlist that really wraps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStream } from './index.mjs';

describe('startDemoStream', () => {
  /** @type {Awaited<ReturnType<typeof startDemoStream>>} */
  let stream;
  beforeAll(async () => {
    stream = await startDemoStream({ startNearWrap: true });
  });
  afterAll(() => stream?.stop());

  it('serves a master playlist with bandwidth, resolution and codecs for every rendition', async () => {
    const res = await fetch(stream.masterUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toContain('no-cache');
    const variants = (await res.text()).split('\n').filter((l) => l.startsWith('#EXT-X-STREAM-INF:'));
    expect(variants.length).toBeGreaterThanOrEqual(2);
    for (const v of variants)
      expect(v).toMatch(/BANDWIDTH=\d+.*RESOLUTION=\d+x\d+.*CODECS="avc1\.[0-9a-f]{6},mp4a\.40\.2"/);
  });

  it('starts a full live window just before a wrap, and serves its segments', async () => {
    const text = await (await fetch(`${stream.origin}/720p/index.m3u8`)).text();
    expect(text).not.toContain('#EXT-X-ENDLIST');
    expect(text).toContain('#EXT-X-DISCONTINUITY-SEQUENCE:1');
    const uris = text.split('\n').filter((l) => l.endsWith('.ts'));
    expect(uris).toHaveLength(6);
    const segment = await fetch(`${stream.origin}/720p/${uris[0]}`);
    expect(segment.headers.get('content-type')).toBe('video/mp2t');
    const bytes = new Uint8Array(await segment.arrayBuffer());
    expect(bytes[0]).toBe(0x47); // MPEG-TS sync byte
  });

  it('answers 404 for anything else', async () => {
    expect((await fetch(`${stream.origin}/1080p/index.m3u8`)).status).toBe(404);
    expect((await fetch(`${stream.origin}/720p/../../media-catalog.mjs`)).status).toBe(404);
  });
});
