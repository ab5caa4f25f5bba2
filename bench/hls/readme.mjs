// @ts-check
// Writes a benchmark's results into bench/README.md between its own markers, and touches nothing else there.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const README = join(import.meta.dirname, '..', 'README.md');

/**
 * Replaces what stands between `<!-- name:start -->` and `<!-- name:end -->`. A README without those
 * markers gets them appended under `heading` (a missing README is created with a one-line intro), so a
 * first run in a fresh clone works.
 * @param {string} name marker name, e.g. `hls` or `hls-soak`
 * @param {string} heading section heading used only when the markers are missing
 * @param {string} results Markdown
 * @returns {Promise<string>} the file written
 */
export async function writeReadmeSection(name, heading, results) {
  const startMarker = `<!-- ${name}:start -->`;
  const endMarker = `<!-- ${name}:end -->`;
  const block = `${startMarker}\n${results.trim()}\n${endMarker}`;
  const text = existsSync(README)
    ? await readFile(README, 'utf8')
    : '# Benchmarks\n\nSide-by-side measurements of LiveHook against its baselines, in one run on local media.\n';
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker);
  const next =
    start >= 0 && end > start
      ? text.slice(0, start) + block + text.slice(end + endMarker.length)
      : `${text.trimEnd()}\n\n${heading}\n\n${block}\n`;
  await writeFile(README, next);
  return README;
}
