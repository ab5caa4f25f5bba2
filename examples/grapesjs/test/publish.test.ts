// The published document: only the scripts the page needs, and nothing from the editor's HTML or CSS can
// break out of where it belongs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publishedPage } from '../src/publish.js';

const readManifest = (pkg: string) =>
  JSON.parse(readFileSync(new URL(`../../../packages/${pkg}/custom-elements.json`, import.meta.url), 'utf8'));
const sources = [
  { manifest: readManifest('player'), script: 'https://cdn.example/player.js' },
  { manifest: readManifest('widgets'), script: 'https://cdn.example/widgets.js' },
];

describe('publishedPage', () => {
  it('loads the CDN build of each package the page uses, and only those', () => {
    const widgetsOnly = publishedPage({
      html: '<body><live-group-qr href="https://shop.example/g"></live-group-qr></body>',
      css: '',
      sources,
      lang: 'zh-CN',
      title: 'Spring sale',
    });
    expect(widgetsOnly).toContain('<script type="module" src="https://cdn.example/widgets.js"></script>');
    expect(widgetsOnly).not.toContain('player.js');
    expect(widgetsOnly).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);

    const both = publishedPage({
      html: '<live-player src="x"></live-player><live-coupon></live-coupon>',
      css: '',
      sources,
      lang: 'en',
      title: 't',
    });
    expect(both).toContain('player.js');
    expect(both).toContain('widgets.js');
    expect(both).toContain('<body><live-player src="x"></live-player><live-coupon></live-coupon></body>');
  });

  it('keeps the title and the CSS where they belong', () => {
    const page = publishedPage({
      html: '<body></body>',
      css: 'body{color:red}</style><script>alert(1)</script>',
      sources,
      lang: '"><script>',
      title: '</title><script>alert(1)</script>',
    });
    // Each element closes once, where the page closes it: the injected text stays text.
    expect(page.match(/<\/style/gi)).toHaveLength(1);
    expect(page.match(/<\/title/gi)).toHaveLength(1);
    expect(page).toContain('<html lang="&#34;&#62;&#60;script&#62;">');
    expect(page).not.toContain('src=');
  });
});
