#!/usr/bin/env node
// @ts-check
// `pnpm demo`: a shop page playing the built-in live stream with <live-player>. No accounts, no ffmpeg.
//   PORT=8080 HOST=127.0.0.1 node examples/demo.mjs [--livekit]
// --livekit (or LIVEKIT_URL + LIVEKIT_API_KEY + LIVEKIT_API_SECRET) lets the page try LiveKit before HLS.
// The server lives in ./demo/server.mjs (tests start it from there); this file is only the command.
import { startDemo } from './demo/server.mjs';

const port = process.env.PORT ? Number(process.env.PORT) : 8080;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(1);
}

let demo;
try {
  demo = await startDemo({ port, host: process.env.HOST || '127.0.0.1', livekit: process.argv.includes('--livekit') });
} catch (error) {
  console.error(`The demo could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

const rule = '─'.repeat(56);
console.log(`\n${rule}\n  LiveHook demo shop is running:\n\n    ${demo.url}\n`);
console.log(`  Live stream (HLS): ${demo.streamUrl}`);
if (demo.livekit) console.log(`  LiveKit first:     ${demo.livekit.url}  room "${demo.livekit.room}"`);
console.log(`\n  Press Ctrl-C to stop.\n${rule}\n`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return process.exit(1); // a second Ctrl-C: don't wait
  stopping = true;
  console.log('\nStopping the demo…');
  await demo.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
