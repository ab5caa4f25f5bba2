#!/usr/bin/env node
// @ts-check
// Heap soak: plays the live stream in <live-player> (and, side by side, in plain hls.js with its default
// config, which keeps the whole back buffer) for N minutes, and every 30 s forces a GC and samples the JS
// heap, DOM nodes, event listeners and the <video>'s buffered range.
//
//   node bench/hls/soak.mjs [--minutes 30] [--interval 30] [--stream ffmpeg|demo] [--contenders live-player,hls.js] [--no-write]
//
// Prints the samples and a summary, and writes the summary into bench/README.md (<!-- hls-soak:start/end -->).
import os from 'node:os';
import { parseArgs } from 'node:util';
import { startDemoStream } from '../../testbed/demo-stream/index.mjs';
import { startHlsOrigin } from '../../testbed/hls/index.mjs';
import { loadAssets } from './assets.mjs';
import { launchChromium } from './browser.mjs';
import { CONTENDERS } from './pages.mjs';
import { installProbe, sampleMedia } from './probe.mjs';
import { writeReadmeSection } from './readme.mjs';
import { startBenchServer } from './server.mjs';
import { markdownTable } from './stats.mjs';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    interval: { type: 'string', default: '30' },
    stream: { type: 'string', default: 'ffmpeg' },
    contenders: { type: 'string', default: 'live-player,hls.js' },
    'no-write': { type: 'boolean', default: false },
  },
});
const minutes = Number(args.minutes);
const intervalS = Number(args.interval);
const ids = String(args.contenders).split(',');
if (!(minutes > 0)) throw new Error('--minutes must be > 0');
if (!(intervalS >= 1)) throw new Error('--interval must be ≥ 1 (seconds)');
if (args.stream !== 'ffmpeg' && args.stream !== 'demo') throw new Error('--stream is ffmpeg or demo');
for (const id of ids) if (!CONTENDERS.some((c) => c.id === id)) throw new Error(`unknown contender "${id}"`);

/**
 * @typedef {{
 *   t: number, heapMB: number, nodes: number, listeners: number,
 *   media: ReturnType<typeof sampleMedia>,
 * }} Sample
 */

/**
 * @param {import('playwright-core').CDPSession} cdp
 * @param {import('playwright-core').Page} page
 * @param {number} t seconds since the soak started
 * @returns {Promise<Sample>}
 */
async function sample(cdp, page, t) {
  // Twice: the first pass may only free what finalizers release for the second.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (/** @type {string} */ name) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return {
    t,
    heapMB: heap.usedSize / 2 ** 20,
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
    media: await page.evaluate(sampleMedia),
  };
}

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));
const f1 = (/** @type {number | undefined} */ n) => (n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(1));

