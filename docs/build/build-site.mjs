#!/usr/bin/env node
// @ts-check
// `pnpm docs:build`: builds the docs site into docs/.site/ and checks every internal link.
//   node docs/build/build-site.mjs [--out <dir>] [--no-api]
// Needs `pnpm build` first (the element manifests and the CDN files the live examples load).
// Screenshots are taken by `pnpm docs:test`; without them the element pages say how to get them.
import { resolve } from 'node:path';
import { checkLinks } from './link-check.mjs';
import { buildSite } from './site.mjs';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const outDir = outAt >= 0 && args[outAt + 1] ? resolve(args[outAt + 1]) : undefined;

try {
  const started = Date.now();
  const site = await buildSite({ ...(outDir && { outDir }), api: !args.includes('--no-api') });
  for (const warning of site.warnings) console.warn(`warning: ${warning}`);
  const { pages, links, broken } = checkLinks(site.outDir);
  for (const b of broken) console.error(`broken link in ${b.page}: "${b.link}" (${b.problem})`);
  console.log(
    `docs: ${site.pages.length} pages, ${site.elements.length} element references, ${site.screenshots} screenshots; ` +
      `${links} links in ${pages} HTML files checked, ${broken.length} broken; ${((Date.now() - started) / 1000).toFixed(1)} s → ${site.outDir}`,
  );
  if (broken.length) process.exit(1);
} catch (error) {
  console.error(`docs build failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
