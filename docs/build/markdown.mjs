// @ts-check
// Markdown → HTML for one page: GitHub-style heading ids, and links between .md files turned into links
// between the built .html pages, so a link that works on GitHub works on the site too.
import { dirname, posix } from 'node:path';
import { Marked } from 'marked';
import { outputPathOf } from './paths.mjs';

/**
 * @typedef {object} RenderedPage
 * @property {string} html the page body
 * @property {string} title text of the first level-1 heading (or '')
 * @property {{ depth: number, text: string, id: string }[]} headings
 * @property {Set<string>} linkedMarkdown repository paths of .md files outside docs/ this page links to
 */

/**
 * @param {string} markdown
 * @param {object} context
 * @param {string} context.source the page's path in the repository, e.g. `docs/guides/hls.md`
 * @param {string} [context.output] the page's path in the site (default: from `source`)
 * @returns {RenderedPage}
 */
export function renderMarkdown(markdown, { source, output = outputPathOf(source) }) {
  /** @type {RenderedPage['headings']} */
  const headings = [];
  const linkedMarkdown = new Set();
  const slugs = createSlugger();
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading({ tokens, depth }) {
        const inner = this.parser.parseInline(tokens);
        const text = plainText(inner);
        const id = slugs(text);
        headings.push({ depth, text, id });
        return `<h${depth} id="${id}">${inner} <a class="anchor" href="#${id}" aria-hidden="true" tabindex="-1">#</a></h${depth}>\n`;
      },
      link({ href, title, tokens }) {
        const inner = this.parser.parseInline(tokens);
        const target = siteHref(href, source, output, linkedMarkdown);
        // A link to a source file outside the docs has no page on the site: keep the words, drop the link.
        if (target === null) return inner;
        return `<a href="${escapeAttribute(target)}"${title ? ` title="${escapeAttribute(title)}"` : ''}>${inner}</a>`;
      },
    },
  });
  const html = /** @type {string} */ (marked.parse(markdown, { async: false }));
  const title = headings.find((h) => h.depth === 1)?.text ?? '';
  return { html, title, headings, linkedMarkdown };
}

/**
 * Where a link in a markdown file should point on the site: `.md` → `.html` relative to the output page,
 * README.md → index.html; `null` for a non-markdown file outside docs/ (no page to link to).
 * @param {string} href as written
 * @param {string} source the linking file's repository path
 * @param {string} output the linking page's site path
 * @param {Set<string>} [linkedMarkdown] collects .md files outside docs/ that need a page
 * @returns {string | null}
 */
export function siteHref(href, source, output, linkedMarkdown) {
  if (!href || href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return href;
  const [pathPart = '', hash = ''] = splitHash(href);
  const target = posix.normalize(posix.join(dirname(source), pathPart));
  if (target.startsWith('..')) return null; // outside the repository
  const isMarkdown = /\.md$/i.test(target);
  const insideDocs = target.startsWith('docs/');
  if (!isMarkdown && !insideDocs) return null;
  if (isMarkdown && !insideDocs) linkedMarkdown?.add(target);
  const page = isMarkdown ? outputPathOf(target) : target.slice('docs/'.length);
  const relative = posix.relative(dirname(output), page) || posix.basename(page);
  return relative + (hash ? `#${hash}` : '');
}

/** @param {string} href @returns {[string, string]} */
function splitHash(href) {
  const at = href.indexOf('#');
  return at < 0 ? [href, ''] : [href.slice(0, at), href.slice(at + 1)];
}

/** GitHub's heading ids: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function createSlugger() {
  /** @type {Map<string, number>} */
  const seen = new Map();
  return (/** @type {string} */ text) => {
    const base =
      text
        .toLowerCase()
        .trim()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-') || 'section';
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count ? `${base}-${count}` : base;
  };
}

/** @param {string} html */
function plainText(html) {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** @param {string} text */
export function escapeAttribute(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** @param {string} text */
export function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
