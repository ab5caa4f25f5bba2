// Importing @livehook/core must not pull livekit-client: only a dynamic import() may reach it.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every package a module reaches through static, non-type imports and re-exports. */
function staticGraph(file: string, seen = new Set<string>(), packages = new Set<string>()): Set<string> {
  if (seen.has(file)) return packages;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  const statements = code.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\sfrom\s+'([^']+)';/gms);
  for (const [, specifier] of statements) {
    if (specifier!.startsWith('.'))
      staticGraph(resolve(dirname(file), specifier!.replace(/\.js$/, '.ts')), seen, packages);
    else packages.add(specifier!);
  }
  return packages;
}

describe('@livehook/core entry', () => {
  it('reaches livekit-client and hls.js only through dynamic import()', () => {
    const packages = staticGraph(resolve(src, 'index.ts'));
    expect([...packages].filter((p) => p.startsWith('livekit-client') || p.startsWith('hls.js'))).toEqual([]);
  });

  it('really does load livekit-client lazily', () => {
    const loader = readFileSync(resolve(src, 'transports/livekit/load-livekit.ts'), 'utf8');
    expect(loader).toMatch(/import\('livekit-client'\)/);
  });
});
