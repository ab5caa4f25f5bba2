import { packageConfig } from '../../scripts/rollup-package.mjs';

export default packageConfig({
  dir: import.meta.dirname,
  input: { index: 'src/index.ts', define: 'src/define.ts' },
  cdn: { 'live-player': 'src/cdn.ts' },
  // What an HLS viewer may never run stays out of the entry and the HLS transport's chunk.
  onDemand: [
    /\/transports\/hls\/native-hls\.js$/, // browsers without MSE (iOS Safari) only
    /\/transports\/hls\/hls-cue-reader\.js$/, // streams that carry cues only
    /\/controls\/control-bar\.ts$/, // players with `controls`, after the first frame
    // Cue validation, for the HLS cue reader and the LiveKit transport: it joins the LiveKit room link's chunk,
    // which the LiveKit transport fetches anyway; an HLS stream with cues fetches that chunk with its cue reader.
    /\/cues\/cue\.js$/,
  ],
});
