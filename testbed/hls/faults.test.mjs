// @ts-check
import { describe, expect, it } from 'vitest';
import {
  applyFault,
  clearFault,
  createChannel,
  decideSegment,
  describeChannel,
  FaultError,
  isCut,
  parseFault,
} from './faults.mjs';

const PLAYLIST = '#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:7\n#EXTINF:1,\nseg_00007.ts\n';

describe('channel faults', () => {
  it('validates commands', () => {
    expect(() => parseFault({ fault: 'nope' })).toThrow(FaultError);
    expect(() => parseFault({ fault: 'segment-status', status: 200 })).toThrow(/400–599/);
    expect(() => parseFault({ fault: 'segment-delay' })).toThrow(/ms/);
    expect(() => parseFault({ fault: 'daterange', id: 'x', attributes: { bad: 1 } })).toThrow(/X-/);
    expect(() => createChannel('Bad_Name')).toThrow(FaultError);
    expect(parseFault({ fault: 'daterange', id: 'x' }, Date.parse('2026-01-01T00:00:00Z'))).toEqual({
      fault: 'daterange',
      id: 'x',
      startDate: '2026-01-01T00:00:00.000Z',
    });
  });

  it('answers N segment requests with an error status, for one rendition or all', () => {
    const ch = createChannel('a');
    applyFault(ch, parseFault({ fault: 'segment-status', status: 500, count: 2, rendition: '720p' }));
    expect(decideSegment(ch, '240p').status).toBeNull();
    expect(decideSegment(ch, '720p').status).toBe(500);
    expect(decideSegment(ch, '720p').status).toBe(500);
    expect(decideSegment(ch, '720p').status).toBeNull();
    expect(describeChannel(ch).injected['segment-status']).toBe(2);
  });

  it('delays until cleared', () => {
    const ch = createChannel('b');
    applyFault(ch, parseFault({ fault: 'segment-delay', ms: 1500 }));
    expect(decideSegment(ch, '240p').delayMs).toBe(1500);
    expect(decideSegment(ch, '240p').delayMs).toBe(1500);
    clearFault(ch, 'segment-delay');
    expect(decideSegment(ch, '240p').delayMs).toBe(0);
  });

  it('freezes the playlists at the moment of stall, and end keeps the frozen view', () => {
    const ch = createChannel('c');
    applyFault(ch, parseFault({ fault: 'playlist-stall' }), { playlists: { '240p': PLAYLIST } });
    applyFault(ch, parseFault({ fault: 'playlist-stall' }), { playlists: { '240p': 'newer' } });
    expect(ch.faults.stall?.playlists['240p']).toBe(PLAYLIST);
    applyFault(ch, parseFault({ fault: 'end' }), { playlists: { '240p': 'newer' } });
    expect(ch.faults.end?.playlists['240p']).toBe(PLAYLIST);
    expect(describeChannel(ch).faults['playlist-stall']).toMatchObject({ mediaSequence: { '240p': 7 } });
  });

  it('cuts for a duration, then stops cutting', () => {
    const ch = createChannel('d');
    applyFault(ch, parseFault({ fault: 'cut', durationMs: 1000 }), { now: 0 });
    expect(isCut(ch, 999)).toBe(true);
    expect(isCut(ch, 1000)).toBe(false);
    expect(ch.faults.cut).toBeNull();
  });

  it('replaces a date range with the same id; clearing all removes faults and ranges', () => {
    const ch = createChannel('e');
    applyFault(ch, parseFault({ fault: 'daterange', id: 'x', startDate: '2026-01-01T00:00:00Z' }));
    applyFault(ch, parseFault({ fault: 'daterange', id: 'x', startDate: '2026-01-01T00:00:05Z' }));
    applyFault(ch, parseFault({ fault: 'not-started' }));
    expect(ch.dateRanges).toEqual([{ id: 'x', startDate: '2026-01-01T00:00:05Z' }]);
    clearFault(ch);
    expect(ch.dateRanges).toEqual([]);
    expect(describeChannel(ch).faults).toEqual({});
  });
});
