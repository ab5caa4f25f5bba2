#!/usr/bin/env node
// @ts-check
// Runs the LiveKit part of the test bed until Ctrl-C:  node testbed/livekit/cli.mjs
import { startLiveKitPart } from './index.mjs';

const part = await startLiveKitPart();
console.log(JSON.stringify(part.info, null, 2));
console.log('LiveKit test bed running; Ctrl-C stops it.');

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await part.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
