// @ts-check
// The page a shop publishes: the editor's HTML and CSS, plus the CDN build of each package the page uses.
import { elementsFromManifest } from './manifest-elements.js';

/**
 * @param {{ html: string, css: string, sources: import('./plugin.js').ElementSource[], lang: string, title: string }} page
 * @returns {string} a complete HTML document
 */
export function publishedPage({ html, css, sources, lang, title }) {
  const body = /^\s*<body\b/i.test(html) ? html : `<body>${html}</body>`;
  const used = sources.filter(({ manifest }) =>
    elementsFromManifest(manifest).some(({ tagName }) => new RegExp(`<${tagName}[\\s>]`, 'i').test(body)),
  );
  const scripts = used.map(({ script }) => `<script type="module" src="${escapeAttribute(script)}"></script>`);
  return [
    '<!doctype html>',
    `<html lang="${escapeAttribute(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeAttribute(title)}</title>`,
    ...scripts,
    css ? `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>` : '',
    '</head>',
    body,
    '</html>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** @param {string} text */
function escapeAttribute(text) {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
