// @ts-check
import { describe, expect, it } from 'vitest';
import {
  appendEndlist,
  declareClosedCaptions,
  formatDateRange,
  garbledPlaylist,
  insertDateRanges,
  mediaSequence,
  parseMaster,
  rewriteMediaPlaylist,
  segmentUris,
} from './playlist-rewrite.mjs';
import { FFMPEG_MEDIA as LIVE, FFMPEG_MASTER as MASTER } from './test-playlists.mjs';

describe('playlist rewrite', () => {
  it('declares closed captions on every variant of a master playlist, once', () => {
    const declared = declareClosedCaptions(MASTER);
    expect(declared.match(/TYPE=CLOSED-CAPTIONS,GROUP-ID="cc"/g)).toHaveLength(1);
    expect(declared.match(/,CLOSED-CAPTIONS="cc"\n/g)).toHaveLength(2);
    expect(declared.indexOf('TYPE=CLOSED-CAPTIONS')).toBeLessThan(declared.indexOf('#EXT-X-STREAM-INF'));
    expect(parseMaster(declared).map((v) => v.uri)).toEqual(['720p/index.m3u8', '240p/index.m3u8']);
    expect(declareClosedCaptions(declared)).toBe(declared);
  });

  it('appends #EXT-X-ENDLIST once, at the end', () => {
    const ended = appendEndlist(LIVE);
    expect(ended.endsWith('seg_00007.ts\n#EXT-X-ENDLIST\n')).toBe(true);
    expect(appendEndlist(ended)).toBe(ended);
    expect(appendEndlist('#EXTM3U\nseg.ts')).toBe('#EXTM3U\nseg.ts\n#EXT-X-ENDLIST\n');
  });

  it('keeps a live playlist live even after ffmpeg wrote ENDLIST on exit', () => {
    expect(rewriteMediaPlaylist(appendEndlist(LIVE))).toBe(LIVE);
    expect(rewriteMediaPlaylist(LIVE, { ended: true })).toBe(appendEndlist(LIVE));
  });

  it('inserts EXT-X-DATERANGE before the first segment, once', () => {
    const range = {
      id: 'cue-1',
      startDate: '2026-11-26T03:00:17.500Z',
      attributes: { 'X-COM-LIVEHOOK-CUE': 'poll:42' },
    };
    const out = insertDateRanges(LIVE, [range]);
    const lines = out.split('\n');
    const at = lines.findIndex((l) => l.startsWith('#EXT-X-DATERANGE:'));
    expect(lines[at]).toBe(
      '#EXT-X-DATERANGE:ID="cue-1",START-DATE="2026-11-26T03:00:17.500Z",X-COM-LIVEHOOK-CUE="poll:42"',
    );
    expect(lines[at - 1]).toBe('#EXT-X-INDEPENDENT-SEGMENTS');
    expect(lines[at + 1]).toBe('#EXTINF:1.000000,');
    expect(insertDateRanges(out, [range])).toBe(out);
    expect(segmentUris(out)).toEqual(['seg_00006.ts', 'seg_00007.ts']);
  });

  it('combines date ranges with ENDLIST', () => {
    const out = rewriteMediaPlaylist(LIVE, {
      ended: true,
      dateRanges: [{ id: 'a', startDate: '2026-11-26T03:00:17Z' }],
    });
    expect(out).toContain('#EXT-X-DATERANGE:ID="a",START-DATE="2026-11-26T03:00:17.000Z"');
    expect(out.trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true);
  });

  it('formats every DATERANGE attribute and rejects unsafe values', () => {
    expect(
      formatDateRange({
        id: 'ad',
        class: 'com.livehook.cue',
        startDate: '2026-01-01T00:00:00Z',
        duration: 10,
        plannedDuration: 12.5,
        attributes: { 'X-N': 3 },
        endOnNext: true,
      }),
    ).toBe(
      '#EXT-X-DATERANGE:ID="ad",CLASS="com.livehook.cue",START-DATE="2026-01-01T00:00:00.000Z",DURATION=10,PLANNED-DURATION=12.5,X-N=3,END-ON-NEXT=YES',
    );
    expect(() => formatDateRange({ id: 'a"b', startDate: '2026-01-01T00:00:00Z' })).toThrow(/double quote/);
    expect(() => formatDateRange({ id: 'a', startDate: 'soon' })).toThrow(/not a date/);
    expect(() => formatDateRange({ id: 'a', startDate: '2026-01-01T00:00:00Z', attributes: { cue: 'x' } })).toThrow(
      /X-/,
    );
  });

  it('reads the media sequence and the variants', () => {
    expect(mediaSequence(LIVE)).toBe(6);
    expect(mediaSequence('#EXTM3U\n')).toBeNull();
    expect(parseMaster(MASTER)).toEqual([
      { uri: '720p/index.m3u8', bandwidth: 2305600, width: 1280, height: 720, codecs: 'avc1.64001f,mp4a.40.2' },
      { uri: '240p/index.m3u8', bandwidth: 435600, width: 426, height: 240, codecs: 'avc1.640015,mp4a.40.2' },
    ]);
  });

  it('garbles: bytes never start with #EXTM3U; broken tags lose what a parser needs', () => {
    const bytes = garbledPlaylist('media', 'bytes', (n) => new Uint8Array(n).fill(0x23));
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes).toString('latin1').startsWith('#EXTM3U')).toBe(false);
    expect(String(garbledPlaylist('media', 'tags'))).not.toContain('#EXT-X-TARGETDURATION');
    expect(parseMaster(String(garbledPlaylist('master', 'tags')))[0]?.bandwidth).toBe(0);
  });
});
