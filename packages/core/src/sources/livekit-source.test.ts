import { describe, expect, it } from 'vitest';
import { describeSource, parseLiveKitSource, parseSource, SourceError } from './source.js';

const base = 'https://shop.example/p/1';
const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ2In0.c2ln';

describe('LiveKit sources', () => {
  it('accepts a token source and a token-endpoint source, with or without kind', () => {
    expect(parseSource({ url: 'wss://live.example', token }, base)).toEqual({
      kind: 'livekit',
      url: 'wss://live.example/',
      token,
    });
    expect(
      parseSource(
        { kind: 'livekit', url: 'wss://live.example', tokenUrl: '/api/token', room: 'r1', host: 'anna' },
        base,
      ),
    ).toEqual({
      kind: 'livekit',
      url: 'wss://live.example/',
      tokenUrl: 'https://shop.example/api/token',
      room: 'r1',
      host: 'anna',
    });
  });

  it.each([
    [{ url: '', token }, /livekit-url is empty/],
    [{ url: '/relative', token }, /not an absolute URL/],
    [{ url: 'javascript:alert(1)', token }, /ws\(s\) or http\(s\)/],
    [{ url: 'wss://x' }, /needs a token or a token-url/],
    [{ url: 'wss://x', tokenUrl: 'javascript:alert(1)', room: 'r' }, /token-url must be an http\(s\) URL/],
    [{ url: 'wss://x', tokenUrl: '/t' }, /needs a room name/],
    [{ url: 'wss://x', token: 'has spaces in it' }, /not a LiveKit access token/],
    [{ url: 'wss://x', token, host: '' }, /host must be/],
  ])('refuses %j', (input, message) => {
    expect(() => parseLiveKitSource(input, base)).toThrow(SourceError);
    expect(() => parseLiveKitSource(input, base)).toThrow(message);
  });

  it('never puts the token in a description', () => {
    const source = parseSource({ url: 'wss://live.example', token }, base);
    expect(describeSource(source)).toBe('livekit wss://live.example/ room (token)');
    expect(describeSource(source)).not.toContain(token);
  });
});
