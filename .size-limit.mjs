// Size budgets (gzip, level 9) for what a shop page downloads before anything plays. Run `pnpm size` after
// `pnpm build`; each line fails the run when its files grow past `limit`. Budgets are today's size plus a little
// headroom: they stop regressions. Issue 3's goal for the player's own HLS code (25 kB) is tracked in bench/. Measured sizes, and how to change a
// budget: docs/guides/package-quality.md (keep its table and the README's in step with this file).

/** esbuild plugin: a dynamic `import()` stays a separate request, so it is not part of what an import costs. */
const lazyImportsStayLazy = {
  name: 'lazy-imports-stay-lazy',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

/** A tree-shaken `import { names } from '<dist entry>'`, as a shop's bundler would build it (ESM, minified). */
function treeShaken(name, path, names, limit) {
  return {
    name,
    path,
    import: `{ ${names} }`,
    limit,
    gzip: true,
    modifyEsbuildConfig: (config) => ({ ...config, format: 'esm', plugins: [lazyImportsStayLazy] }),
  };
}

/** Built files as they are served from a CDN: no bundling, just their compressed size. */
function served(name, path, limit) {
  return { name, path, limit, gzip: true, disablePlugins: ['@size-limit/esbuild'] };
}

const PLAYER_CDN = 'packages/player/dist/cdn';
const WIDGETS = 'packages/widgets/dist/index.js';

export default [
  // It picks the hls.js build to fetch from the page's settings (hls-build.ts), before any transport loads.
  treeShaken('@livehook/core: Viewer, no transport', 'packages/core/dist/index.js', 'Viewer', '5.5 kB'),
  // What an HLS viewer fetches before the first frame, besides hls.js (a lazy chunk of its own). Issue 3's goal:
  // under 25 kB, and this budget is that goal (kB of 1000 bytes: under 25 KiB too). The control bar (its own
  // chunk) and the playback reporter follow after the first frame.
  served('<live-player> CDN entry', `${PLAYER_CDN}/live-player.js`, '20 kB'),
  served(
    '<live-player> CDN entry + HLS transport chunk',
    [`${PLAYER_CDN}/live-player.js`, `${PLAYER_CDN}/chunks/hls-transport-*.js`],
    '25 kB',
  ),
  // hls.js itself: the light build plays every stream that declares no captions, subtitles, DRM… (hls-build.ts).
  served('hls.js light build (lazy chunk, most HLS streams)', `${PLAYER_CDN}/chunks/hls.light-*.js`, '120 kB'),
  // The lead-event reporter follows when a view starts (after the first frame).
  served(
    '<live-player> CDN entry + HLS transport + playback reporter',
    [
      `${PLAYER_CDN}/live-player.js`,
      `${PLAYER_CDN}/chunks/hls-transport-*.js`,
      `${PLAYER_CDN}/chunks/playback-reporter-*.js`,
    ],
    '26.5 kB',
  ),
  served(
    '<live-player> CDN entry + LiveKit transport chunk',
    [`${PLAYER_CDN}/live-player.js`, `${PLAYER_CDN}/chunks/livekit-transport-*.js`],
    '25.5 kB',
  ),
  treeShaken(
    '@livehook/player: LivePlayer (lit + core included)',
    'packages/player/dist/index.js',
    'LivePlayer',
    '20 kB',
  ),
  treeShaken('@livehook/widgets: LiveFollowUnlock', WIDGETS, 'LiveFollowUnlock', '23 kB'),
  treeShaken('@livehook/widgets: LiveGroupQr', WIDGETS, 'LiveGroupQr', '22.5 kB'),
  treeShaken('@livehook/widgets: LiveCountdown', WIDGETS, 'LiveCountdown', '26.5 kB'),
  treeShaken('@livehook/widgets: LiveCoupon', WIDGETS, 'LiveCoupon', '23 kB'),
  treeShaken('@livehook/widgets: LiveAnalytics', WIDGETS, 'LiveAnalytics', '7 kB'),
  served('@livehook/widgets CDN bundle', 'packages/widgets/dist/cdn/live-widgets.js', '40 kB'),
];
