// Browser tests in Firefox ESR (Debian's firefox-esr, or FIREFOX_PATH), driven by puppeteer-core over WebDriver
// BiDi, against the same local test bed as the Chromium run. `pnpm test:firefox`.
import { existsSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner-chrome';
import puppeteer from 'puppeteer-core';
import {
  autoplayFiles,
  autoplayTests,
  chromiumOnlyTests,
  isFullRun,
  productTests,
  sharedConfig,
} from './scripts/wtr-common.mjs';

const executablePath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
if (!existsSync(executablePath)) {
  throw new Error(
    `No Firefox at ${executablePath}. Install it (Debian/Ubuntu: apt-get install firefox-esr) or set FIREFOX_PATH.`,
  );
}

/** Prefs for every run: a quiet, offline-safe profile, and WebRTC that works on loopback without prompts. */
const basePrefs = {
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  // The test bed's livekit-server and publisher live on 127.0.0.1: gather loopback ICE candidates, unobfuscated.
  'media.peerconnection.ice.loopback': true,
  'media.peerconnection.ice.obfuscate_host_addresses': false,
  'media.navigator.permission.disabled': true,
  'media.navigator.streams.fake': true,
};

/**
 * @web/test-runner-chrome's launcher with puppeteer-core 24 (WebDriver BiDi for Firefox) instead of its own
 * puppeteer-core 25: that is all @web/test-runner-puppeteer does, without installing the full `puppeteer`
 * (which downloads a browser) and without puppeteer-core 25, which clashes with webdriverio 9's peer range.
 * @param {Record<string, unknown>} prefs
 */
const firefox = (prefs) =>
  chromeLauncher({
    puppeteer,
    launchOptions: {
      browser: 'firefox',
      executablePath,
      headless: true,
      acceptInsecureCerts: true,
      extraPrefsFirefox: { ...basePrefs, ...prefs },
    },
  });

// Files with a known Firefox ESR 153 problem, each with its reason, left out until fixed so the run stays meaningful
// (details: docs/guides/browser-support.md, "Known gaps"). None at the moment.
/** @type {string[]} */
const firefoxKnownIssues = [];

const autoplay = autoplayFiles().filter((file) => !firefoxKnownIssues.includes(file));

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  ...sharedConfig(),
  files: [productTests, `!${autoplayTests}`, `!${chromiumOnlyTests}`, ...firefoxKnownIssues.map((file) => `!${file}`)],
  // 0 = media may autoplay with sound, like Chromium's --autoplay-policy=no-user-gesture-required.
  browsers: [firefox({ 'media.autoplay.default': 0 })],
  // The autoplay group runs with Firefox's default policy: 1 = audible media waits for a gesture.
  groups:
    autoplay.length && isFullRun()
      ? [{ name: 'autoplay-policy', files: autoplay, browsers: [firefox({ 'media.autoplay.default': 1 })] }]
      : [],
};
