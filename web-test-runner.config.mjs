// Browser tests: real Chromium (Debian's, or CHROME_PATH) against the real local test bed.
import { readdirSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, findChromium } from './scripts/find-chromium.mjs';
import { testbedParts } from './testbed/index.mjs';
import { testbedPlugin } from './testbed/wtr-plugin.mjs';

const executablePath = findChromium();
const autoplayFiles = findFiles('packages', /\.autoplay\.browser\.test\.ts$/);

/** @param {string} dir @param {RegExp} pattern @returns {string[]} */
function findFiles(dir, pattern) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => pattern.test(f) && !f.includes('node_modules'))
    .map((f) => `${dir}/${f}`);
}

/** @param {string[]} extraArgs */
const chromium = (extraArgs = []) =>
  playwrightLauncher({
    product: 'chromium',
    launchOptions: { executablePath, headless: true, args: [...chromiumArgs, ...extraArgs] },
    createBrowserContext: ({ browser }) => browser.newContext({ ignoreHTTPSErrors: true }),
  });

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  nodeResolve: { exportConditions: ['browser', 'development'] },
  rootDir: '.',
  files: [
    'packages/*/src/**/*.browser.test.ts',
    '!packages/*/src/**/*.autoplay.browser.test.ts',
    'testbed/test/**/*.browser.test.ts',
    'examples/**/test/**/*.browser.test.ts',
  ],
  browsers: [chromium(['--autoplay-policy=no-user-gesture-required'])],
  // Files named *.autoplay.browser.test.ts run with the browser's real autoplay policy (sound needs a gesture).
  // `--files` on the command line picks its own files, so the group only joins full runs.
  groups:
    autoplayFiles.length && !process.argv.includes('--files')
      ? [{ name: 'autoplay-policy', files: autoplayFiles, browsers: [chromium()] }]
      : [],
  // Media tests share two CPU cores with ffmpeg and Chromium: keep the run calm.
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
