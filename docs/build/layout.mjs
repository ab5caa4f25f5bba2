// @ts-check
// The page template: header, sidebar navigation, the page's content, and links to the stylesheet.
import { posix } from 'node:path';
import { escapeAttribute, escapeHtml } from './markdown.mjs';

/**
 * @param {object} page
 * @param {string} page.title
 * @param {string} page.body HTML
 * @param {string} page.output the page's site path, e.g. `guides/hls.html`
 * @param {{ title: string, items: { title: string, href: string }[] }[]} page.nav site paths
 */
export function layout({ title, body, output, nav }) {
  const here = (/** @type {string} */ path) => posix.relative(posix.dirname(output), path) || posix.basename(path);
  const navHtml = nav
    .map(
      (section) => `<section>
      <h2>${escapeHtml(section.title)}</h2>
      <ul>${section.items
        .map(
          (item) =>
            `<li><a href="${escapeAttribute(here(item.href))}"${item.href === output ? ' aria-current="page"' : ''}>${escapeHtml(item.title)}</a></li>`,
        )
        .join('')}</ul>
    </section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title ? `${title} · LiveHook` : 'LiveHook')}</title>
  <link rel="stylesheet" href="${here('assets/site.css')}">
</head>
<body>
  <a class="skip" href="#content">Skip to content · 跳到正文</a>
  <header class="site-header">
    <a class="brand" href="${here('index.html')}">LiveHook <span lang="zh-CN">文档</span></a>
    <a class="to-nav" href="#docs-nav">Contents · 目录</a>
  </header>
  <div class="site">
    <nav class="sidebar" id="docs-nav" aria-label="Documentation">
    ${navHtml}
    </nav>
    <main id="content" class="content">
${body}
    </main>
  </div>
</body>
</html>
`;
}
