// What `pnpm test:webkit` does after a run: a failed test fails the run at once; a browser that stopped answering
// (its page froze, WebDriver timed out) gets the files it kept from finishing rerun. The messages are the ones
// web-test-runner and webdriverio print (copied from real WebKitGTK runs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { judgeRun, readResults, slowestFile, withoutFiles } from './webkit-rerun.mjs';
import { resultsReporter } from './wtr-results-reporter.mjs';

const FROZE =
  'Browser tests did not finish within 240000ms. You can increase this timeout with the testsFinishTimeout option. Check the browser logs or open the browser in debug mode for more information.';
const URL_TIMEOUT =
  'WebDriverError: Request timed out! Consider increasing the "connectionRetryTimeout" option. when running "url" with method "POST"';

const files = ['a.browser.test.ts', 'b.browser.test.ts', 'c.browser.test.ts', 'd.browser.test.ts'];
const ok = (file, finishedAt = 0) => ({ file, passed: true, testsRun: 3, failedTests: [], errors: [], finishedAt });

describe('judgeRun', () => {
  it('a clean run passes', () => {
    expect(judgeRun({ code: 0, files, results: files.map((file) => ok(file)) })).toEqual({ verdict: 'passed' });
  });

  it('a failed test fails the run, with no rerun, even if another file froze', () => {
    const judgement = judgeRun({
      code: 1,
      files,
      results: [
        ok('a.browser.test.ts'),
        { ...ok('b.browser.test.ts'), passed: false, failedTests: ['player › plays'], errors: [] },
        { ...ok('c.browser.test.ts'), passed: false, testsRun: 0, errors: [FROZE] },
      ],
    });
    expect(judgement).toEqual({ verdict: 'failed', lines: ['b.browser.test.ts: player › plays'] });
  });

  it('a frozen page: reruns that file and the ones the stopped runner never reached', () => {
    const judgement = judgeRun({
      code: 1,
      files,
      results: [ok('a.browser.test.ts'), { ...ok('b.browser.test.ts'), passed: false, testsRun: 0, errors: [FROZE] }],
    });
    expect(judgement).toEqual({
      verdict: 'rerun',
      files: ['b.browser.test.ts', 'c.browser.test.ts', 'd.browser.test.ts'],
      lines: [`b.browser.test.ts: ${FROZE}`, '2 file(s) did not run: the runner stopped'],
    });
  });

  it('tests that passed but whose page WebDriver could not leave are rerun, not failed', () => {
    const results = files.map((file) => ok(file));
    results[2] = { ...results[2], passed: false, errors: [URL_TIMEOUT] };
    expect(judgeRun({ code: 1, files, results })).toMatchObject({ verdict: 'rerun', files: ['c.browser.test.ts'] });
  });

  it('any other error fails the run: a page error is not a frozen browser', () => {
    const results = files.map((file) => ok(file));
    results[1] = { ...results[1], passed: false, errors: ['TypeError: undefined is not an object', URL_TIMEOUT] };
    expect(judgeRun({ code: 1, files, results })).toMatchObject({ verdict: 'failed' });
  });

  it('a runner that failed before its first file, or failed with every file passed, fails the run', () => {
    expect(judgeRun({ code: 1, files: [], results: [] })).toMatchObject({ verdict: 'failed' });
    expect(judgeRun({ code: 1, files, results: files.map((file) => ok(file)) })).toMatchObject({
      verdict: 'failed',
      lines: ['web-test-runner exited with 1 although every file passed'],
    });
  });
});

describe('results file', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips what the reporter wrote, with paths relative to the repository root', () => {
    dir = mkdtempSync(join(tmpdir(), 'livehook-results-'));
    const path = join(dir, 'results.jsonl');
    const reporter = resultsReporter(path);
    const testFile = join(process.cwd(), 'packages/player/src/x.browser.test.ts');
    reporter.start({ testFiles: [testFile] });
    const testResults = {
      name: '',
      suites: [{ name: '<live-player>', suites: [], tests: [{ name: 'plays', passed: false, skipped: false }] }],
      tests: [{ name: 'loads', passed: true, skipped: false }],
    };
    reporter.reportTestFileResults({
      sessionsForTestFile: [{ passed: false, testResults, errors: [{ message: 'boom' }] }],
      testFile,
    });
    const { files: read, results } = readResults(path);
    expect(read).toEqual(['packages/player/src/x.browser.test.ts']);
    expect(results).toMatchObject([
      {
        file: 'packages/player/src/x.browser.test.ts',
        passed: false,
        testsRun: 2,
        failedTests: ['<live-player> › plays'],
        errors: ['boom'],
      },
    ]);
  });

  it('a run that died before writing anything reads as no files', () => {
    expect(readResults('/nonexistent/results.jsonl')).toEqual({ files: [], results: [] });
  });
});

it('slowestFile measures each file from the end of the one before', () => {
  const results = [ok('a', 1_000), ok('b', 71_000), ok('c', 80_000)];
  expect(slowestFile(results, 0)).toEqual({ file: 'b', ms: 70_000 });
  expect(slowestFile([], 0)).toBe(null);
});

it('withoutFiles drops --files and its values, keeps the rest', () => {
  expect(withoutFiles(['--files', 'a.ts', 'b.ts', '--watch'])).toEqual(['--watch']);
  expect(withoutFiles(['--debug'])).toEqual(['--debug']);
});
