import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, renderPage } from './page.mjs';

const html = readFileSync(new URL('../script-tag/index.html', import.meta.url), 'utf8');

describe('renderPage', () => {
  it('serves the page as written when there is no LiveKit server', () => {
    expect(renderPage(html, null)).toBe(html);
  });

  it('puts the LiveKit attributes on the real <live-player>, not on comments that mention it, and escapes them', () => {
    const out = renderPage(html, { url: 'wss://lk.example', tokenUrl: '/livekit/token?a=1&b="2"', room: 'demo' });
    const tags = out.replace(/<!--[\s\S]*?-->/g, '').match(/<live-player[^>]*>/g);
    expect(tags).toHaveLength(1);
    expect(tags?.[0]).toContain('livekit-url="wss://lk.example"');
    expect(tags?.[0]).toContain('token-url="/livekit/token?a=1&amp;b=&quot;2&quot;"');
    expect(tags?.[0]).toContain('room="demo"');
    expect(tags?.[0]).toContain('src="/stream/master.m3u8"'); // HLS stays as the fallback
  });
});

describe('contentSecurityPolicy', () => {
  it('allows no inline code and adds the origins a remote LiveKit server needs', () => {
    const csp = contentSecurityPolicy({ connect: ['https://lk.example'] });
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toContain('unsafe');
    expect(csp).toMatch(/connect-src [^;]*https:\/\/lk\.example/);
  });
});
