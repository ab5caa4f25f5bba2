// Shared rollup setup: every package ships ESM + .d.ts for npm, and the element
// packages also ship one self-contained CDN entry whose heavy transports are lazy chunks.
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';

/**
 * @param {object} options
 * @param {string} options.dir the package folder (pass `import.meta.dirname`)
 * @param {Record<string, string>} options.input npm entry points, name → source file
 * @param {Record<string, string>} [options.cdn] CDN entry points, output name → source file
 * @param {RegExp[]} [options.onDemand] CDN build: modules (by id) that stay in chunks of their own, however small
 * @returns {import('rollup').RollupOptions[]}
 */
export function packageConfig({ dir, input, cdn, onDemand = [] }) {
  const pkg = JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8'));
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  // Anything the package depends on stays a bare import in the npm build.
  const external = (id) => deps.some((d) => id === d || id.startsWith(`${d}/`));
  const tsconfig = resolve(dir, 'tsconfig.json');
  // Start from an empty dist: stale hashed chunks would otherwise ship (and be measured) forever.
  rmSync(resolve(dir, 'dist'), { recursive: true, force: true });

  /** @type {import('rollup').RollupOptions[]} */
  const configs = [
    {
      input: Object.fromEntries(Object.entries(input).map(([k, v]) => [k, resolve(dir, v)])),
      external,
      plugins: [typescript({ tsconfig, outDir: resolve(dir, 'dist'), declarationDir: resolve(dir, 'dist') })],
      output: {
        dir: resolve(dir, 'dist'),
        format: 'es',
        sourcemap: true,
        preserveModules: true,
        preserveModulesRoot: resolve(dir, 'src'),
      },
      onwarn,
    },
  ];

  if (cdn) {
    configs.push({
      input: Object.fromEntries(Object.entries(cdn).map(([k, v]) => [k, resolve(dir, v)])),
      plugins: [
        nodeResolve({ browser: true, exportConditions: ['browser', 'production', 'module', 'import'] }),
        typescript({ tsconfig, declaration: false, declarationMap: false, outDir: resolve(dir, 'dist/cdn') }),
        // Lit's html`` and css`` templates keep the source's indentation: one-file embeds ship them minified.
        minifyTemplateLiterals(),
        terser({ ecma: 2020, module: true, compress: { passes: 3, pure_getters: true }, format: { comments: false } }),
        keepOnDemandChunks(onDemand),
      ],
      // Lazy chunks share code (tslib, core helpers) with the entry: let the entry export it to them
      // rather than become a facade that fetches a second file before anything is defined.
      preserveEntrySignatures: 'allow-extension',
      output: {
        dir: resolve(dir, 'dist/cdn'),
        format: 'es',
        sourcemap: true,
        entryFileNames: '[name].js',
        // hls.js and livekit-client end up here, fetched only when a source needs them.
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Tiny shared chunks (retry policies) would cost a round trip of their own: fold them into the entry.
        experimentalMinChunkSize: 5000,
        // A language table loaded on demand (i18n/strings.<tag>.ts) stays its own file, however small: the
        // size merge above would otherwise fold it back into the entry, for every page to download.
        manualChunks: (id) => {
          const tag = id.match(/\/i18n\/strings\.([a-z]{2}(?:-[a-z]+)?)\.[jt]s$/)?.[1];
          return tag ? `locale-${tag}` : undefined;
        },
      },
      onwarn,
    });
  }
  return configs;
}

/**
 * Code a viewer may never run stays in chunks of its own, however small: the size merge below
 * (`experimentalMinChunkSize`) folds small side-effect-free chunks into the chunk that loads them. Rollup never
 * merges a chunk whose modules count as having side effects, and unlike `manualChunks` this leaves the modules'
 * dependencies where they were.
 * @param {RegExp[]} patterns module ids
 * @returns {import('rollup').Plugin}
 */
function keepOnDemandChunks(patterns) {
  return {
    name: 'keep-on-demand-chunks',
    transform: (code, id) =>
      patterns.some((pattern) => pattern.test(id)) ? { code, map: null, moduleSideEffects: 'no-treeshake' } : null,
  };
}

/** @param {import('rollup').RollupLog} warning @param {(w: import('rollup').RollupLog) => void} warn */
function onwarn(warning, warn) {
  // livekit-client and hls.js use `this` at module top level in some helpers; harmless in ESM.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.ids?.join() ?? '')) return;
  warn(warning);
}
