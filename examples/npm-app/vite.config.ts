import { demoStream } from '@livehook/testbed/demo-stream/vite';
import { defineConfig } from 'vite';

// The demo stream makes `pnpm dev` and `pnpm preview` play something without an account or a CDN.
export default defineConfig({
  plugins: [demoStream()],
  // hls.js and livekit-client are lazy chunks, fetched only when a source of their kind plays.
  build: { chunkSizeWarningLimit: 700 },
});
