#!/usr/bin/env node
// @ts-check
// Start the live HLS origin by hand and print its master URL until Ctrl-C.
//   node testbed/hls/cli.mjs [--ladder default|full|small] [--fps 30] [--segment 1] [--port 0] [--seconds N]
// Every 5 s it prints ffmpeg's encoding speed (1.00x = real time) and CPU use; with --seconds it
// stops by itself and prints a JSON summary (handy for benchmarks).
import { parseArgs } from 'node:util';
import { LADDERS, startHlsOrigin } from './index.mjs';

const { values } = parseArgs({
  options: {
    ladder: { type: 'string', default: 'default' },
    fps: { type: 'string', default: '30' },
    segment: { type: 'string', default: '1' },
    port: { type: 'string', default: '0' },
    seconds: { type: 'string' },
  },
});
const renditions = LADDERS[values.ladder ?? 'default'];
if (!renditions) throw new Error(`unknown ladder "${values.ladder}"; known: ${Object.keys(LADDERS).join(', ')}`);

const started = performance.now();
const hls = await startHlsOrigin({
  renditions,
  fps: Number(values.fps),
  segmentSeconds: Number(values.segment),
  port: Number(values.port),
});
const readyMs = Math.round(performance.now() - started);
console.log(`HLS origin ready in ${readyMs} ms: ${hls.masterUrl('main')}`);
console.log(`  any channel works: ${hls.origin}/live/<channel>/master.m3u8`);
console.log(`  faults:  curl -X POST ${hls.origin}/control/main -d '{"fault":"segment-status","status":500}'`);
console.log(`  state:   curl ${hls.origin}/control/main      clear: curl -X DELETE ${hls.origin}/control/main`);
console.log(
  `  ladder:  ${hls.info.renditions.map((r) => `${r.name} ${r.width}x${r.height} ${r.bandwidth}bps`).join(', ')}`,
);

/** @type {number[]} */
const cpus = [];
let last = { t: performance.now(), cpu: hls.encoder.cpuSeconds() };
const timer = setInterval(() => {
  const now = { t: performance.now(), cpu: hls.encoder.cpuSeconds() };
  const cpu = now.cpu !== null && last.cpu !== null ? ((now.cpu - last.cpu) / ((now.t - last.t) / 1000)) * 100 : null;
  last = now;
  const p = hls.encoder.progress();
  if (cpu !== null) cpus.push(cpu);
  console.log(
    `ffmpeg speed ${p.speed.toFixed(2)}x, lag ${p.lagMs} ms (max ${p.maxLagMs}), ${p.fps.toFixed(1)} fps, CPU ${cpu === null ? '?' : `${cpu.toFixed(0)}%`} (100% = one core), stream time ${(p.outTimeMs / 1000).toFixed(1)} s`,
  );
}, 5000);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  clearInterval(timer);
  const mean = (/** @type {number[]} */ xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const summary = {
    ladder: values.ladder,
    fps: Number(values.fps),
    readyMs,
    speed: hls.encoder.progress().speed,
    maxLagMs: hls.encoder.progress().maxLagMs,
    meanCpuPercent: mean(cpus.slice(1)),
  };
  await hls.stop();
  console.log(JSON.stringify(summary));
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
if (values.seconds) setTimeout(stop, Number(values.seconds) * 1000);
