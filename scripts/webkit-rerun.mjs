// @ts-check
// What scripts/test-webkit.mjs decides after each web-test-runner run, from the per-file results that
// scripts/wtr-results-reporter.mjs wrote: done, failed, or rerun the files a browser that stopped answering kept
// from finishing.
import { existsSync, readFileSync } from 'node:fs';

/** @typedef {{ file: string, passed: boolean, testsRun: number, failedTests: string[], errors: string[], finishedAt: number }} FileResult */
/** @typedef {{ verdict: 'passed' } | { verdict: 'failed', lines: string[] } | { verdict: 'rerun', files: string[], lines: string[] }} Judgement */

/** web-test-runner's and webdriverio's words for a page or browser that no longer answers. */
const UNANSWERED = [
  /Browser tests did not (start|finish) within/,
  /WebDriverError: Request (timed out|failed with error code ECONNRESET)/,
];

/**
 * @param {{ code: number, files: string[], results: FileResult[] }} run the runner's exit code, the files it was
 *   given, and the results of those that finished
 * @returns {Judgement}
 */
export function judgeRun({ code, files, results }) {
  const failed = results.filter((result) => !result.passed && !browserStoppedAnswering(result));
  if (failed.length) {
    return {
      verdict: 'failed',
      lines: failed.map((result) => `${result.file}: ${result.failedTests.join('; ') || result.errors.join('; ')}`),
    };
  }
  if (code === 0) return { verdict: 'passed' };
  if (!files.length) {
    return { verdict: 'failed', lines: ['web-test-runner stopped before it found its test files (see its output)'] };
  }
  // Every file left is one whose browser stopped answering, or one that never ran because of it.
  const passed = new Set(results.filter((result) => result.passed).map((result) => result.file));
  const unanswered = results.filter((result) => !result.passed);
  const pending = files.filter((file) => !passed.has(file));
  if (!pending.length) {
    return { verdict: 'failed', lines: [`web-test-runner exited with ${code} although every file passed`] };
  }
  const lines = unanswered.map((result) => `${result.file}: ${result.errors[0]}`);
  const unrun = pending.length - unanswered.length;
  if (unrun) lines.push(`${unrun} file(s) did not run: the runner stopped`);
  return { verdict: 'rerun', files: pending, lines };
}

/**
 * True when the file failed only because the browser stopped answering (its page froze, or WebDriver timed out
 * loading or leaving it), not because any of its tests failed.
 * @param {FileResult} result
 */
function browserStoppedAnswering(result) {
  return (
    result.failedTests.length === 0 &&
    result.errors.length > 0 &&
    result.errors.every((error) => UNANSWERED.some((pattern) => pattern.test(error)))
  );
}

/** @param {string} path @returns {{ files: string[], results: FileResult[] }} in the order they finished */
export function readResults(path) {
  if (!existsSync(path)) return { files: [], results: [] };
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  const files = lines.find((line) => line.type === 'files')?.files ?? [];
  /** @type {Map<string, FileResult>} */
  const results = new Map();
  for (const line of lines) if (line.type === 'file') results.set(line.file, line);
  return { files, results: [...results.values()] };
}

/**
 * The file that took longest, to keep the config's testsFinishTimeout (what a frozen page costs) well above it.
 * @param {FileResult[]} results in the order they finished
 * @param {number} startedAt when the run started
 * @returns {{ file: string, ms: number } | null}
 */
export function slowestFile(results, startedAt) {
  let slowest = null;
  let previous = startedAt;
  for (const result of results) {
    const ms = result.finishedAt - previous;
    if (!slowest || ms > slowest.ms) slowest = { file: result.file, ms };
    previous = result.finishedAt;
  }
  return slowest;
}

/** @param {string[]} args web-test-runner arguments @returns {string[]} the same without `--files` and its values */
export function withoutFiles(args) {
  const kept = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== '--files') kept.push(args[i]);
    else while (args[i + 1] && !args[i + 1].startsWith('-')) i++;
  }
  return kept;
}
