// Browser tests: real Chromium (Debian's, or CHROME_PATH) against the real local test bed.
// Firefox ESR and WebKitGTK runs: web-test-runner.firefox.config.mjs, web-test-runner.webkit.config.mjs.
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, findChromium } from './scripts/find-chromium.mjs';
import { autoplayFiles, autoplayTests, isFullRun, productTests, sharedConfig } from './scripts/wtr-common.mjs';

const executablePath = findChromium();
const autoplay = autoplayFiles();

/** @param {string[]} extraArgs */
const chromium = (extraArgs = []) =>
  playwrightLauncher({
    product: 'chromium',
    launchOptions: { executablePath, headless: true, args: [...chromiumArgs, ...extraArgs] },
    createBrowserContext: ({ browser }) => browser.newContext({ ignoreHTTPSErrors: true }),
  });

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  ...sharedConfig(),
  files: [
    productTests,
    `!${autoplayTests}`,
    'testbed/test/**/*.browser.test.ts',
    'examples/**/test/**/*.browser.test.ts',
  ],
  browsers: [chromium(['--autoplay-policy=no-user-gesture-required'])],
  // The autoplay group runs with Chromium's real policy (sound needs a gesture).
  groups: autoplay.length && isFullRun() ? [{ name: 'autoplay-policy', files: autoplay, browsers: [chromium()] }] : [],
};
