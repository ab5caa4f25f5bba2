// API reports: compares each package's built declarations (dist/index.d.ts) with its committed
// etc/<name>.api.md. `node scripts/check-api.mjs` fails when they differ (CI: the public API changed
// without anyone reviewing it); `--update` rewrites the reports after a deliberate change.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const PACKAGES = ['core', 'player', 'widgets'];
const root = resolve(import.meta.dirname, '..');
const update = process.argv.includes('--update');

const failed = [];
for (const name of PACKAGES) {
  const dir = resolve(root, 'packages', name);
  if (!existsSync(resolve(dir, 'dist/index.d.ts'))) {
    failed.push(`${name}: packages/${name}/dist/index.d.ts is missing; run \`pnpm build\` first`);
    continue;
  }
  mkdirSync(resolve(dir, 'etc'), { recursive: true });
  const config = ExtractorConfig.loadFileAndPrepare(resolve(dir, 'api-extractor.json'));
  let result;
  try {
    // localBuild: write the new report into etc/ instead of failing on a difference.
    result = Extractor.invoke(config, { localBuild: update });
  } catch (error) {
    failed.push(`${name}: ${error instanceof Error ? error.message : error} (is dist complete? rerun \`pnpm build\`)`);
    continue;
  }
  if (result.apiReportChanged && !update) {
    showDiff(config.reportFilePath, config.reportTempFilePath);
    failed.push(`${name}: the public API changed; review the diff above, then run \`pnpm api:update\``);
  } else if (!result.succeeded) {
    failed.push(`${name}: ${result.errorCount} error(s), ${result.warningCount} warning(s) (see above)`);
  }
}

if (failed.length > 0) {
  console.error(`\nAPI check failed:\n${failed.map((line) => `  - ${line}`).join('\n')}`);
  process.exit(1);
}
console.log(update ? '\nAPI reports updated: review and commit packages/*/etc/*.api.md' : '\nAPI reports up to date');

/** A unified diff in the log, so a CI failure shows what changed without a local run. */
function showDiff(committed, fresh) {
  if (!existsSync(committed)) return;
  spawnSync('diff', ['-u', committed, fresh], { stdio: 'inherit' });
}
