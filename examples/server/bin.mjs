#!/usr/bin/env node
// Runs the reference server from a JSON config file and the environment:
//   node examples/server/bin.mjs [config.json]
// Environment (overrides the file): PORT, HOST, DB_PATH, ORIGINS (comma-separated), ADMIN_TOKEN,
// LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET. See docs/guides/reference-server.md.
import { readFileSync } from 'node:fs';
import { startReferenceServer } from './index.mjs';

const file = process.argv[2] ?? process.env.LIVEHOOK_CONFIG;
/** @type {Record<string, any>} */
let config = {};
if (file) {
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`Can't read the config file ${file}: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
const env = process.env;
if (env.PORT) config.port = Number(env.PORT);
if (env.HOST) config.host = env.HOST;
if (env.DB_PATH) config.dbPath = env.DB_PATH;
if (env.ORIGINS)
  config.origins = env.ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
if (env.ADMIN_TOKEN) config.adminToken = env.ADMIN_TOKEN;
if (env.LIVEKIT_URL && env.LIVEKIT_API_KEY && env.LIVEKIT_API_SECRET) {
  config.livekit = { url: env.LIVEKIT_URL, apiKey: env.LIVEKIT_API_KEY, apiSecret: env.LIVEKIT_API_SECRET };
}

let server;
try {
  server = await startReferenceServer(config);
} catch (error) {
  console.error(`The reference server could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
console.log(`LiveHook reference server on ${server.url}/api/ (database: ${config.dbPath ?? 'livehook.db'})`);
if (!config.origins?.length) console.log('No ORIGINS set: browsers on other origins are refused.');
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
