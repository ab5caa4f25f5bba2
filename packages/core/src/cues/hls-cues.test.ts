import { describe, expect, it } from 'vitest';
import { parseCue } from './cue.js';
import { decodeDateRangeCue, encodeDateRangeCue, readId3CuePayloads } from './hls-cues.js';

/** Builds an ID3v2.4 tag with TXXX frames, as a packager would. */
function id3(frames: Array<{ description: string; value: string }>): Uint8Array {
  const encoder = new TextEncoder();
  const bodies = frames.map(({ description, value }) => {
    const text = encoder.encode(`${description}\0${value}`);
    const body = new Uint8Array(1 + text.length);
    body[0] = 3; // UTF-8
    body.set(text, 1);
    const header = new Uint8Array(10);
    header.set(encoder.encode('TXXX'));
    header.set(syncsafe(body.length), 4);
    return concat(header, body);
  });
  const payload = concat(...bodies);
  const header = new Uint8Array(10);
  header.set([0x49, 0x44, 0x33, 4, 0, 0]);
  header.set(syncsafe(payload.length), 6);
  return concat(header, payload);
}

function syncsafe(n: number): number[] {
  return [(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f];
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('DATERANGE cues', () => {
  it('round-trips a cue through the base64 attribute, including non-ASCII text', () => {
    const cue = { v: 1, id: 'd1', type: 'coupon.open', data: { title: '满500减100' } };
    const bytes = decodeDateRangeCue({ 'X-LIVEHOOK-CUE': `"${encodeDateRangeCue(cue)}"` });
    expect(parseCue(bytes, 'hls-daterange')).toEqual({ ok: true, cue: { ...cue, source: 'hls-daterange' } });
  });

  it('ignores DATERANGEs without the attribute and reports garbage in it', () => {
    expect(decodeDateRangeCue({ CLASS: 'ads' })).toBeUndefined();
    expect(parseCue(decodeDateRangeCue({ 'X-LIVEHOOK-CUE': '"%%%not base64"' }), 'hls-daterange').ok).toBe(false);
  });
});

describe('ID3 cues', () => {
  it('finds livehook TXXX frames and skips others', () => {
    const tag = id3([
      { description: 'other', value: 'x' },
      { description: 'livehook', value: '{"v":1,"id":"i1","type":"widget.show"}' },
    ]);
    expect(readId3CuePayloads(tag)).toEqual(['{"v":1,"id":"i1","type":"widget.show"}']);
  });

  it('survives truncated and random tags', () => {
    const tag = id3([{ description: 'livehook', value: '{"v":1}' }]);
    for (let cut = 0; cut < tag.length; cut++) expect(() => readId3CuePayloads(tag.subarray(0, cut))).not.toThrow();
    const noise = Uint8Array.from({ length: 64 }, (_, i) => (i * 97 + 13) % 256);
    noise.set([0x49, 0x44, 0x33, 4]);
    expect(() => readId3CuePayloads(noise)).not.toThrow();
  });
});
