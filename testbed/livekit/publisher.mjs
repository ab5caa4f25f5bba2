// @ts-check
// The test bed's "host": a headless Chromium that publishes a canvas picture (1280×720, 3 simulcast
// layers, pixel clock) and a tone into a LiveKit room through livekit-client.
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/find-chromium.mjs';
import { startStaticServer } from './static-server.mjs';
import { mintPublisherToken } from './tokens.mjs';

/**
 * @typedef {object} PublisherStatus
 * @property {string} state          livekit-client ConnectionState, or 'disconnected'
 * @property {string | null} identity
 * @property {string | null} videoTrackSid
 * @property {number} frames         frames drawn so far
 * @property {number} reconnects     full reconnects after livekit-client gave up
 */

/**
 * @typedef {object} Publisher
 * @property {string} identity
 * @property {string} room
 * @property {(payload: string | object, topic: string) => Promise<void>} sendData
 *   a reliable data packet on `topic`; objects are sent as JSON text
 * @property {() => Promise<PublisherStatus>} republish  unpublish the video track, publish a new one
 * @property {() => Promise<PublisherStatus>} status
 * @property {() => string} logs     the page's recent console output
 * @property {() => Promise<void>} stop
 */

/**
 * @param {object} options
 * @param {string} options.wsUrl
 * @param {string} options.apiKey
 * @param {string} options.apiSecret
 * @param {string} options.room
 * @param {string} [options.identity]  default 'host'
 * @param {number} [options.width]     default 1280
 * @param {number} [options.height]    default 720
 * @param {number} [options.fps]       default 30
 * @param {boolean} [options.dynacast] default true: layers nobody watches are paused at the encoder
 * @returns {Promise<Publisher>}
 */
export async function startPublisher({
  wsUrl,
  apiKey,
  apiSecret,
  room,
  identity = 'host',
  width = 1280,
  height = 720,
  fps = 30,
  dynacast = true,
}) {
  /** @type {string[]} */
  const lines = [];
  /** @param {string} line */
  const log = (line) => {
    lines.push(line);
    if (lines.length > 200) lines.shift();
    if (process.env.LIVEKIT_TESTBED_VERBOSE) process.stderr.write(`[publisher] ${line}\n`);
  };

  const site = await startStaticServer();
  /** @type {import('playwright-core').Browser | null} */
  let browser = null;
  try {
    browser = await chromium.launch({
      executablePath: findChromium(),
      headless: true,
      args: [...chromiumArgs, '--autoplay-policy=no-user-gesture-required'],
    });
    const page = await browser.newPage();
    page.on('console', (message) => log(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => log(`pageerror: ${error.message}`));
    await page.goto(`${site.url}/`);
    await page.waitForFunction(() => 'livehookPublisher' in window, undefined, { timeout: 30_000 });
    const token = await mintPublisherToken({ apiKey, apiSecret, room, identity });

    /** @type {<T>(name: string, ...args: unknown[]) => Promise<T>} */
    const call = (name, ...args) =>
      page.evaluate(
        ([n, a]) => /** @type {any} */ (window).livehookPublisher[n](...a),
        /** @type {const} */ ([name, args]),
      );

    await call('start', { wsUrl, token, width, height, fps, dynacast });
    const openBrowser = browser;
    return {
      identity,
      room,
      sendData: (payload, topic) =>
        call('sendData', typeof payload === 'string' ? payload : JSON.stringify(payload), topic),
      republish: () => call('republish'),
      status: () => call('status'),
      logs: () => lines.join('\n'),
      stop: async () => {
        await call('stop').catch(() => {});
        await openBrowser.close();
        await site.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await site.stop();
    throw new Error(
      `publisher failed to start: ${/** @type {Error} */ (error).message}\n--- page log ---\n${lines.join('\n')}`,
    );
  }
}
