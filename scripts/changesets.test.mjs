// Proves the pending changesets turn into a release: `changeset version`, run on a copy of the workspace
// (never on the checkout itself), bumps each package and writes a CHANGELOG.md that tells its changes.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const BUMPS = ['patch', 'minor', 'major'];

/** Every workspace folder listed in pnpm-workspace.yaml (`dir` or `dir/*`) that holds a package.json. */
function workspaceFolders() {
  const yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const block = yaml.split(/^packages:\s*$/m)[1] ?? '';
  const patterns = [...block.matchAll(/^\s+-\s+['"]?([^'"\s]+)['"]?\s*$/gm)].map((m) => m[1]);
  return patterns
    .flatMap((pattern) =>
      pattern.endsWith('/*')
        ? readdirSync(join(root, pattern.slice(0, -2)), { withFileTypes: true })
            .filter((entry) => entry.isDirectory())
            .map((entry) => join(pattern.slice(0, -2), entry.name))
        : [pattern],
    )
    .filter((folder) => existsSync(join(root, folder, 'package.json')));
}

/** The pending changesets: each one's packages with their bump, and its summary. */
function pendingChangesets() {
  const dir = join(root, '.changeset');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .map((file) => {
      const [, frontmatter, summary] = readFileSync(join(dir, file), 'utf8').split(/^---\s*$/m);
      const releases = [...frontmatter.matchAll(/^\s*['"]?([^'":]+)['"]?\s*:\s*(patch|minor|major)\s*$/gm)].map(
        ([, name, type]) => ({ name, type }),
      );
      return { file, releases, summary: summary.trim() };
    });
}

function bump(version, type) {
  const [major, minor, patch] = version.split('.').map(Number);
  if (type === 'major') return `${major + 1}.0.0`;
  if (type === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

describe('changeset version on a copy of the workspace', () => {
  const changesets = pendingChangesets();
  const folders = workspaceFolders();
  const packages = new Map(folders.map((folder) => [readJson(join(root, folder, 'package.json')).name, folder]));
  const released = [...new Set(changesets.flatMap((c) => c.releases.map((r) => r.name)))];
  let work;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'livehook-changesets-'));
    for (const file of ['package.json', 'pnpm-workspace.yaml']) cpSync(join(root, file), join(work, file));
    cpSync(join(root, '.changeset'), join(work, '.changeset'), { recursive: true });
    for (const folder of folders) {
      mkdirSync(join(work, folder), { recursive: true });
      cpSync(join(root, folder, 'package.json'), join(work, folder, 'package.json'));
    }
    // The changelog generator named in .changeset/config.json resolves from the copy.
    symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
    // Commit it, as in a real release: the default changelog links each entry to its commit.
    const git = (...args) => execFileSync('git', args, { cwd: work, stdio: 'pipe' });
    git('init', '--quiet', '--initial-branch=main');
    git('add', '-A');
    git('-c', 'user.name=test', '-c', 'user.email=test@example.invalid', 'commit', '--quiet', '-m', 'release');
    execFileSync(join(root, 'node_modules/.bin/changeset'), ['version'], { cwd: work, stdio: 'pipe' });
  }, 120_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('has changesets to release, each naming only workspace packages', () => {
    expect(changesets.length).toBeGreaterThan(0);
    for (const { file, releases } of changesets) {
      expect(releases.length, file).toBeGreaterThan(0);
      for (const { name } of releases) expect([...packages.keys()], file).toContain(name);
    }
    expect(released).toEqual(expect.arrayContaining(['@livehook/core', '@livehook/player', '@livehook/widgets']));
  });

  it.each(['@livehook/core', '@livehook/player', '@livehook/widgets'])(
    '%s gets a bumped version and a changelog with each of its changesets',
    (name) => {
      const folder = packages.get(name);
      const mine = changesets.filter((c) => c.releases.some((r) => r.name === name));
      const type =
        BUMPS[
          Math.max(...mine.flatMap((c) => c.releases.filter((r) => r.name === name)).map((r) => BUMPS.indexOf(r.type)))
        ];
      const expected = bump(readJson(join(root, folder, 'package.json')).version, type);

      expect(readJson(join(work, folder, 'package.json')).version).toBe(expected);
      const changelog = readFileSync(join(work, folder, 'CHANGELOG.md'), 'utf8');
      expect(changelog).toMatch(new RegExp(`^# ${name}$`, 'm'));
      expect(changelog).toMatch(new RegExp(`^## ${expected.replaceAll('.', '\\.')}$`, 'm'));
      expect(changelog).toContain(`### ${type[0].toUpperCase()}${type.slice(1)} Changes`);
      for (const { summary } of mine) {
        // The first line of each changeset, as written, under a commit-hash bullet.
        expect(changelog).toContain(summary.split('\n')[0]);
      }
    },
  );

  it.each(['@livehook/player', '@livehook/widgets'])('%s release notes name the core version it now needs', (name) => {
    const core = readJson(join(work, packages.get('@livehook/core'), 'package.json')).version;
    const changelog = readFileSync(join(work, packages.get(name), 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain('Updated dependencies');
    expect(changelog).toContain(`@livehook/core@${core}`);
  });

  it('consumes the changesets and leaves ignored packages alone', () => {
    const left = readdirSync(join(work, '.changeset')).filter((file) => file.endsWith('.md') && file !== 'README.md');
    expect(left).toEqual([]);
    const ignored = readJson(join(root, '.changeset/config.json')).ignore ?? [];
    for (const name of ignored) {
      const folder = packages.get(name);
      expect(folder, name).toBeDefined();
      expect(readJson(join(work, folder, 'package.json')).version).toBe(
        readJson(join(root, folder, 'package.json')).version,
      );
      expect(existsSync(join(work, folder, 'CHANGELOG.md'))).toBe(false);
    }
  });
});
