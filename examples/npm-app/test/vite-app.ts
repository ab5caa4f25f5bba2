// What the example tests share: the developer's own commands (`vite build`, `tsc --noEmit`) run as
// child processes in an example's folder, `vite preview` of the build, and Chromium to open it.
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';
import { chromiumArgs, findChromium } from '../../../scripts/find-chromium.mjs';

export interface CommandResult {
  code: number | null;
  output: string;
}

/** Runs a CLI (`vite`, `typescript`'s `tsc`) with Node, from the example's own node_modules. */
export function runBin(dir: string, bin: 'vite/bin/vite.js' | 'typescript/bin/tsc', args: string[]) {
  const script = join(dir, 'node_modules', bin);
  return new Promise<CommandResult>((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * `vite build` in `dir`, into a fresh temporary folder (so two runs, or a developer's own `dist/`, never
 * collide); throws with Vite's output when it fails. Returns the folder.
 */
export async function viteBuild(dir: string): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'livehook-example-'));
  const { code, output } = await runBin(dir, 'vite/bin/vite.js', ['build', '--outDir', outDir, '--emptyOutDir']);
  if (code !== 0) throw new Error(`vite build failed in ${dir}:\n${output}`);
  return outDir;
}

/** `tsc --noEmit` with `dir`'s tsconfig.json, or another project file. */
export function typecheck(dir: string, project = 'tsconfig.json'): Promise<CommandResult> {
  return runBin(dir, 'typescript/bin/tsc', ['-p', project, '--noEmit', '--pretty', 'false']);
}

/** `vite preview` of the build in `outDir` on a free loopback port, with `dir`'s own config (plugins). */
export async function startPreview(dir: string, outDir: string): Promise<{ url: string; server: PreviewServer }> {
  const server = await preview({
    root: dir,
    logLevel: 'silent',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview is not listening');
  return { url: `http://127.0.0.1:${address.port}/`, server };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
}

/** Console errors and uncaught exceptions of a page. */
export function collectPageErrors(page: import('playwright-core').Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  return errors;
}
