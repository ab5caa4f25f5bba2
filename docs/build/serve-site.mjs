#!/usr/bin/env node
// @ts-check
// `pnpm docs:serve`: serves docs/.site (build it first with `pnpm docs:build`) with the built-in demo stream
// and the example shop's backend, so the live examples play with no accounts. Ctrl-C stops everything.
//   PORT=4173 HOST=127.0.0.1 node docs/build/serve-site.mjs
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startDocsServer } from './docs-server.mjs';
import { defaultSiteDir } from './paths.mjs';

const port = process.env.PORT ? Number(process.env.PORT) : 4173;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(1);
}
if (!existsSync(join(defaultSiteDir, 'index.html'))) {
  console.error('docs/.site/ is empty: run `pnpm docs:build` first.');
  process.exit(1);
}

let docs;
try {
  docs = await startDocsServer({ port, host: process.env.HOST || '127.0.0.1' });
} catch (error) {
  console.error(`The docs server could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
console.log(`\n  LiveHook docs · 文档: ${docs.url}`);
console.log(`  Live examples · 在线示例: ${docs.url}examples/player.html`);
console.log(`  Demo stream (HLS): ${docs.streamUrl}\n  Press Ctrl-C to stop · 按 Ctrl-C 停止\n`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return process.exit(1);
  stopping = true;
  await docs.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
