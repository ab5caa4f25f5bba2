// @ts-check
// Screenshots of each element in each state, as docs/test/screenshots.test.ts left them: the PNGs and an
// index.json describing them. The site shows them on the element pages, or a note when there are none.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeAttribute, escapeHtml } from './markdown.mjs';
import { screenshotsDir } from './paths.mjs';

/**
 * @typedef {object} Screenshot
 * @property {string} file PNG name in the screenshots folder
 * @property {string} tag the element shown
 * @property {string} state the state it is in, as a reader would name it
 * @property {string} lang `en` or `zh-CN`
 * @property {string} caption
 * @property {number} width CSS pixels
 * @property {number} height CSS pixels
 */

export const SCREENSHOT_INDEX = 'index.json';

/**
 * The screenshots taken so far, or [] when the test has not run.
 * @param {string} [dir]
 * @returns {Screenshot[]}
 */
export function loadScreenshots(dir = screenshotsDir) {
  const index = join(dir, SCREENSHOT_INDEX);
  if (!existsSync(index)) return [];
  /** @type {Screenshot[]} */
  const shots = JSON.parse(readFileSync(index, 'utf8'));
  return shots.filter((shot) => existsSync(join(dir, shot.file)));
}

/**
 * The "Screenshots" section of an element page (HTML inside markdown).
 * @param {string} tag
 * @param {Screenshot[]} shots all screenshots
 * @param {string} prefix path from the element page to the site's screenshots folder
 */
export function screenshotSection(tag, shots, prefix) {
  const mine = shots.filter((shot) => shot.tag === tag);
  if (!mine.length) {
    return `## Screenshots

_No screenshots in this build._ They are taken by the docs tests in real Chromium: run
\`pnpm docs:test\` (after \`pnpm build\`), then \`pnpm docs:build\` again.`;
  }
  const figures = mine
    .map(
      (shot) => `<figure class="shot">
  <img src="${escapeAttribute(`${prefix}${shot.file}`)}" alt="${escapeAttribute(`<${tag}>: ${shot.caption}`)}" width="${shot.width}" height="${shot.height}" loading="lazy">
  <figcaption>${escapeHtml(shot.caption)} <span class="lang">${escapeHtml(shot.lang)}</span></figcaption>
</figure>`,
    )
    .join('\n');
  return `## Screenshots

Taken by the docs tests in real Chromium, each after checking the element reached the state.

<div class="shots">
${figures}
</div>`;
}
