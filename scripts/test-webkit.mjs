// @ts-check
// `pnpm test:webkit`: the browser tests in WebKitGTK (web-test-runner.webkit.config.mjs), under xvfb-run.
//
// WebKitGTK 2.50's MSE pipeline can deadlock the web process at a start-up seek (docs/guides/browser-support.md,
// "Known gaps"): the page freezes, reports nothing, and takes the browser session down with it, so the runner stops
// and every file after it goes unrun. That is an engine bug, not a test result, so this script reruns, in a fresh
// browser, the files whose browser stopped answering (no results, or WebDriver timing out on them) and those that
// never ran, at most twice. A file with a failed test is never rerun: the run fails, and so does a third freeze.
// Extra arguments (e.g. `--files …`) go to web-test-runner.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { judgeRun, readResults, slowestFile, withoutFiles } from './webkit-rerun.mjs';

// On 2026-11-27 the first run froze in 3 of 6 full runs (CI's included), a rerun (in a fresh browser) in none; a
// second rerun covers one more freeze, and a file that freezes every time still fails.
const RERUNS = 2;

const dir = mkdtempSync(join(tmpdir(), 'livehook-webkit-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

/** @type {string[] | null} */
let only = null;
for (let attempt = 0; attempt <= RERUNS; attempt++) {
  const resultsPath = join(dir, `results-${attempt}.jsonl`);
  const startedAt = Date.now();
  const code = await runWebTestRunner(resultsPath, only);
  const { files, results } = readResults(resultsPath);
  const slowest = slowestFile(results, startedAt);
  if (slowest) console.log(`[test:webkit] slowest file: ${slowest.file} (${Math.round(slowest.ms / 1000)} s)`);

  const judgement = judgeRun({ code, files, results });
  if (judgement.verdict === 'passed') process.exit(0);
  if (judgement.verdict === 'failed') {
    report('failed', judgement.lines);
    process.exit(1);
  }
  if (attempt === RERUNS) {
    report(`failed: the browser stopped answering in ${RERUNS} reruns too`, judgement.lines);
    process.exit(1);
  }
  only = judgement.files;
  report(
    `the browser stopped answering (WebKitGTK's MSE deadlock? see docs/guides/browser-support.md); ` +
      `rerunning ${only.length} file(s) in a fresh browser`,
    judgement.lines,
  );
}

/**
 * Runs web-test-runner in a process group of its own, so WebKitWebDriver, MiniBrowser and its web processes all go
 * when the run ends, even when the runner died on an uncaught WebDriver error.
 * @param {string} resultsPath
 * @param {string[] | null} only
 * @returns {Promise<number>}
 */
function runWebTestRunner(resultsPath, only) {
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, LIVEHOOK_WEBKIT_RESULTS: resultsPath };
  if (only) env.LIVEHOOK_WEBKIT_FILES = JSON.stringify(only);
  else delete env.LIVEHOOK_WEBKIT_FILES;
  // A rerun names its files through the environment, in place of any `--files` given to the first run.
  const args = only ? withoutFiles(process.argv.slice(2)) : process.argv.slice(2);
  const child = spawn('web-test-runner', ['--config', 'web-test-runner.webkit.config.mjs', ...args], {
    stdio: 'inherit',
    env,
    detached: true,
  });
  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const forward = (/** @type {NodeJS.Signals} */ signal) => {
    killGroup();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', forward);
  process.once('SIGTERM', forward);
  return new Promise((resolve) => {
    child.once('error', (error) => {
      console.error(`[test:webkit] could not start web-test-runner: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      killGroup();
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** @param {string} headline @param {string[]} lines */
function report(headline, lines) {
  console.error(`\n[test:webkit] ${headline}:\n${lines.map((line) => `  - ${line}`).join('\n')}\n`);
}
