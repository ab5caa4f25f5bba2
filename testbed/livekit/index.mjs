// @ts-check
// The LiveKit part of the test bed: livekit-server + token endpoint + a publishing "host" in room `demo`.
// `startLiveKitPart()` is what `executeServerCommand('testbed:livekit')` starts (see ../index.mjs).
import { startPublisher } from './publisher.mjs';
import { startLiveKitServer } from './server.mjs';
import { startTokenServer } from './token-server.mjs';

export { startPublisher } from './publisher.mjs';
export { startLiveKitServer } from './server.mjs';
export { startTokenServer } from './token-server.mjs';

/**
 * Plain JSON for browser tests.
 * @typedef {object} LiveKitPartInfo
 * @property {string} wsUrl         livekit-server signalling, ws://127.0.0.1:<port>
 * @property {string} httpUrl       the same port over HTTP (GET / answers "OK")
 * @property {string} tokenUrl      POST { room, identity?, kind? } → { token, url }
 * @property {string} controlUrl    POST <controlUrl>/<name>, see README
 * @property {string} room          'demo': the host publishes here
 * @property {string} emptyRoom     'empty': a room nobody publishes in
 * @property {string[]} rooms       every room the token endpoint mints tokens for
 * @property {string} hostIdentity  the publisher's identity, 'host'
 * @property {string} apiKey        dev key; for tests only
 * @property {string} apiSecret
 * @property {{ signal: number, rtcTcp: number, rtcUdp: number }} ports
 */

/**
 * @param {object} [options]
 * @param {Partial<Parameters<typeof startPublisher>[0]>} [options.publisher]  size, fps, dynacast…
 * @returns {Promise<{ info: LiveKitPartInfo, stop: () => Promise<void> }>}
 */
export async function startLiveKitPart({ publisher: publisherOptions = {} } = {}) {
  const room = 'demo';
  const emptyRoom = 'empty';
  const rooms = [room, emptyRoom];
  /** @type {(() => Promise<void>)[]} */
  const stops = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((error) => console.warn('livekit part: stop failed', error));
  };

  try {
    const server = await startLiveKitServer();
    stops.push(() => server.stop());
    const { wsUrl, apiKey, apiSecret } = server;

    /** @type {import('./publisher.mjs').Publisher | null} */
    let publisher = null;
    const host = () => {
      if (!publisher) throw new Error('the publisher is not running');
      return publisher;
    };
    const tokens = await startTokenServer({
      wsUrl,
      apiKey,
      apiSecret,
      rooms,
      control: {
        data: ({ payload = '', topic = 'livehook' }) => host().sendData(payload, topic),
        republish: () => host().republish(),
        'publisher-status': () => host().status(),
        'server-stop': ({ kill = false }) => server.stop({ kill }),
        'server-start': () => server.start(),
        'server-restart': ({ kill = false }) => server.restart({ kill }),
      },
    });
    stops.push(() => tokens.stop());

    publisher = await startPublisher({ wsUrl, apiKey, apiSecret, room, ...publisherOptions });
    const started = publisher;
    stops.push(() => started.stop());

    return {
      info: {
        wsUrl,
        httpUrl: server.httpUrl,
        tokenUrl: tokens.tokenUrl,
        controlUrl: tokens.controlUrl,
        room,
        emptyRoom,
        rooms,
        hostIdentity: publisher.identity,
        apiKey,
        apiSecret,
        ports: server.ports,
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
