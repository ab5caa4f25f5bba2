// @ts-check
import { describe, expect, it } from 'vitest';
import { declareSubtitles, firstVideoPts, subtitlePlaylist, subtitleSegment } from './subtitles.mjs';
import { FFMPEG_MASTER as MASTER, FFMPEG_MEDIA as MEDIA } from './test-playlists.mjs';

/** One TS packet starting a video PES whose PTS is `pts` (33 bits). */
function videoPacket(pts) {
  const packet = new Uint8Array(188).fill(0xff);
  packet.set([0x47, 0x41, 0x00, 0x10, 0, 0, 1, 0xe0, 0, 0, 0x80, 0x80, 5]);
  packet.set(
    [
      0x21 | ((Math.floor(pts / 2 ** 30) & 7) << 1),
      Math.floor(pts / 2 ** 22) & 0xff,
      ((Math.floor(pts / 2 ** 15) & 0x7f) << 1) | 1,
      Math.floor(pts / 2 ** 7) & 0xff,
      ((pts & 0x7f) << 1) | 1,
    ],
    13,
  );
  return packet;
}

describe('subtitle rendition', () => {
  it('declares an English WebVTT rendition that every variant references, once', () => {
    const declared = declareSubtitles(MASTER);
    expect(declared.match(/^#EXT-X-MEDIA:TYPE=SUBTITLES,.*URI="subs\/index\.m3u8"$/gm)).toHaveLength(1);
    expect(declared.match(/,SUBTITLES="subs"$/gm)).toHaveLength(2);
    expect(declareSubtitles(declared)).toBe(declared);
  });

  it('mirrors a media playlist segment for segment, with .vtt files', () => {
    const subs = subtitlePlaylist(MEDIA);
    expect(subs).toContain('#EXT-X-MEDIA-SEQUENCE:6');
    expect(subs).toContain('#EXT-X-PROGRAM-DATE-TIME:2026-11-26T03:00:17.958+0000\nseg_00007.vtt');
    expect(subs).not.toContain('.ts');
  });

  it('reads the first video PTS of a segment, all 33 bits, skipping other packets', () => {
    const audio = videoPacket(5);
    audio[7] = 0xc0; // an audio PES first: not the video's time
    const segment = new Uint8Array([...audio, ...videoPacket(2 ** 32 + 12_345)]);
    expect(firstVideoPts(segment)).toBe(2 ** 32 + 12_345);
    expect(firstVideoPts(new Uint8Array(376))).toBeNull();
  });

  it('writes one cue over the segment, mapped to its PTS', () => {
    expect(subtitleSegment(7, 126_000)).toBe(
      'WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:126000,LOCAL:00:00:00.000\n\n7\n00:00:00.000 --> 00:00:01.000\nCaption 7\n',
    );
  });
});
