// @ts-check
import { describe, expect, it } from 'vitest';
import { liveWindow, renderMediaPlaylist } from './live-window.mjs';

const base = { zeroTime: 1_700_000_000_000, segmentMs: 2000, segmentCount: 8, windowSize: 6 };
/** @param {number} seconds since sequence 0 began */
const at = (seconds) => liveWindow({ ...base, now: base.zeroTime + seconds * 1000 });

describe('liveWindow', () => {
  it('lists only complete segments, the newest windowSize of them', () => {
    expect(at(1.9).segments).toEqual([]);
    expect(at(2).segments.map((s) => s.sequence)).toEqual([0]);
    const w = at(20.5); // segments 0..9 are complete
    expect(w.mediaSequence).toBe(4);
    expect(w.segments.map((s) => s.sequence)).toEqual([4, 5, 6, 7, 8, 9]);
  });

  it('maps sequence numbers onto the loop and keeps counting past it', () => {
    const w = at(20.5);
    expect(w.segments.map((s) => s.index)).toEqual([4, 5, 6, 7, 0, 1]);
    expect(w.segments.map((s) => s.loop)).toEqual([0, 0, 0, 0, 1, 1]);
    expect(at(1_000_000).mediaSequence).toBe(499_994);
  });

  it('marks each wrap with a discontinuity, except on the first listed segment', () => {
    expect(
      at(20.5)
        .segments.filter((s) => s.discontinuity)
        .map((s) => s.sequence),
    ).toEqual([8]);
    // Sequence 8 has slid to the front: its tag is gone and the discontinuity sequence counts it.
    const slid = at(28.5); // segments 8..13
    expect(slid.segments[0].sequence).toBe(8);
    expect(slid.segments.some((s) => s.discontinuity)).toBe(false);
    expect(slid.discontinuitySequence).toBe(1);
  });

  it('gives every segment the same discontinuity number in every playlist that lists it', () => {
    /** @type {Map<number, number>} sequence → discontinuity number (what hls.js calls cc) */
    const seen = new Map();
    for (let t = 2; t < 200; t += 0.7) {
      const w = at(t);
      let cc = w.discontinuitySequence;
      for (const s of w.segments) {
        if (s.discontinuity) cc++;
        expect(cc).toBe(Math.floor(s.sequence / base.segmentCount));
        if (seen.has(s.sequence)) expect(seen.get(s.sequence)).toBe(cc);
        seen.set(s.sequence, cc);
      }
    }
    expect(Math.max(...seen.values())).toBeGreaterThan(5);
  });

  it('dates segments on one monotonic wall clock, across wraps', () => {
    /** @type {Map<number, number>} sequence → program date time */
    const dates = new Map();
    for (let t = 2; t < 100; t += 0.9) {
      for (const s of at(t).segments) {
        if (dates.has(s.sequence)) expect(s.programDateTime).toBe(dates.get(s.sequence));
        dates.set(s.sequence, s.programDateTime);
      }
    }
    const ordered = [...dates.entries()].sort(([a], [b]) => a - b);
    expect(ordered.length).toBeGreaterThan(3 * base.segmentCount); // spans several wraps
    for (let i = 1; i < ordered.length; i++) expect(ordered[i][1] - ordered[i - 1][1]).toBe(base.segmentMs);
  });
});

describe('renderMediaPlaylist', () => {
  it('writes a live playlist: sequence, discontinuity sequence, PDT per segment, no ENDLIST', () => {
    const text = renderMediaPlaylist(at(36.1), { segmentMs: 2000, uri: (s) => `${s.sequence}.ts` });
    expect(text).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:3',
        '#EXT-X-TARGETDURATION:2',
        '#EXT-X-MEDIA-SEQUENCE:12',
        '#EXT-X-DISCONTINUITY-SEQUENCE:1',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        ...[12, 13, 14, 15, 16, 17].flatMap((n) => [
          ...(n === 16 ? ['#EXT-X-DISCONTINUITY'] : []),
          `#EXT-X-PROGRAM-DATE-TIME:${new Date(base.zeroTime + n * 2000).toISOString()}`,
          '#EXTINF:2.000,',
          `${n}.ts`,
        ]),
        '',
      ].join('\n'),
    );
  });
});
