// @ts-check
// Checks every internal link of a built site: the file exists, and a `#fragment` names an id on that page.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

/**
 * Site paths that only `docs:serve` answers (the demo stream and the example shop's endpoints), not files.
 * Links into them are not checked here; the screenshot test plays from them.
 */
export const SERVED_PATHS = ['stream/', 'shop/'];

/**
 * @typedef {{ page: string, link: string, problem: string }} BrokenLink
 */

/**
 * @param {string} siteDir
 * @returns {{ pages: number, links: number, broken: BrokenLink[] }}
 */
export function checkLinks(siteDir) {
  const pages = readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split('\\').join('/'))
    .filter((file) => file.endsWith('.html'));
  /** @type {Map<string, Set<string>>} */
  const idsByPage = new Map();
  const idsOf = (/** @type {string} */ page) => {
    let ids = idsByPage.get(page);
    if (!ids) {
      const html = readFileSync(join(siteDir, page), 'utf8');
      ids = new Set([...html.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((m) => decodeEntities(m[1] ?? '')));
      idsByPage.set(page, ids);
    }
    return ids;
  };

  /** @type {BrokenLink[]} */
  const broken = [];
  let links = 0;
  for (const page of pages) {
    const html = readFileSync(join(siteDir, page), 'utf8');
    for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const link = decodeEntities(match[1] ?? '');
      if (!link || /^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) continue; // external, mailto:, data:
      links++;
      const [pathAndQuery = '', fragment = ''] = link.split('#');
      const path = pathAndQuery.split('?')[0] ?? '';
      let target = path ? posix.normalize(posix.join(posix.dirname(page), decodeURI(path))) : page;
      if (target.startsWith('..') || target.startsWith('/')) {
        broken.push({ page, link, problem: 'points outside the site (use a relative link)' });
        continue;
      }
      if (SERVED_PATHS.some((prefix) => target.startsWith(prefix))) continue;
      const file = join(siteDir, target);
      if (existsSync(file) && statSync(file).isDirectory()) target = posix.join(target, 'index.html');
      if (!existsSync(join(siteDir, target))) {
        broken.push({ page, link, problem: `no file ${target}` });
        continue;
      }
      if (fragment && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(fragment))) {
        broken.push({ page, link, problem: `no id "${fragment}" in ${target}` });
      }
    }
  }
  return { pages: pages.length, links, broken };
}

/** @param {string} text */
function decodeEntities(text) {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
