import { describe, expect, it } from 'vitest';
import type { Cue } from '../../cues/cue.js';
import type { ViewerWarning } from '../transport.js';
import { DataCueReader, LIVEKIT_CUE_TOPIC } from './data-cues.js';

function reader(now = () => 0) {
  const cues: Cue[] = [];
  const warnings: ViewerWarning[] = [];
  const r = new DataCueReader({ cue: (c) => cues.push(c), warn: (w) => warnings.push(w) }, LIVEKIT_CUE_TOPIC, now);
  return { r, cues, warnings };
}
const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

describe('DataCueReader', () => {
  it('turns a packet on the cue topic into the same cue HLS would give', () => {
    const { r, cues } = reader();
    r.read(bytes({ v: 1, id: 'c1', type: 'widget.show', target: 'group-qr', data: { sku: 'A1' } }), LIVEKIT_CUE_TOPIC);
    expect(cues).toEqual([
      { v: 1, id: 'c1', type: 'widget.show', target: 'group-qr', data: { sku: 'A1' }, source: 'livekit' },
    ]);
  });

  it('ignores other topics entirely', () => {
    const { r, cues, warnings } = reader();
    r.read(bytes({ v: 1, id: 'c1', type: 'widget.show' }), 'chat');
    r.read(bytes('garbage'), undefined);
    expect(cues).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('survives 1,000 random packets without throwing, and reports only a few', () => {
    let time = 0;
    const { r, cues, warnings } = reader(() => time);
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const shapes: (() => unknown)[] = [
      () => Uint8Array.from({ length: Math.floor(random() * 300) }, () => Math.floor(random() * 256)),
      () => bytes('{"v":1,"id":'),
      () => bytes({ v: 2, id: 'x', type: 'widget.show' }),
      () => bytes({ v: 1, id: '', type: '' }),
      () => bytes({ v: 1, id: 'x', type: 'Not A Type!' }),
      () => bytes([1, 2, 3]),
      () => new Uint8Array(20_000),
      () => 'a string, not bytes',
      () => null,
      () => bytes('\u0000'.repeat(50)),
    ];
    expect(() => {
      for (let i = 0; i < 1000; i++) {
        r.read(shapes[i % shapes.length]!(), LIVEKIT_CUE_TOPIC);
        time += 5;
      }
    }).not.toThrow();
    expect(cues).toEqual([]);
    // 5 s of garbage: at most 5 warnings per 10 s window, and the next one says how many were held back.
    expect(warnings.length).toBe(5);
    time += 10_000;
    r.read(bytes('nope'), LIVEKIT_CUE_TOPIC);
    expect(warnings.at(-1)?.message).toMatch(/995 more bad cues were not reported/);
    r.read(bytes({ v: 1, id: 'ok', type: 'coupon.open' }), LIVEKIT_CUE_TOPIC);
    expect(cues.map((c) => c.id)).toEqual(['ok']);
  });
});
