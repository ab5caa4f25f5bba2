// @ts-check
// Runs a real livekit-server (dev mode, keys devkey/secret) on free loopback ports.
// `restart()` brings it back on the SAME ports, for "the server died mid-stream" tests.
import { spawnGuarded, stopChild } from './child-guard.mjs';
import { freeTcpPort, freeUdpPort } from './ports.mjs';
import { findLiveKitServer } from './server-binary.mjs';

export const DEV_API_KEY = 'devkey';
export const DEV_API_SECRET = 'secret';

/**
 * @typedef {object} LiveKitServerPorts
 * @property {number} signal  HTTP + WebSocket signalling (`--port`)
 * @property {number} rtcTcp  ICE over TCP (`rtc.tcp_port`)
 * @property {number} rtcUdp  ICE over UDP, one muxed port (`rtc.udp_port`)
 */

/**
 * @typedef {object} StopOptions
 * @property {boolean} [kill]  SIGKILL at once, like a crash (clients get no leave message).
 *   Default: SIGTERM, then a second SIGTERM after 1 s (livekit-server waits for participants to
 *   leave on the first one), then SIGKILL after 5 s.
 */

/**
 * @typedef {object} LiveKitServer
 * @property {string} wsUrl      ws://127.0.0.1:<signal>
 * @property {string} httpUrl    http://127.0.0.1:<signal>
 * @property {string} apiKey
 * @property {string} apiSecret
 * @property {LiveKitServerPorts} ports
 * @property {() => boolean} isRunning
 * @property {(options?: StopOptions) => Promise<void>} stop
 * @property {() => Promise<void>} start    start again after stop(), on the same ports
 * @property {(options?: StopOptions) => Promise<void>} restart  stop() + start()
 * @property {() => string} logs          the last lines the server printed
 */

const LOG_LINES = 300;

/** @param {LiveKitServerPorts} ports */
export function serverConfigYaml(ports) {
  return [
    `port: ${ports.signal}`,
    'rtc:',
    `  tcp_port: ${ports.rtcTcp}`,
    `  udp_port: ${ports.rtcUdp}`,
    '  use_external_ip: false',
    '  enable_loopback_candidate: true',
    '  ips:',
    '    includes: [127.0.0.1/32]',
    'logging:',
    `  level: ${process.env.LIVEKIT_TESTBED_LOG_LEVEL || 'info'}`,
    '',
  ].join('\n');
}

/** The environment without LIVEKIT_* and friends, which livekit-server would read as config. */
function cleanEnv() {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(LIVEKIT_|NODE_IP$|UDP_PORT$|REDIS_)/.test(key)),
  );
}

/**
 * @param {string} url
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} timeoutMs
 */
async function waitUntilAnswering(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`livekit-server exited (${child.exitCode ?? child.signalCode}) before answering on ${url}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`livekit-server did not answer on ${url} within ${timeoutMs} ms`);
}

/**
 * @param {object} [options]
 * @param {string} [options.binary]  default: findLiveKitServer()
 * @param {number} [options.readyTimeoutMs]
 * @returns {Promise<LiveKitServer>}
 */
export async function startLiveKitServer({ binary = findLiveKitServer(), readyTimeoutMs = 60_000 } = {}) {
  /** @type {string[]} */
  const lines = [];
  const verbose = Boolean(process.env.LIVEKIT_TESTBED_VERBOSE);
  /** @param {Buffer} chunk */
  const collect = (chunk) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line) continue;
      lines.push(line);
      if (lines.length > LOG_LINES) lines.shift();
      if (verbose) process.stderr.write(`[livekit-server] ${line}\n`);
    }
  };

  /** @type {LiveKitServerPorts} */
  let ports = { signal: 0, rtcTcp: 0, rtcUdp: 0 };
  /** @type {import('node:child_process').ChildProcess | null} */
  let child = null;

  const launch = async () => {
    const args = ['--dev', '--bind', '127.0.0.1', '--node-ip', '127.0.0.1', '--port', String(ports.signal)];
    args.push('--config-body', serverConfigYaml(ports));
    const proc = spawnGuarded(binary, args, { env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout?.on('data', collect);
    proc.stderr?.on('data', collect);
    child = proc;
    try {
      await waitUntilAnswering(`http://127.0.0.1:${ports.signal}/`, proc, readyTimeoutMs);
    } catch (error) {
      await stopChild(proc, { signal: 'SIGKILL' });
      child = null;
      throw new Error(`${/** @type {Error} */ (error).message}\n--- livekit-server log ---\n${lines.join('\n')}`);
    }
  };

  // Free ports can be taken between picking and binding: try a few sets on the first start.
  for (let attempt = 1; ; attempt++) {
    ports = { signal: await freeTcpPort(), rtcTcp: await freeTcpPort(), rtcUdp: await freeUdpPort() };
    try {
      await launch();
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }

  const isRunning = () => Boolean(child && child.exitCode === null && child.signalCode === null);

  /** @param {StopOptions} [options] */
  const stop = async ({ kill = false } = {}) => {
    const proc = child;
    child = null;
    if (!proc) return;
    if (kill) return stopChild(proc, { signal: 'SIGKILL' });
    const second = setTimeout(() => proc.kill('SIGTERM'), 1000);
    await stopChild(proc, { signal: 'SIGTERM', graceMs: 5000 });
    clearTimeout(second);
  };

  const start = async () => {
    if (isRunning()) return;
    await launch();
  };

  return {
    wsUrl: `ws://127.0.0.1:${ports.signal}`,
    httpUrl: `http://127.0.0.1:${ports.signal}`,
    apiKey: DEV_API_KEY,
    apiSecret: DEV_API_SECRET,
    ports,
    isRunning,
    stop,
    start,
    restart: async (options) => {
      await stop(options);
      await start();
    },
    logs: () => lines.join('\n'),
  };
}
