import { describe, expect, it } from 'vitest';
import { MAX_CUE_BYTES, parseCue } from './cue.js';

describe('parseCue', () => {
  const good = { v: 1, id: 'c1', type: 'widget.show', target: 'group-qr', data: { seconds: 30 } };

  it('accepts a well-formed cue from JSON text, bytes or an object', () => {
    for (const input of [JSON.stringify(good), new TextEncoder().encode(JSON.stringify(good)), good]) {
      const result = parseCue(input, 'livekit', 1000);
      expect(result).toEqual({ ok: true, cue: { ...good, source: 'livekit', time: 1000 } });
    }
  });

  it('drops unknown fields instead of passing them on', () => {
    const result = parseCue({ ...good, html: '<img onerror=alert(1)>' }, 'local');
    expect(result.ok && 'html' in result.cue).toBe(false);
  });

  it.each([
    ['not JSON', '{oops', /valid UTF-8 JSON/],
    ['an array', '[1,2]', /JSON object/],
    ['a wrong version', { ...good, v: 2 }, /version/],
    ['a missing id', { ...good, id: '' }, /id/],
    ['a bad type', { ...good, type: 'Widget Show!' }, /type/],
    ['a non-string target', { ...good, target: 5 }, /target/],
    ['non-object data', { ...good, data: [1] }, /data/],
    ['invalid UTF-8', new Uint8Array([0xff, 0xfe, 0x00]), /UTF-8/],
  ])('reports %s without throwing', (_name, input, reason) => {
    const result = parseCue(input, 'local');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('caps the size', () => {
    const big = { ...good, data: { text: 'x'.repeat(MAX_CUE_BYTES) } };
    expect(parseCue(JSON.stringify(big), 'local')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/larger/),
    });
    expect(parseCue(big, 'local').ok).toBe(false);
  });

  it('never throws on 1,000 random inputs', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 1000; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(random() * 200) }, () => Math.floor(random() * 256));
      expect(() => parseCue(bytes, 'livekit')).not.toThrow();
      expect(() => parseCue(String.fromCharCode(...bytes), 'livekit')).not.toThrow();
    }
  });
});
