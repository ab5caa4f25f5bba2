// @ts-check
// The JavaScript the LiveKit benchmark pages load, in memory, once per run: a snapshot of the player's CDN
// build, the baseline page bundled and minified with esbuild, and the pixel-clock decoder.
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..', '..');
export const playerCdnDir = join(root, 'packages', 'player', 'dist', 'cdn');
const coreDir = join(root, 'packages', 'core');
/** livekit-client as core depends on it (the bench package does not list it). */
const coreRequire = createRequire(join(coreDir, 'package.json'));

/** @typedef {{ body: Buffer, gzip: Buffer, type: string }} Asset */

/** @param {Buffer | string} body */
export function asset(body, type = 'text/javascript; charset=utf-8') {
  const buffer = Buffer.from(body);
  return { body: buffer, gzip: gzipSync(buffer, { level: 9 }), type };
}

export async function liveKitClientVersion() {
  const main = coreRequire.resolve('livekit-client'); // …/livekit-client/dist/livekit-client.umd.js
  return JSON.parse(await readFile(join(main, '..', '..', 'package.json'), 'utf8')).version;
}

/** @returns {Promise<Map<string, Asset>>} URL path → asset */
export async function loadAssets() {
  /** @type {Map<string, Asset>} */
  const assets = new Map();
  const entries = await readdir(playerCdnDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => relative(playerCdnDir, join(e.parentPath, e.name)).split(sep).join('/'));
  if (!files.includes('live-player.js'))
    throw new Error(`${playerCdnDir}/live-player.js is missing: run \`pnpm build\` first`);
  for (const file of files) assets.set(`/player/${file}`, asset(await readFile(join(playerCdnDir, file))));

  const raw = await build({
    entryPoints: [join(import.meta.dirname, 'raw-viewer.mjs')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    nodePaths: [join(coreDir, 'node_modules')],
    logLevel: 'silent',
  });
  assets.set('/raw-viewer.js', asset(Buffer.from(raw.outputFiles[0].contents)));
  assets.set('/clock-code.mjs', asset(await readFile(join(root, 'testbed', 'livekit', 'clock-code.mjs'))));
  return assets;
}

/**
 * Bytes on the LiveKit path: the player's entry, its livekit-client chunk, and LiveHook's own LiveKit code
 * (core's transports/livekit + room link, minified, livekit-client left out) for scale.
 * @param {Map<string, Asset>} assets
 */
export async function liveKitSizes(assets) {
  const pick = (/** @type {RegExp} */ pattern) => [...assets].filter(([path]) => pattern.test(path));
  const sum = (/** @type {[string, Asset][]} */ list, /** @type {'body' | 'gzip'} */ key) =>
    list.reduce((n, [, a]) => n + a[key].length, 0);
  const entry = pick(/^\/player\/live-player\.js$/);
  const chunk = pick(/^\/player\/chunks\/livekit-client[^/]*\.js$/);
  const own = await build({
    stdin: {
      contents: [
        "export * from './src/transports/livekit/livekit-transport.ts';",
        "export * from './src/room/room-link.ts';",
      ].join('\n'),
      resolveDir: coreDir,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    // Shared with HLS or already in the entry anyway: only the LiveKit-specific code is counted.
    external: ['livekit-client', '*/cues/cue.js', '*/policy/retry.js', '*/viewer/errors.js', '*/quality/quality.js'],
    logLevel: 'silent',
  });
  const ownCode = asset(Buffer.from(own.outputFiles[0].contents));
  const raw = assets.get('/raw-viewer.js');
  return {
    entry: { raw: sum(entry, 'body'), gzip: sum(entry, 'gzip') },
    chunk: { raw: sum(chunk, 'body'), gzip: sum(chunk, 'gzip'), files: chunk.map(([p]) => p.replace('/player/', '')) },
    own: { raw: ownCode.body.length, gzip: ownCode.gzip.length },
    baseline: { raw: raw?.body.length ?? 0, gzip: raw?.gzip.length ?? 0 },
    // A message only livekit-client's own code carries.
    entryHasLiveKit: entry.some(([, a]) => a.body.includes('could not establish pc connection')),
  };
}
