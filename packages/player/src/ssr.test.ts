// Server-side rendering frameworks import the package in Node: that must not touch window or document.
import { describe, expect, it } from 'vitest';

describe('@livehook/player in Node', () => {
  it('imports (and registers) without a DOM', async () => {
    expect(typeof window).toBe('undefined');
    const { LivePlayer, registerLocale } = await import('./index.js');
    expect(LivePlayer).toBeTypeOf('function');
    expect(registerLocale).toBeTypeOf('function');
    const { defineLivePlayer } = await import('./define.js');
    expect(() => defineLivePlayer('shop-live-player')).not.toThrow();
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });
});
