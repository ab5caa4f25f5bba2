// @ts-check
// Collects the JavaScript the three benchmark pages load, in memory, once per bench run: a snapshot of the
// player's CDN build (so a rebuild during the run cannot mix versions), hls.js's minified ESM build, and
// @mux/mux-player bundled for the browser with esbuild.
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const benchDir = join(import.meta.dirname, '..');
const require = createRequire(join(benchDir, 'package.json'));

/** The player's CDN build: `live-player.js` + lazy `chunks/*.js`. */
export const playerCdnDir = join(benchDir, '..', 'packages', 'player', 'dist', 'cdn');

/**
 * @typedef {{ body: Buffer, gzip: Buffer, type: string }} Asset
 * @typedef {Map<string, Asset>} Assets URL path (`/player/live-player.js`) → bytes
 */

const TYPES = { '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8' };

/**
 * @param {Buffer} body
 * @param {string} path
 * @returns {Asset}
 */
function asset(body, path) {
  const ext = /** @type {keyof typeof TYPES} */ (path.slice(path.lastIndexOf('.')));
  // Level 9, as a CDN precompresses static files; brotli would shave a little more off every contender.
  return { body, gzip: gzipSync(body, { level: 9 }), type: TYPES[ext] ?? 'application/octet-stream' };
}

/** @param {string} dir @returns {Promise<string[]>} every .js file below dir (no source maps) */
async function jsFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

/** The installed hls.js package's folder (the version bench/package.json pins, the same as core's). */
export function hlsJsDir() {
  return dirname(require.resolve('hls.js/package.json'));
}

/** @returns {Promise<{ version: string, muxVersion: string }>} */
export async function versions() {
  // Not through require.resolve: mux-player's `exports` do not list its package.json.
  const read = async (/** @type {string} */ name) =>
    JSON.parse(await readFile(join(benchDir, 'node_modules', name, 'package.json'), 'utf8')).version;
  return { version: await read('hls.js'), muxVersion: await read('@mux/mux-player') };
}

/**
 * Builds every asset. Throws with a hint when the player has not been built.
 * @returns {Promise<Assets>}
 */
export async function loadAssets() {
  /** @type {Assets} */
  const assets = new Map();

  const playerFiles = await jsFiles(playerCdnDir).catch(() => []);
  if (!playerFiles.includes('live-player.js')) {
    throw new Error(`${playerCdnDir}/live-player.js is missing: run \`pnpm build\` at the repo root first`);
  }
  for (const file of playerFiles) {
    assets.set(`/player/${file}`, asset(await readFile(join(playerCdnDir, file)), file));
  }
  // Its source map, for the breakdown of the entry (not served: nothing fetches it).
  const map = await readFile(join(playerCdnDir, 'live-player.js.map')).catch(() => null);
  if (map) assets.set('/player/live-player.js.map', { body: map, gzip: Buffer.alloc(0), type: 'application/json' });

  // A build running while we read would leave an entry pointing at chunks that are not there (yet).
  for (const [path, { body }] of assets) {
    if (!path.endsWith('.js')) continue;
    for (const [, chunk] of body.toString('utf8').matchAll(/["'](?:\.\.?\/)+(?:chunks\/)?([\w.-]+\.js)["']/g)) {
      const known = [...assets.keys()].some((p) => p.endsWith(`/${chunk}`));
      if (!known) throw new Error(`${path} imports ${chunk}, which is not in the CDN build: is a build running?`);
    }
  }

  // core's hls.js config, for the diagnostic page (a standalone module: it only has type imports).
  const config = await readFile(join(benchDir, '..', 'packages', 'core', 'dist', 'transports', 'hls', 'hls-config.js'))
    .then((body) => assets.set('/core/hls-config.js', asset(body, 'hls-config.js')))
    .catch(() => null);
  if (!config) console.warn('packages/core/dist has no hls-config.js: the --diagnose page will fail');

  // The minified ESM build: what a page loads from a CDN, or what a bundler makes of `hls.mjs`.
  for (const file of ['hls.min.mjs', 'hls.light.min.mjs']) {
    assets.set(`/hls.js/${file}`, asset(await readFile(join(hlsJsDir(), 'dist', file)), file));
  }

  // mux-player from its npm ESM build, bundled and minified like an app's bundler would (one file; its
  // hls.js is the same 1.7.4 as ours, deduplicated by pnpm).
  const mux = await build({
    stdin: { contents: "import '@mux/mux-player';", resolveDir: benchDir, loader: 'js' },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    write: false,
    outdir: '/mux',
    entryNames: 'mux-player',
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  for (const file of mux.outputFiles) {
    const name = file.path.slice(file.path.lastIndexOf('/mux/') + 1);
    assets.set(`/${name}`, asset(Buffer.from(file.contents), name));
  }
  return assets;
}

/**
 * gzip -9 sizes of the player's own entry and of each lazy chunk of its CDN build (hash left out of the name).
 * @param {Assets} assets
 */
export function playerSizes(assets) {
  let entry = { raw: 0, gzip: 0 };
  /** @type {{ name: string, raw: number, gzip: number }[]} */
  const chunks = [];
  for (const [path, a] of assets) {
    if (!path.startsWith('/player/') || !path.endsWith('.js')) continue;
    const size = { raw: a.body.length, gzip: a.gzip.length };
    if (path === '/player/live-player.js') entry = size;
    else chunks.push({ name: path.slice('/player/'.length).replace(/-[\w-]{8}\.js$/, '-*.js'), ...size });
  }
  return { entry, chunks };
}
