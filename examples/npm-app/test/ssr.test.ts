// Server-side rendering frameworks (Next.js, Nuxt, SvelteKit, Astro) import the packages in Node while
// rendering: every entry must import without a DOM, and define nothing that needs window or document.
// Plain Node, from this app's folder, so the packages resolve through their `exports` to the built dist.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const app = fileURLToPath(new URL('..', import.meta.url));

const entries = [
  '@livehook/core',
  '@livehook/player',
  '@livehook/player/define',
  '@livehook/widgets',
  '@livehook/widgets/define',
];

/** Imports `entry` in a fresh Node process and reports what it exported and whether it reached for a DOM. */
function importInNode(entry: string) {
  const script = `
    const url = import.meta.resolve(${JSON.stringify(entry)});
    const module = await import(${JSON.stringify(entry)});
    if (module.defineWidgets) module.defineWidgets({ prefix: 'shop' });
    if (module.defineLivePlayer) module.defineLivePlayer('shop-live-player');
    console.log(JSON.stringify({
      url,
      exports: Object.keys(module).sort(),
      window: typeof window,
      document: typeof document,
    }));
  `;
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '--eval', script], { cwd: app });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('every package entry in plain Node (no DOM)', () => {
  it.each(entries)('imports %s from its built dist without touching window or document', async (entry) => {
    const { code, stdout, stderr } = await importInNode(entry);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.url).toMatch(/\/packages\/(core|player|widgets)\/dist\/(index|define)\.js$/);
    expect(result.window).toBe('undefined');
    expect(result.document).toBe('undefined');
    const expected: Record<string, string[]> = {
      '@livehook/core': ['Viewer', 'parseCue', 'createLeadEvent'],
      '@livehook/player': ['LivePlayer', 'registerLocale'],
      '@livehook/player/define': ['defineLivePlayer'],
      '@livehook/widgets': ['LiveCountdown', 'LiveCoupon', 'LiveFollowUnlock', 'LiveGroupQr', 'defineWidgets'],
      '@livehook/widgets/define': ['defineWidgets', 'defineCoupon'],
    };
    expect(result.exports).toEqual(expect.arrayContaining(expected[entry] ?? []));
  });
});
