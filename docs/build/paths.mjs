// @ts-check
// Where things live: the repository, the docs, the built site, the screenshots the tests take.
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const docsDir = fileURLToPath(new URL('../', import.meta.url));
/** The built site (gitignored). */
export const defaultSiteDir = fileURLToPath(new URL('../.site/', import.meta.url));
/** Element screenshots written by docs/test/screenshots.test.ts (gitignored); the build copies them in. */
export const screenshotsDir = fileURLToPath(new URL('../.screenshots/', import.meta.url));
export const playerCdnDir = fileURLToPath(new URL('../../packages/player/dist/cdn/', import.meta.url));
export const widgetsCdnDir = fileURLToPath(new URL('../../packages/widgets/dist/cdn/', import.meta.url));

/**
 * The site path of a markdown file given by its repository path: `docs/guides/hls.md` → `guides/hls.html`,
 * `docs/README.md` → `index.html`; files outside docs/ go under `repo/` (`bench/README.md` → `repo/bench/index.html`).
 * @param {string} source
 */
export function outputPathOf(source) {
  const inDocs = source.startsWith('docs/') ? source.slice('docs/'.length) : `repo/${source}`;
  return inDocs.replace(/(^|\/)README\.md$/i, '$1index.html').replace(/\.md$/i, '.html');
}
