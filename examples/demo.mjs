#!/usr/bin/env node
// @ts-check
// `npm run demo`: the whole live-commerce funnel on one machine. A shop page plays the built-in live
// stream with the lead-capture widgets; the reference server behind it reveals rewards, hands out the
// fan-group link and the flash coupon, and collects the lead events into the follow-up report; a host
// console opens the coupon during the stream. No accounts, no ffmpeg.
//   PORT=8080 HOST=127.0.0.1 DEMO_DB=demo.db node examples/demo.mjs [--livekit]
// --livekit (or LIVEKIT_URL + LIVEKIT_API_KEY + LIVEKIT_API_SECRET) lets the page try LiveKit before HLS.
// DEMO_DB keeps the reference server's data in that SQLite file; by default each run starts empty.
// The server lives in ./demo/server.mjs (tests start it from there); this file is only the command.
import { startDemo } from './demo/server.mjs';

const port = process.env.PORT ? Number(process.env.PORT) : 8080;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(1);
}

let demo;
try {
  demo = await startDemo({
    port,
    host: process.env.HOST || '127.0.0.1',
    livekit: process.argv.includes('--livekit'),
    ...(process.env.DEMO_DB && { dbPath: process.env.DEMO_DB }),
  });
} catch (error) {
  console.error(`The demo could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

/** Terminal columns a string takes: CJK characters are two wide. */
const width = (/** @type {string} */ text) =>
  [...text].reduce((n, c) => n + (/[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(c) ? 2 : 1), 0);
const row = (/** @type {string} */ label, /** @type {string} */ value) =>
  `    ${label}${' '.repeat(Math.max(1, 34 - width(label)))}${value}`;

const rule = '─'.repeat(72);
console.log(`\n${rule}\n  LiveHook demo is running · 演示已启动\n`);
console.log(row('Shop page · 店铺页面', demo.url));
console.log(row('Host console · 主播控制台', demo.hostUrl));
console.log(row('Follow-up report · 跟进报表', demo.reportUrl));
if (demo.lanUrl) console.log(row('On your network · 局域网', demo.lanUrl));
console.log(`
  Try the funnel · 体验完整流程:
    1. Open the shop page and watch; accept the consent banner so your taps are counted.
    2. Follow Lin to unlock the ¥20 code; scan or open the fan-group QR code.
    3. In the host console press "Open the coupon"; claim it on the shop page a few seconds later.
    4. Open the follow-up report: you are in it, with what you did.
`);
console.log(row('Live stream (HLS)', demo.streamUrl));
if (demo.livekit) console.log(row('LiveKit first', `${demo.livekit.url}  room "${demo.livekit.room}"`));
console.log(row('Data (SQLite)', demo.freshDb ? `${demo.dbPath} (this run only)` : demo.dbPath));
console.log(`\n  Press Ctrl-C to stop · 按 Ctrl-C 停止\n${rule}\n`);

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
