// Package checks before publishing, on the tarball `pnpm pack` makes (what npm users would download):
// publint (exports, files, fields; `strict`, so warnings fail too) and Are the Types Wrong (every export
// resolves to JavaScript and its types under node16-ESM and bundler resolution). Needs a prior `pnpm build`.
// attw profile `esm-only`: the packages are ESM-only on purpose (custom elements for browsers), so `require()`
// from CommonJS and TypeScript's legacy node10 resolution are not supported targets.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const PACKAGES = ['core', 'player', 'widgets'];
const root = resolve(import.meta.dirname, '..');
const packDir = mkdtempSync(join(tmpdir(), 'livehook-pack-'));

const failed = [];
try {
  for (const name of PACKAGES) {
    const dir = resolve(root, 'packages', name);
    const label = `@livehook/${name}`;
    if (!existsSync(resolve(dir, 'dist/index.js'))) {
      failed.push(`${label}: dist is missing; run \`pnpm build\` first`);
      continue;
    }
    let tarball;
    try {
      tarball = pack(dir);
    } catch (error) {
      failed.push(`${label}: \`pnpm pack\` failed (${error instanceof Error ? error.message : error})`);
      continue;
    }

    console.log(`\n── publint ${label}`);
    const data = readFileSync(tarball);
    const { messages, pkg } = await publint({
      pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) },
      strict: true,
    });
    for (const message of messages) console.log(`${message.type}: ${formatMessage(message, pkg, { color: false })}`);
    const errors = messages.filter((message) => message.type === 'error').length;
    console.log(errors === 0 ? 'All good' : `${errors} error(s)`);
    if (errors > 0) failed.push(`${label}: publint found ${errors} error(s)`);

    console.log(`\n── attw ${label}`);
    const attw = spawnSync(
      resolve(root, 'node_modules/.bin/attw'),
      [tarball, '--profile', 'esm-only', '--format', 'table-flipped', '--no-color'],
      { stdio: 'inherit' },
    );
    if (attw.status !== 0) failed.push(`${label}: attw ${attw.error?.message ?? `exit ${attw.status}`}`);
  }
} finally {
  rmSync(packDir, { recursive: true, force: true });
}

if (failed.length > 0) {
  console.error(`\nPackage checks failed:\n${failed.map((line) => `  - ${line}`).join('\n')}`);
  process.exit(1);
}
console.log(`\nPackage checks passed (publint, attw): ${PACKAGES.map((name) => `@livehook/${name}`).join(', ')}`);

/** `pnpm pack` as for publishing (workspace: versions replaced), into a temp folder; returns the .tgz path. */
function pack(dir) {
  const out = execFileSync('pnpm', ['pack', '--pack-destination', packDir, '--json'], { cwd: dir, encoding: 'utf8' });
  return JSON.parse(out).filename;
}
