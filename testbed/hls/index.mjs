// @ts-check
// The live HLS origin of the test bed: ffmpeg encodes a real-time synthetic live ladder, a small
// node:http origin serves it under /live/<channel>/… with per-channel fault injection.
//
//   const hls = await startHlsOrigin();
//   hls.masterUrl('my-test');                      // http://127.0.0.1:PORT/live/my-test/master.m3u8
//   await hls.fault('my-test', { fault: 'segment-status', status: 500, count: 2 });
//   hls.stats('my-test');                          // faults + request counters
//   await hls.stop();
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LADDERS, startEncoder } from './encoder.mjs';
import { FAULT_NAMES } from './faults.mjs';
import { createOrigin } from './origin-server.mjs';
import { parseMaster } from './playlist-rewrite.mjs';

export { DEFAULT_RENDITIONS } from './encoder.mjs';
export { FAULT_NAMES, LADDERS };

/**
 * @typedef {import('./faults.mjs').FaultSpec} FaultSpec
 * @typedef {ReturnType<import('./faults.mjs').describeChannel>} ChannelStats
 * @typedef {{ name: string, width: number, height: number, bandwidth: number, codecs: string }} RenditionInfo
 * @typedef {{
 *   origin: string,
 *   masterPath: string,
 *   controlPath: string,
 *   renditions: RenditionInfo[],
 *   segmentSeconds: number,
 *   listSize: number,
 *   faults: string[],
 * }} HlsInfo
 * @typedef {{
 *   origin: string,
 *   info: HlsInfo,
 *   masterUrl: (channel?: string) => string,
 *   fault: (channel: string, spec: FaultSpec) => Promise<ChannelStats>,
 *   clear: (channel: string, fault?: string) => ChannelStats,
 *   stats: (channel: string) => ChannelStats,
 *   encoder: import('./encoder.mjs').Encoder,
 *   stop: () => Promise<void>,
 * }} HlsOrigin
 * @typedef {Partial<import('./encoder.mjs').EncoderSettings> & {
 *   host?: string,
 *   port?: number,
 *   readyTimeoutMs?: number,
 *   ffmpeg?: string,
 * }} HlsOriginOptions
 */

/**
 * Start ffmpeg and the origin. Resolves once the master playlist and ≥ 3 segments of every
 * rendition exist. Always call `stop()`.
 * @param {HlsOriginOptions} [options]
 * @returns {Promise<HlsOrigin>}
 */
export async function startHlsOrigin(options = {}) {
  const { host, port, ...encoderOptions } = options;
  const started = performance.now();
  const encoder = await startEncoder(encoderOptions);
  const readyMs = Math.round(performance.now() - started);
  const { settings, outDir } = encoder;
  const origin = createOrigin({ outDir, renditions: settings.renditions.map((r) => r.name) });
  let url;
  try {
    url = await origin.listen({ host, port });
  } catch (error) {
    await encoder.stop();
    throw error;
  }

  const variants = parseMaster(await readFile(join(outDir, 'master.m3u8'), 'utf8'));
  /** @type {RenditionInfo[]} */
  const renditions = settings.renditions.map((r) => {
    const variant = variants.find((v) => v.uri.startsWith(`${r.name}/`));
    return {
      name: r.name,
      width: r.width,
      height: r.height,
      bandwidth: variant?.bandwidth ?? 0,
      codecs: variant?.codecs ?? '',
    };
  });
  /** @type {HlsInfo} */
  const info = {
    origin: url,
    masterPath: '/live/{channel}/master.m3u8',
    controlPath: '/control/{channel}',
    renditions,
    segmentSeconds: settings.segmentSeconds,
    listSize: settings.listSize,
    faults: [...FAULT_NAMES],
  };

  /** @type {Promise<void> | null} */
  let stopping = null;
  return {
    origin: url,
    info,
    masterUrl: (channel = 'main') => `${url}/live/${encodeURIComponent(channel)}/master.m3u8`,
    fault: (channel, spec) => origin.fault(channel, spec),
    clear: (channel, fault) => origin.clear(channel, fault),
    stats: (channel) => origin.stats(channel),
    encoder,
    stop: () => {
      stopping ??= (async () => {
        const { maxLagMs, speed } = encoder.progress();
        const cpu = encoder.cpuSeconds();
        const seconds = (performance.now() - started) / 1000;
        await origin.close();
        await encoder.stop();
        if (maxLagMs > 1000 * settings.segmentSeconds) {
          console.warn(
            `[testbed:hls] ffmpeg fell up to ${maxLagMs} ms behind real time: ` +
              'the machine was overloaded; live timing in tests may have been off.',
          );
        }
        if (process.env.LIVEHOOK_HLS_REPORT) {
          const ladder = settings.renditions.map((r) => r.name).join('/');
          const cpuPercent = cpu === null ? null : Math.round((cpu / seconds) * 100);
          console.info(
            `[testbed:hls] ${JSON.stringify({ ladder, readyMs, seconds: Math.round(seconds), cpuPercent, speed, maxLagMs })}`,
          );
        }
      })();
      return stopping;
    },
  };
}

/**
 * The test-bed part for the web-test-runner plugin (`executeServerCommand('testbed:hls')`).
 * `LIVEHOOK_HLS_LADDER=full|small|default` picks another ladder (e.g. to try 1080p).
 * @param {HlsOriginOptions} [options]
 * @returns {Promise<{ info: HlsInfo, stop: () => Promise<void> }>}
 */
export async function startHlsPart(options = {}) {
  const ladder = process.env.LIVEHOOK_HLS_LADDER;
  const renditions = ladder ? LADDERS[ladder] : undefined;
  if (ladder && !renditions)
    throw new Error(`LIVEHOOK_HLS_LADDER=${ladder}: known ladders are ${Object.keys(LADDERS)}`);
  const hls = await startHlsOrigin({ ...(renditions ? { renditions } : {}), ...options });
  return { info: hls.info, stop: hls.stop };
}
