#!/usr/bin/env node
// @ts-check
// LiveKit benchmark: time to first frame of <live-player> (CDN build) on LiveKit against a minimal page using
// livekit-client directly, and glass-to-glass latency from the publisher's pixel clock to the decoded frame,
// on the test bed's real livekit-server and publisher. Fresh browser context per page load, interleaved.
//
//   node bench/livekit/run.mjs [--runs 9] [--warmup 1] [--samples 30] [--no-write]
//
// Prints a Markdown report and writes it into bench/README.md between <!-- livekit:start --> and <!-- livekit:end -->.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { startLiveKitPart } from '../../testbed/livekit/index.mjs';
import { launchChromium } from '../hls/browser.mjs';
import { writeReadmeSection } from '../hls/readme.mjs';
import { kb, markdownTable, median, ms, quantile, times } from '../hls/stats.mjs';
import { liveKitClientVersion, liveKitSizes, loadAssets } from './assets.mjs';
import { measure } from './measure.mjs';
import { CONTENDERS } from './pages.mjs';
import { startBenchServer } from './server.mjs';

const GOALS = { ttffRatio: 1.2, latencyP50: 250 };

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    warmup: { type: 'string', default: '1' },
    samples: { type: 'string', default: '30' },
    'no-write': { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs);
const warmup = Number(args.warmup);
const samples = Number(args.samples);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number ≥ 1');

const rotated = (/** @type {number} */ r) => CONTENDERS.map((_, i) => CONTENDERS[(i + r) % CONTENDERS.length]);

const assets = await loadAssets();
const sizes = await liveKitSizes(assets);
if (sizes.entryHasLiveKit) console.warn('warning: the player entry seems to contain livekit-client code');
const livekit = await startLiveKitPart();
const { info } = livekit;
const server = await startBenchServer(assets, { wsUrl: info.wsUrl, tokenUrl: info.tokenUrl, room: info.room });
const browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
/** @type {import('./measure.mjs').Run[]} */
const results = [];
try {
  for (let round = -warmup; round < runs; round++) {
    for (const contender of rotated(round + warmup)) {
      const run = await measure(browser, contender.id, server.pageUrl(contender), { samples });
      const tag = round < 0 ? 'warm-up' : `run ${round + 1}/${runs}`;
      console.log(
        `${tag} ${contender.id.padEnd(6)} ${run.ok ? `first frame ${ms(run.ttff)} ms, latency p50 ${ms(median(run.latencies))} ms (${run.latencies.length})` : `FAILED ${run.error}`}`,
      );
      if (round >= 0) results.push(run);
    }
  }
} finally {
  await browser.close();
  await server.stop();
  await livekit.stop();
}

const summary = CONTENDERS.map((c) => {
  const ok = results.filter((r) => r.contender === c.id && r.ok);
  const lat = ok.flatMap((r) => r.latencies);
  return {
    c,
    runs: results.filter((r) => r.contender === c.id).length,
    ok: ok.length,
    ttff: {
      p25: quantile(
        ok.map((r) => r.ttff),
        0.25,
      ),
      p50: median(ok.map((r) => r.ttff)),
      p75: quantile(
        ok.map((r) => r.ttff),
        0.75,
      ),
    },
    fromStart: median(ok.map((r) => r.fromStart)),
    js: {
      encoded: median(ok.map((r) => r.js.encoded)),
      decoded: median(ok.map((r) => r.js.decoded)),
      files: median(ok.map((r) => r.js.files)),
    },
    frames: [...new Set(ok.map((r) => r.frame))],
    latency: {
      n: lat.length,
      p50: median(lat),
      p95: quantile(lat, 0.95),
      min: Math.min(...lat),
      max: Math.max(...lat),
    },
  };
});
const player = summary.find((s) => s.c.id === 'player');
const raw = summary.find((s) => s.c.id === 'raw');
const ratio = (player?.ttff.p50 ?? Number.NaN) / (raw?.ttff.p50 ?? Number.NaN);
const check = (/** @type {boolean} */ ok) => (ok ? '✅' : '❌');
const load = os
  .loadavg()
  .map((n) => n.toFixed(1))
  .join(' / ');
let commit = '';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  if (execFileSync('git', ['status', '--porcelain', 'packages'], { encoding: 'utf8' }).trim())
    commit += ' + uncommitted changes in packages/';
} catch {}
const chromiumVersion = await (async () => {
  const b = await launchChromium();
  const v = b.version();
  await b.close();
  return v;
})();

