// @ts-check
// Builds the docs site: every markdown page in docs/, a generated reference page per element (the hand-written
// narrative, the screenshots, then the tables from the manifests), typedoc's API reference under api/, and
// the CDN builds the live examples load.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { buildApiReference } from './api-reference.mjs';
import { loadElements, referenceMarkdown } from './element-reference.mjs';
import { layout } from './layout.mjs';
import { renderMarkdown } from './markdown.mjs';
import { navigation } from './nav.mjs';
import {
  screenshotsDir as defaultScreenshotsDir,
  defaultSiteDir,
  docsDir,
  outputPathOf,
  playerCdnDir,
  repoRoot,
  widgetsCdnDir,
} from './paths.mjs';
import { loadScreenshots, screenshotSection } from './screenshots.mjs';

/** Folders of docs/ that are tooling, not pages. */
const NOT_PAGES = new Set(['build', 'test', 'node_modules', '.site', '.screenshots']);

/**
 * @typedef {object} BuildOptions
 * @property {string} [outDir] default docs/.site
 * @property {boolean} [api] run typedoc (default true; the slowest step)
 * @property {string} [screenshotsDir] default docs/.screenshots
 * @property {(line: string) => void} [log]
 */

/**
 * @param {BuildOptions} [options]
 * @returns {Promise<{ outDir: string, pages: string[], elements: string[], screenshots: number, warnings: string[] }>}
 */
export async function buildSite({
  outDir = defaultSiteDir,
  api = true,
  screenshotsDir = defaultScreenshotsDir,
  log = console.log,
} = {}) {
  for (const [dir, pkg] of [
    [playerCdnDir, 'player'],
    [widgetsCdnDir, 'widgets'],
  ]) {
    if (!existsSync(dir))
      throw new Error(`packages/${pkg}/dist/cdn/ is missing: run \`pnpm build\` at the repository root first.`);
  }
  const elements = loadElements();
  const shots = loadScreenshots(screenshotsDir);
  /** @type {string[]} */
  const warnings = [];
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  /** @type {Map<string, { title: string, body: string }>} site path → rendered page */
  const pages = new Map();
  const elementNarratives = new Set(elements.map((el) => `docs/elements/${el.tag}.md`));
  const sources = markdownFiles(docsDir).filter((source) => !elementNarratives.has(source));
  /** @type {Set<string>} repository .md files outside docs/ that pages link to */
  const linkedOutside = new Set();
  for (const source of sources) {
    const rendered = renderMarkdown(readFileSync(join(repoRoot, source), 'utf8'), { source });
    pages.set(outputPathOf(source), { title: rendered.title, body: rendered.html });
    for (const file of rendered.linkedMarkdown) linkedOutside.add(file);
  }
  // Repository READMEs the docs link to (bench/, testbed/…) get a page too, and so do the ones they link to.
  for (const source of linkedOutside) {
    const file = join(repoRoot, source);
    if (!existsSync(file)) continue; // the link checker reports it
    const rendered = renderMarkdown(readFileSync(file, 'utf8'), { source });
    pages.set(outputPathOf(source), { title: rendered.title, body: rendered.html });
    for (const next of rendered.linkedMarkdown) linkedOutside.add(next);
  }

  for (const el of elements) {
    const narrativeFile = join(docsDir, 'elements', `${el.tag}.md`);
    const narrative = existsSync(narrativeFile)
      ? readFileSync(narrativeFile, 'utf8')
      : `# \`<${el.tag}>\`\n\n${el.summary ? `**${el.summary}**\n\n` : ''}${el.description}`;
    if (el.tagFromClassName) warnings.push(`${el.className} has no @tagname in its manifest; listed as <${el.tag}>`);
    const markdown = [
      narrative.trimEnd(),
      screenshotSection(el.tag, shots, '../screenshots/'),
      referenceMarkdown(el),
    ].join('\n\n');
    const source = `docs/elements/${el.tag}.md`;
    const rendered = renderMarkdown(markdown, { source });
    pages.set(outputPathOf(source), { title: rendered.title, body: rendered.html });
  }

  const nav = navigation({ elements }).map((section) => ({
    title: section.title,
    items: section.items.flatMap((item) => {
      if (!item.source) return [{ title: item.title, href: /** @type {string} */ (item.href) }];
      if (existsSync(join(repoRoot, item.source))) return [{ title: item.title, href: outputPathOf(item.source) }];
      if (!item.optional) throw new Error(`the navigation lists ${item.source}, which does not exist`);
      warnings.push(`${item.source} does not exist yet; left out of the navigation`);
      return [];
    }),
  }));

  for (const [output, page] of pages) {
    const file = join(outDir, output);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, layout({ title: page.title, body: page.body, output, nav }));
  }

  cpSync(join(docsDir, 'build', 'assets'), join(outDir, 'assets'), { recursive: true });
  copyDocsAssets(outDir);
  cpSync(playerCdnDir, join(outDir, 'cdn', 'player'), { recursive: true });
  cpSync(widgetsCdnDir, join(outDir, 'cdn', 'widgets'), { recursive: true });
  if (shots.length) {
    mkdirSync(join(outDir, 'screenshots'), { recursive: true });
    for (const shot of shots) cpSync(join(screenshotsDir, shot.file), join(outDir, 'screenshots', shot.file));
  } else {
    warnings.push('no screenshots found (run `pnpm docs:test` to take them); element pages say so');
  }

  if (api) {
    log('typedoc: building the API reference…');
    await buildApiReference(join(outDir, 'api'));
  }
  return {
    outDir,
    pages: [...pages.keys()].sort(),
    elements: elements.map((el) => el.tag),
    screenshots: shots.length,
    warnings,
  };
}

/**
 * Repository paths of the markdown pages in docs/.
 * @param {string} dir
 */
function markdownFiles(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split('\\').join('/'))
    .filter((file) => file.endsWith('.md') && !NOT_PAGES.has(file.split('/')[0] ?? ''))
    .map((file) => posix.join('docs', file))
    .sort();
}

/** Images and other files the pages embed from docs/ (not markdown, not tooling). */
function copyDocsAssets(/** @type {string} */ outDir) {
  for (const file of readdirSync(docsDir, { recursive: true, encoding: 'utf8' })) {
    const path = file.split('\\').join('/');
    if (NOT_PAGES.has(path.split('/')[0] ?? '') || !/\.(png|jpe?g|svg|webp|gif)$/i.test(path)) continue;
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(docsDir, file), target);
  }
}
