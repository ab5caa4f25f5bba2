import { packageConfig } from '../../scripts/rollup-package.mjs';

const configs = packageConfig({
  dir: import.meta.dirname,
  input: { index: 'src/index.ts', define: 'src/define.ts' },
  cdn: { 'live-player': 'src/cdn.ts' },
});

/**
 * Code an HLS viewer may never run stays in chunks of its own, however small: the CDN build's size merge folds
 * small side-effect-free chunks into the chunk that loads them (here: the HLS transport, which every viewer
 * downloads before the first frame). Rollup never merges a chunk whose modules count as having side effects,
 * and unlike `manualChunks` this leaves the modules' dependencies where they were.
 */
const ON_DEMAND = [
  /\/transports\/hls\/native-hls\.js$/, // browsers without MSE (iOS Safari) only
  /\/transports\/hls\/hls-cue-reader\.js$/, // streams that carry cues only
  /\/controls\/control-bar\.ts$/, // players with `controls`, after the first frame
  // Cue validation, for the HLS cue reader and the LiveKit transport: it joins the LiveKit room link's chunk,
  // which the LiveKit transport fetches anyway; an HLS stream with cues fetches that chunk with its cue reader.
  /\/cues\/cue\.js$/,
];
const keepOnDemandChunks = {
  name: 'keep-on-demand-chunks',
  transform(code, id) {
    return ON_DEMAND.some((pattern) => pattern.test(id))
      ? { code, map: null, moduleSideEffects: 'no-treeshake' }
      : null;
  },
};
const cdn = configs.find((config) => /\/cdn$/.test(String(/** @type {any} */ (config.output)?.dir)));
cdn?.plugins?.push(keepOnDemandChunks);
export default configs;
