// What every browser engine's web-test-runner config shares: module resolution, the TypeScript plugin, the test
// bed, calm concurrency and media-sized timeouts, and the lists of test files each engine can run.
import { readdirSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { testbedParts } from '../testbed/index.mjs';
import { testbedPlugin } from '../testbed/wtr-plugin.mjs';

/** @param {string} dir @param {RegExp} pattern @returns {string[]} */
export function findFiles(dir, pattern) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => pattern.test(f) && !f.includes('node_modules'))
    .map((f) => `${dir}/${f}`);
}

/** Files named *.autoplay.browser.test.ts run with the browser's real autoplay policy (sound needs a gesture). */
export const autoplayFiles = () => findFiles('packages', /\.autoplay\.browser\.test\.ts$/);

/** `--files` on the command line picks its own files, so extra groups only join full runs. */
export const isFullRun = () => !process.argv.includes('--files');

/** The product's browser tests: elements, widgets, core (HLS and LiveKit). */
export const productTests = 'packages/*/src/**/*.browser.test.ts';
/** Tests that need the browser's real autoplay policy; each engine runs them in their own group, if at all. */
export const autoplayTests = 'packages/*/src/**/*.autoplay.browser.test.ts';
/** Tests that need Chromium-only tooling; each such file says why at its top. */
export const chromiumOnlyTests = 'packages/*/src/**/*.chromium.browser.test.ts';
/** Tests that cut the network with the browser's offline emulation (Playwright or Puppeteer launchers only). */
export const offlineTests = 'packages/*/src/**/*.offline.browser.test.ts';
/** LiveKit (WebRTC) tests: only engines with WebRTC run them. */
export const webrtcTests = [
  'packages/*/src/**/livekit/**/*.browser.test.ts',
  'packages/*/src/**/*.livekit.browser.test.ts',
];

/**
 * The settings every engine's config shares; each engine adds `files`, `browsers` and maybe `groups`.
 * @returns {import('@web/test-runner').TestRunnerConfig}
 */
export function sharedConfig() {
  return {
    nodeResolve: { exportConditions: ['browser', 'development'] },
    rootDir: '.',
    // Media tests share two CPU cores with ffmpeg and the browser: keep the run calm.
    concurrency: 1,
    concurrentBrowsers: 1,
    testsStartTimeout: 120_000,
    testsFinishTimeout: 600_000,
    browserStartTimeout: 60_000,
    testFramework: { config: { timeout: 60_000 } },
    plugins: [
      esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.base.json' }),
      testbedPlugin(testbedParts),
    ],
  };
}
