// @ts-check
// A web-test-runner reporter that writes each test file's outcome to a JSON-lines file as soon as the file finishes,
// so a wrapper (scripts/test-webkit.mjs) can tell a file whose tests failed from one whose page froze or never ran,
// even when the runner itself dies half way.
import { appendFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

/**
 * @typedef {{ type: 'files', files: string[] }
 *   | { type: 'file', file: string, passed: boolean, testsRun: number, failedTests: string[], errors: string[], finishedAt: number }} ResultLine
 */

/**
 * @param {string} path where the JSON lines go (truncated at the start of the run)
 * @returns {import('@web/test-runner').Reporter}
 */
export function resultsReporter(path) {
  /** @param {ResultLine} line */
  const write = (line) => appendFileSync(path, `${JSON.stringify(line)}\n`);
  return {
    start({ testFiles }) {
      writeFileSync(path, '');
      write({ type: 'files', files: testFiles.map(fromRoot) });
    },
    reportTestFileResults({ sessionsForTestFile, testFile }) {
      const failedTests = sessionsForTestFile.flatMap((session) => failedTestNames(session.testResults));
      write({
        type: 'file',
        file: fromRoot(testFile),
        passed: sessionsForTestFile.every((session) => session.passed),
        // A page that froze or never loaded reports no tests at all.
        testsRun: sessionsForTestFile.reduce((sum, session) => sum + countTests(session.testResults), 0),
        failedTests,
        errors: sessionsForTestFile.flatMap((session) => session.errors.map((error) => error.message)),
        finishedAt: Date.now(),
      });
    },
  };
}

/** Test files as the configs name them: relative to the repository root. @param {string} file */
const fromRoot = (file) => relative(process.cwd(), file);

/**
 * @param {import('@web/test-runner').TestSuiteResult | undefined} suite
 * @param {string} [prefix]
 * @returns {string[]}
 */
function failedTestNames(suite, prefix = '') {
  if (!suite) return [];
  const path = suite.name ? `${prefix}${suite.name} › ` : prefix;
  return [
    ...suite.tests.filter((test) => !test.passed && !test.skipped).map((test) => `${path}${test.name}`),
    ...suite.suites.flatMap((child) => failedTestNames(child, path)),
  ];
}

/** @param {import('@web/test-runner').TestSuiteResult | undefined} suite @returns {number} */
function countTests(suite) {
  if (!suite) return 0;
  return (
    suite.tests.filter((test) => !test.skipped).length + suite.suites.reduce((sum, child) => sum + countTests(child), 0)
  );
}
