import { describe, expect, it } from 'vitest';
import { parseHlsSource, SourceError } from './source.js';

describe('parseHlsSource', () => {
  it('resolves a relative playlist against the page', () => {
    expect(parseHlsSource('live/master.m3u8', 'https://shop.example/p/1').url).toBe(
      'https://shop.example/p/live/master.m3u8',
    );
  });

  it.each(['javascript:alert(1)', 'data:application/x-mpegurl,#EXTM3U', 'ftp://x/y.m3u8'])(
    'refuses the %s scheme',
    (src) => {
      expect(() => parseHlsSource(src, 'https://shop.example/')).toThrow(SourceError);
    },
  );

  it('explains an empty src', () => {
    expect(() => parseHlsSource('  ')).toThrow(/src is empty/);
  });
});