async function main() {
  const startedAt = new Date();
  const assets = await loadAssets();
  /** @type {{ stop: () => Promise<void> }[]} */
  const toStop = [];
  /** @type {import('playwright-core').Browser | null} */
  let browser = null;
  /** @type {Record<string, Sample[]>} */
  const samples = Object.fromEntries(ids.map((id) => [id, []]));
  /** @type {Record<string, string[]>} */
  const errors = Object.fromEntries(ids.map((id) => [id, []]));
  let chromiumVersion = '';
  try {
    const server = await startBenchServer(assets);
    toStop.push(server);
    /** @type {() => string} */
    let playlist;
    if (args.stream === 'ffmpeg') {
      const origin = await startHlsOrigin();
      toStop.push(origin);
      let channel = 0;
      playlist = () => origin.masterUrl(`soak-${++channel}`);
    } else {
      const demo = await startDemoStream();
      toStop.push(demo);
      playlist = () => demo.masterUrl;
    }
    browser = await launchChromium();
    chromiumVersion = browser.version();

    const players = [];
    for (const id of ids) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      await context.addInitScript(installProbe);
      const page = await context.newPage();
      page.on('pageerror', (error) => errors[id]?.push(error.message));
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(`${server.pageUrl(id, playlist())}`);
      await page.evaluate(() => /** @type {any} */ (window).__benchProbe.ready);
      players.push({ id, page, cdp });
    }

    const start = performance.now();
    const end = start + minutes * 60_000;
    for (let tick = 0; ; tick++) {
      const t = Math.round((performance.now() - start) / 1000);
      const line = [];
      for (const { id, page, cdp } of players) {
        const s = await sample(cdp, page, t);
        samples[id]?.push(s);
        line.push(
          `${id}: heap ${f1(s.heapMB)} MB, buffered ${f1(s.media?.buffered)} s (${f1(s.media?.behind)} behind)`,
        );
      }
      console.log(`[soak ${String(t).padStart(5)} s] ${line.join(' · ')}`);
      const next = start + (tick + 1) * intervalS * 1000;
      if (next > end) break;
      await sleep(next - performance.now());
    }
  } finally {
    await browser?.close().catch(() => {});
    for (const part of toStop.reverse()) await part.stop().catch(() => {});
  }

  const summary = markdownTable(
    [
      [
        'page',
        'JS heap after GC: start → end (max), MB',
        'DOM nodes start → end',
        'listeners start → end',
        'buffered s: end (max)',
        'behind playhead s: end',
        'played s / wall s',
        'dropped frames',
      ],
      ...ids.map((id) => {
        const list = samples[id] ?? [];
        const first = list[0];
        const last = list.at(-1);
        const label = CONTENDERS.find((c) => c.id === id)?.label ?? id;
        if (!first || !last) return [label, '–', '–', '–', '–', '–', '–', '–'];
        const played = (last.media?.currentTime ?? 0) - (first.media?.currentTime ?? 0);
        return [
          label,
          `${f1(first.heapMB)} → ${f1(last.heapMB)} (${f1(Math.max(...list.map((s) => s.heapMB)))})`,
          `${first.nodes} → ${last.nodes}`,
          `${first.listeners} → ${last.listeners}`,
          `${f1(last.media?.buffered)} (${f1(Math.max(...list.map((s) => s.media?.buffered ?? 0)))})`,
          f1(last.media?.behind),
          last.t > first.t ? `${(played / (last.t - first.t)).toFixed(2)}` : '–',
          `${last.media?.dropped ?? '–'} of ${last.media?.frames ?? '–'}`,
        ];
      }),
    ],
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
  // A coarse timeline (≤ 13 rows) for the README; the console got every sample.
  const all = samples[ids[0] ?? ''] ?? [];
  const step = Math.max(1, Math.ceil((all.length - 1) / 12));
  const rows = all.map((_, i) => i).filter((i) => i % step === 0 || i === all.length - 1);
  const timeline = markdownTable(
    [
      ['t (s)', ...ids.flatMap((id) => [`${id} heap MB`, `${id} buffered s`])],
      ...rows.map((i) => [
        String(all[i]?.t ?? ''),
        ...ids.flatMap((id) => {
          const s = samples[id]?.[i];
          return [f1(s?.heapMB), f1(s?.media?.buffered)];
        }),
      ]),
    ],
    ['r', ...ids.flatMap(() => /** @type {('r')[]} */ (['r', 'r']))],
  );
  const failures = ids.flatMap((id) => [...new Set(errors[id])].map((e) => `- ${id}: ${e}`));
  const report = [
    `_Last soak: ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${minutes} min on the ${args.stream === 'ffmpeg' ? 'ffmpeg live origin' : 'demo stream'}, pages side by side in one Chromium ${chromiumVersion} · samples every ${intervalS} s after two forced GCs (CDP \`HeapProfiler.collectGarbage\`, \`Runtime.getHeapUsage\`, \`Performance.getMetrics\`) · ${os.cpus().length} cores._`,
    '',
    summary,
    '',
    timeline,
    ...(failures.length ? ['', 'Page errors:', '', ...failures] : []),
  ].join('\n');
  console.log(`\n${report}\n`);
  if (!args['no-write']) {
    const file = await writeReadmeSection('hls-soak', '## HLS: heap soak', report);
    console.log(`Written to ${file}`);
  }
}

await main();
