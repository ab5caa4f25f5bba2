// @ts-check
// Finds a LiveKit server for the demo page to try before HLS: from LIVEKIT_* environment variables,
// or (with --livekit) the test bed's local livekit-server. Any failure means "HLS only", never a crash.
// The reference server (examples/server) mints the viewers' tokens at /api/token with these credentials;
// the host console sends its cues into the room as data packets (topic `livehook.cue`).
import { createRequire } from 'node:module';

/**
 * @typedef {object} LiveKitCredentials
 * @property {string} url the LiveKit server's WebSocket URL (ws:// or wss://)
 * @property {string} apiKey
 * @property {string} apiSecret
 * @property {string} room the room the host publishes in
 */

/**
 * @typedef {object} DemoLiveKit
 * @property {import('./page.mjs').LiveKitAttributes} attributes what <live-player> gets
 * @property {LiveKitCredentials} credentials for the reference server's /api/token and for sending cues
 * @property {string} httpUrl the same server over HTTP(S): its RoomService API
 * @property {string[]} connect origins the page's CSP must let it reach
 * @property {() => Promise<void>} stop
 */

/** The reference server's token endpoint, on the demo's own origin. */
export const TOKEN_PATH = '/api/token';

/** The data topic LiveHook players read cues from (@livehook/core `LIVEKIT_CUE_TOPIC`). */
export const CUE_TOPIC = 'livehook.cue';

/**
 * @param {{ env?: NodeJS.ProcessEnv, testbed?: boolean, log?: (line: string) => void }} options
 * @returns {Promise<DemoLiveKit | null>}
 */
export async function resolveLiveKit({ env = process.env, testbed = false, log = console.log }) {
  if (env.LIVEKIT_URL) {
    const { LIVEKIT_URL: url, LIVEKIT_API_KEY: apiKey, LIVEKIT_API_SECRET: apiSecret } = env;
    if (!apiKey || !apiSecret) {
      log('LiveKit: LIVEKIT_URL is set but LIVEKIT_API_KEY / LIVEKIT_API_SECRET are not; playing HLS only.');
      return null;
    }
    const httpUrl = httpOrigin(url);
    if (!httpUrl) {
      log(`LiveKit: LIVEKIT_URL "${url}" is not a ws://, wss://, http:// or https:// URL; playing HLS only.`);
      return null;
    }
    const room = env.LIVEKIT_ROOM || 'demo';
    return {
      attributes: { url, tokenUrl: TOKEN_PATH, room },
      credentials: { url, apiKey, apiSecret, room },
      httpUrl,
      // livekit-client also calls the server over HTTP(S) (region settings), not only WebSocket.
      connect: [httpUrl],
      stop: async () => {},
    };
  }
  if (!testbed) return null;

  log("Starting the test bed's LiveKit server and publisher…");
  try {
    const mod = await import('../../testbed/livekit/index.mjs');
    if (typeof mod.startLiveKitPart !== 'function')
      throw new Error('testbed/livekit/index.mjs has no startLiveKitPart');
    const part = await mod.startLiveKitPart();
    const info =
      /** @type {{ wsUrl?: string, httpUrl?: string, room?: string, apiKey?: string, apiSecret?: string }} */ (
        part.info
      );
    if (!info.wsUrl || !info.httpUrl || !info.room || !info.apiKey || !info.apiSecret) {
      await part.stop();
      throw new Error('its info lacks wsUrl, httpUrl, room, apiKey or apiSecret');
    }
    return {
      attributes: { url: info.wsUrl, tokenUrl: TOKEN_PATH, room: info.room },
      credentials: { url: info.wsUrl, apiKey: info.apiKey, apiSecret: info.apiSecret, room: info.room },
      httpUrl: info.httpUrl,
      connect: [], // loopback: already in the page's CSP
      stop: part.stop,
    };
  } catch (error) {
    log(`LiveKit: the test bed's LiveKit part did not start (${firstLine(error)}); playing HLS only.`);
    return null;
  }
}

/**
 * Sends cues into the LiveKit room as reliable data packets on the cue topic, through the server's
 * RoomService API (livekit-server-sdk, the reference server's dependency, loaded on first use).
 * @param {DemoLiveKit} livekit
 * @returns {(cue: object) => Promise<void>}
 */
export function createLiveKitCueSender(livekit) {
  /** @type {{ rooms: import('livekit-server-sdk').RoomServiceClient, reliable: number } | undefined} */
  let client;
  return async (cue) => {
    if (!client) {
      const require = createRequire(new URL('../server/package.json', import.meta.url));
      /** @type {typeof import('livekit-server-sdk')} */
      const sdk = require('livekit-server-sdk');
      const { apiKey, apiSecret } = livekit.credentials;
      client = {
        rooms: new sdk.RoomServiceClient(livekit.httpUrl, apiKey, apiSecret),
        reliable: sdk.DataPacket_Kind.RELIABLE,
      };
    }
    const payload = new TextEncoder().encode(JSON.stringify(cue));
    await client.rooms.sendData(livekit.credentials.room, payload, client.reliable, { topic: CUE_TOPIC });
  };
}

/**
 * http(s)://host of a LiveKit URL, or null when it isn't one.
 * @param {string} url
 */
export function httpOrigin(url) {
  try {
    const u = new URL(url);
    if (!['ws:', 'wss:', 'http:', 'https:'].includes(u.protocol)) return null;
    return `${u.protocol === 'wss:' || u.protocol === 'https:' ? 'https:' : 'http:'}//${u.host}`;
  } catch {
    return null;
  }
}

/** @param {unknown} error */
function firstLine(error) {
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}
