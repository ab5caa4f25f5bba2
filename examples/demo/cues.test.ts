import { describe, expect, it } from 'vitest';
import { encodeDateRangeCue } from '../../packages/core/src/cues/hls-cues.ts';
import { createCueBoard, dateRangeLine, encodeCue, injectDateRanges } from './cues.mjs';

const playlist = [
  '#EXTM3U',
  '#EXT-X-VERSION:3',
  '#EXT-X-TARGETDURATION:2',
  '#EXT-X-MEDIA-SEQUENCE:7',
  '#EXT-X-DISCONTINUITY-SEQUENCE:0',
  '#EXT-X-INDEPENDENT-SEGMENTS',
  '#EXT-X-PROGRAM-DATE-TIME:2026-11-26T03:00:14.000Z',
  '#EXTINF:2.000,',
  '7.ts',
  '',
].join('\n');

const cue = { v: 1 as const, id: 'coupon-1', type: 'widget.show', target: 'flash-coupon', data: { coupon: '¥50' } };

describe('demo cues', () => {
  it('encodes a cue exactly as @livehook/core does (base64 of UTF-8 JSON)', () => {
    expect(encodeCue(cue)).toBe(encodeDateRangeCue(cue));
  });

  it('writes a DATERANGE line the player reads', () => {
    const start = Date.parse('2026-11-26T03:00:20.500Z');
    expect(dateRangeLine({ cue, start, until: start + 1000 })).toBe(
      `#EXT-X-DATERANGE:ID="coupon-1",CLASS="com.livehook.cue",START-DATE="2026-11-26T03:00:20.500Z",X-LIVEHOOK-CUE="${encodeCue(cue)}"`,
    );
    expect(() => dateRangeLine({ cue: { ...cue, id: 'a"b' }, start, until: start })).toThrow(/DATERANGE ID/);
  });

  it('puts the tags after the header and before the first segment', () => {
    const out = injectDateRanges(playlist, [{ cue, start: 0, until: 1 }]).split('\n');
    const at = out.findIndex((l) => l.startsWith('#EXT-X-DATERANGE:'));
    expect(out[at - 1]).toBe('#EXT-X-INDEPENDENT-SEGMENTS');
    expect(out[at + 1]).toMatch(/^#EXT-X-PROGRAM-DATE-TIME:/);
    expect(injectDateRanges(playlist, [])).toBe(playlist);
    // A playlist without segments yet: the tag goes at the end, before the final newline.
    expect(injectDateRanges('#EXTM3U\n', [{ cue, start: 0, until: 1 }])).toMatch(/^#EXTM3U\n#EXT-X-DATERANGE:.*\n$/);
  });

  it('carries a cue for as long as asked, and drops the ones removed', () => {
    let now = 1_000_000;
    const board = createCueBoard({ clock: () => now });
    board.add(cue, { keepMs: 10_000 });
    board.add({ ...cue, id: 'other', target: 'fan-group' }, { keepMs: 60_000 });
    expect(board.active().map((e) => e.cue.id)).toEqual(['coupon-1', 'other']);
    expect(board.rewrite(playlist)).toContain('ID="coupon-1"');
    now += 10_001;
    expect(board.active().map((e) => e.cue.id)).toEqual(['other']);
    board.remove((c) => c.target === 'fan-group');
    expect(board.rewrite(playlist)).toBe(playlist);
  });
});
