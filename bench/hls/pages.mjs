// @ts-check
// The pages the benchmark compares: the same live stream, muted autoplay, a 640×360 player, one way each.

/**
 * @typedef {{ hlsChunks: string[] }} PageContext what a page may need to know about the build (`hlsChunks`:
 *   URL paths of the player's chunks that an HLS source loads, for the preload experiment)
 * @typedef {{ id: string, label: string, html: (src: string, context: PageContext) => string }} Contender
 */

/** @param {string} text */
const escapeHtml = (text) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** @param {string} title @param {string} head @param {string} body */
const page = (title, head, body) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>${title}</title>
<style>body{margin:0;background:#111}.player{display:block;width:640px;aspect-ratio:16/9}</style>
${head}
</head>
<body>
${body}
</body>
</html>
`;

/** @param {string} src @param {string} config a JS expression @param {string} [head] @param {string} [build] */
const hlsJsPage = (src, config, head = '', build = 'hls.min.mjs') =>
  page(
    'hls.js',
    '',
    `<video class="player" id="video" autoplay muted playsinline></video>
<script type="module">
import Hls from '/hls.js/${build}';
${head}const src = ${JSON.stringify(src).replace(/</g, '\\u003c')};
const video = document.getElementById('video');
if (Hls.isSupported()) {
  const hls = new Hls(${config});
  hls.loadSource(src);
  hls.attachMedia(video);
} else {
  video.src = src;
}
</script>`,
  );

/** @type {Contender[]} */
export const CONTENDERS = [
  {
    id: 'live-player',
    label: '`<live-player>` (CDN build)',
    // The documented embed: one module script, one element.
    html: (src) =>
      page(
        'live-player',
        '<script type="module" src="/player/live-player.js"></script>',
        `<live-player class="player" src="${escapeHtml(src)}" autoplay muted></live-player>`,
      ),
  },
  {
    id: 'hls.js',
    label: 'plain hls.js',
    // What a developer writes in ten lines: defaults, plus lowLatencyMode off (the stream has no LL-HLS).
    html: (src) => hlsJsPage(src, '{ lowLatencyMode: false }'),
  },
  {
    id: 'mux-player',
    label: '@mux/mux-player',
    // Any HLS URL works as `src`; tracking off because this machine has no internet (Mux Data would beacon).
    html: (src) =>
      page(
        'mux-player',
        '<script type="module" src="/mux/mux-player.js"></script>',
        `<mux-player class="player" src="${escapeHtml(src)}" stream-type="live" autoplay="muted" muted disable-tracking></mux-player>`,
      ),
  },
];

/**
 * Pages that explain a difference rather than compete (`run.mjs --diagnose`). Plain hls.js with exactly
 * the config <live-player> gives it (core's `buildHlsConfig('standard')`, from packages/core/dist)
 * separates what the config costs from what the packaging (lazy chunk, Lit, the Viewer) costs; the
 * other two try a fix each, without touching the packages.
 * @type {Contender[]}
 */
export const DIAGNOSTICS = [
  {
    id: 'hls.js-lh-config',
    label: "plain hls.js with `<live-player>`'s hls.js config",
    html: (src) =>
      hlsJsPage(src, "buildHlsConfig('standard')", "import { buildHlsConfig } from '/core/hls-config.js';\n"),
  },
  {
    id: 'hls.js-lh-config-no-test',
    label: 'the same, plus `testBandwidth: false`',
    // startLevel -1 with testBandwidth (hls.js's default) first loads a throw-away fragment of the lowest level.
    html: (src) =>
      hlsJsPage(
        src,
        "{ ...buildHlsConfig('standard'), testBandwidth: false }",
        "import { buildHlsConfig } from '/core/hls-config.js';\n",
      ),
  },
  {
    id: 'hls.js-light',
    label: 'plain hls.js, light build (`hls.light.min.mjs`, as `<live-player>` loads for this stream)',
    // The same ten lines on hls.js's light build: how much of the difference is the build, not the player.
    html: (src) => hlsJsPage(src, '{ lowLatencyMode: false }', '', 'hls.light.min.mjs'),
  },
  {
    id: 'live-player-preload',
    label: '`<live-player>` with `<link rel="modulepreload">` of its HLS chunks',
    // All at once from the HTML: what the start-up costs without the entry → chunk → shared-chunk waterfall.
    html: (src, { hlsChunks }) =>
      page(
        'live-player',
        [
          '<script type="module" src="/player/live-player.js"></script>',
          ...hlsChunks.map((chunk) => `<link rel="modulepreload" href="${chunk}">`),
        ].join('\n'),
        `<live-player class="player" src="${escapeHtml(src)}" autoplay muted></live-player>`,
      ),
  },
];