const report = `_Last run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · player build from ${commit || 'unknown'} · ${os.cpus().length} × ${os.cpus()[0]?.model.split(' ').slice(0, 2).join(' ') ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB · Chromium ${chromiumVersion} (headless, no GPU) · Node ${process.version} · livekit-client ${await liveKitClientVersion()} · livekit-server (test bed) · ${runs} runs per page after ${warmup} warm-up round(s), ${samples} latency samples per run._

- ${check(ratio <= GOALS.ttffRatio)} first frame within ${GOALS.ttffRatio}× of plain livekit-client: **${times(ratio)}**
- ${check((player?.latency.p50 ?? Infinity) < GOALS.latencyP50)} glass-to-glass latency p50 under ${GOALS.latencyP50} ms on loopback: **${ms(player?.latency.p50 ?? Number.NaN)} ms** (p95 ${ms(player?.latency.p95 ?? Number.NaN)} ms, ${player?.latency.n ?? 0} samples)
- ${check(!sizes.entryHasLiveKit)} livekit-client stays out of the entry: its own lazy chunk (${sizes.chunk.files.map((f) => `\`${f.replace(/-[\w]+\.js$/, '-*.js')}\``).join(', ')})

| page | first frame, median (p25–p75) ms | vs livekit-client | load → first frame ms | glass-to-glass p50 / p95 ms (samples) | JS gzip (decoded) | first frame size | runs |
| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |
${summary
  .map((s) =>
    [
      s.c.label,
      `**${ms(s.ttff.p50)}** (${ms(s.ttff.p25)}–${ms(s.ttff.p75)})`,
      times(s.ttff.p50 / (raw?.ttff.p50 ?? Number.NaN)),
      ms(s.fromStart),
      `**${ms(s.latency.p50)}** / ${ms(s.latency.p95)} (${s.latency.n})`,
      `${kb(s.js.encoded)} (${kb(s.js.decoded)})`,
      s.frames.join(', ') || '–',
      `${s.ok}/${s.runs}`,
    ].join(' | '),
  )
  .map((row) => `| ${row} |`)
  .join('\n')}

First frame: navigation start → the first \`requestVideoFrameCallback\` of the page's \`<video>\` (token request, join, ICE,
subscribe, decode included). "load → first frame": for \`<live-player>\`, the Viewer's own \`metrics.timeToFirstFrame\`
(token request → first frame); for the baseline, its script arriving → first frame. Glass-to-glass: the frame's
\`expectedDisplayTime\` minus the capture time the publisher burnt into its pixels.

#### Bytes of the LiveKit path

${markdownTable(
  [
    ['file', 'raw', 'gzip -9'],
    [
      '`live-player.js` (the CDN entry: element, core, Lit; no hls.js, no livekit-client)',
      kb(sizes.entry.raw),
      `**${kb(sizes.entry.gzip)}**`,
    ],
    [
      `\`chunks/livekit-client*.js\` (loaded only when a LiveKit source is tried)`,
      kb(sizes.chunk.raw),
      kb(sizes.chunk.gzip),
    ],
    [
      "LiveHook's own LiveKit code (core `transports/livekit` + `room`, minified; lazy chunks, fetched with livekit-client)",
      kb(sizes.own.raw),
      kb(sizes.own.gzip),
    ],
    [
      'plain livekit-client page (livekit-client + 15 lines, esbuild-minified)',
      kb(sizes.baseline.raw),
      kb(sizes.baseline.gzip),
    ],
  ],
  ['l', 'r', 'r'],
)}

Load: 2 cores shared by livekit-server, the publisher's Chromium (a 720p canvas encoded three times for simulcast), the
measured Chromium and whatever else runs; load average at the end ${load}. Absolute times move with load; compare the ratios.`;

console.log(`\n${report}\n`);
if (!args['no-write']) {
  const file = await writeReadmeSection(
    'livekit',
    '## LiveKit: time to first frame, glass-to-glass latency and bytes\n\n```sh\nnode bench/livekit/run.mjs            # 9 runs per page (+1 warm-up round), 30 latency samples per run\nnode bench/livekit/run.mjs --runs 3 --no-write\n```',
    report,
  );
  console.log(`written to ${file}`);
}
