import { defineConfig } from 'vite';
import { demoStream } from './demo-stream-plugin.js';

// The demo stream makes `pnpm dev` and `pnpm preview` play something without an account or a CDN.
export default defineConfig({
  plugins: [demoStream()],
  // hls.js and livekit-client are lazy chunks, fetched only when a source of their kind plays.
  build: { chunkSizeWarningLimit: 700 },
});
