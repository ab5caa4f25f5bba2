import { describe, expect, it } from 'vitest';
import { countViewers, type ParticipantCandidate, pickHost } from './host.js';

const cam = (sid: string) => ({ sid, kind: 'video', source: 'camera' });
const screen = (sid: string) => ({ sid, kind: 'video', source: 'screen_share' });
const mic = (sid: string) => ({ sid, kind: 'audio', source: 'microphone' });
const p = (identity: string, joinedAt: number, ...tracks: ParticipantCandidate['tracks'][number][]) => ({
  identity,
  joinedAt,
  tracks,
});

describe('pickHost', () => {
  it('is undefined while nobody publishes video (pre-live)', () => {
    expect(pickHost([p('viewer', 1), p('radio', 2, mic('A1'))])).toBeUndefined();
  });

  it('takes the earliest participant publishing camera or screen video, with their audio', () => {
    const choice = pickHost([p('late', 5, cam('V2')), p('early', 1, screen('V1'), mic('A1'))]);
    expect(choice).toEqual({ identity: 'early', video: screen('V1'), audio: mic('A1') });
  });

  it('prefers the camera over a screen share of the same host', () => {
    expect(pickHost([p('h', 1, screen('S'), cam('C'))])?.video.sid).toBe('C');
  });

  it('only ever watches a configured host', () => {
    const room = [p('other', 1, cam('V1')), p('anna', 2, cam('V2'))];
    expect(pickHost(room, { identity: 'anna' })?.identity).toBe('anna');
    expect(pickHost([p('other', 1, cam('V1'))], { identity: 'anna' })).toBeUndefined();
  });

  it('sticks with the current host while they publish, and follows a new one when they stop', () => {
    const both = [p('first', 1, cam('V1')), p('second', 2, cam('V2'))];
    expect(pickHost(both, { current: 'second' })?.identity).toBe('second');
    // Republish: a new track SID for the same host.
    expect(pickHost([p('second', 2, cam('V3'))], { current: 'second' })?.video.sid).toBe('V3');
    // The host left: the other one takes over.
    expect(pickHost([p('first', 1, cam('V1'))], { current: 'second' })?.identity).toBe('first');
  });
});

describe('countViewers', () => {
  it('counts people who publish nothing, not hosts or recorders', () => {
    expect(
      countViewers([
        { publishes: false, human: true },
        { publishes: false, human: true },
        { publishes: true, human: true },
        { publishes: false, human: false },
      ]),
    ).toBe(2);
  });
});
