import { describe, expect, it } from 'vitest';
import { safeUrl } from './safe-url.js';

const base = 'https://shop.example/live';

describe('safeUrl', () => {
  it('accepts http(s) and resolves relative links', () => {
    expect(safeUrl('https://chat.whatsapp.com/abc', { base })).toEqual({
      ok: true,
      url: 'https://chat.whatsapp.com/abc',
    });
    expect(safeUrl('/follow', { base })).toEqual({ ok: true, url: 'https://shop.example/follow' });
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,<b>x</b>',
    'vbscript:x',
    'file:///etc/passwd',
  ])('refuses %s', (input) => {
    const result = safeUrl(input, { base });
    expect(result.ok).toBe(false);
  });

  it('allows an app scheme only when asked', () => {
    expect(safeUrl('weixin://dl/chat', { base }).ok).toBe(false);
    expect(safeUrl('weixin://dl/chat', { base, allowSchemes: ['weixin:'] }).ok).toBe(true);
  });

  it('explains empty and malformed input', () => {
    expect(safeUrl('', { base })).toEqual({ ok: false, reason: 'the URL is empty' });
    expect(safeUrl('http://[bad', { base }).ok).toBe(false);
  });
});
