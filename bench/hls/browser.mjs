// @ts-check
// Headless Chromium for the benchmarks, launched the way the test bed does it.
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/find-chromium.mjs';

/**
 * The default autoplay policy on purpose: every page autoplays muted, as a shop page would.
 * @param {string[]} [extraArgs]
 */
export function launchChromium(extraArgs = []) {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: [...chromiumArgs, ...extraArgs] });
}
