// @ts-check
// Lead events: the reference collector's ingest throughput over loopback HTTP, and what the pipeline costs a
// page (gzipped bytes; ms per 1,000 events queued and flushed in Chromium). Medians of ≥ 7 runs.
//   node bench/events/run.mjs [--runs 7] [--no-write]
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { startReferenceServer } from '../../examples/server/index.mjs';
import { chromiumArgs, findChromium } from '../../scripts/find-chromium.mjs';
import { writeReadmeSection } from '../hls/readme.mjs';
import { median, quantile } from '../hls/stats.mjs';

const args = process.argv.slice(2);
const runs = Math.max(7, Number(args[args.indexOf('--runs') + 1]) || 7);
const write = !args.includes('--no-write');
const root = join(import.meta.dirname, '..', '..');

// Bounded load: every run sends exactly this much, and gives up after RUN_DEADLINE_MS.
const BATCHES = 200;
const EVENTS_PER_BATCH = 50; // the SDK's default batch size
const CONCURRENCY = 8; // requests in flight at once, like eight busy viewers' pages
const RUN_DEADLINE_MS = 60_000;

/** @param {number} i */
function event(i) {
  return {
    id: randomUUID(),
    type: i % 4 === 0 ? 'watch.progress' : 'product.clicked',
    time: new Date().toISOString(),
    session: 'bench-session-0001',
    viewer: `viewer-${(i % 500).toString().padStart(6, '0')}`,
    room: 'bench',
    page: 'https://shop.example/live/spring',
    data: i % 4 === 0 ? { seconds: 15, total: 15 * i } : { sku: `SKU-${i % 37}`, widget: 'product-list' },
  };
}

async function ingestRun() {
  const dir = await mkdtemp(join(tmpdir(), 'livehook-bench-'));
  const server = await startReferenceServer({
    port: 0,
    dbPath: join(dir, 'bench.db'), // a real file with WAL, as in production
    rateLimits: { events: { limit: 1_000_000, windowMs: 60_000 } },
    log: () => {},
  });
  const bodies = Array.from({ length: BATCHES }, (_, b) =>
    JSON.stringify({ events: Array.from({ length: EVENTS_PER_BATCH }, (_, i) => event(b * EVENTS_PER_BATCH + i)) }),
  );
  const latencies = [];
  let next = 0;
  let accepted = 0;
  const deadline = Date.now() + RUN_DEADLINE_MS;
  const started = performance.now();
  const worker = async () => {
    while (next < bodies.length && Date.now() < deadline) {
      const body = bodies[next++];
      const t0 = performance.now();
      const response = await fetch(`${server.url}/api/events`, {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'text/plain' },
      });
      const answer = /** @type {{ accepted: number }} */ (await response.json());
      latencies.push(performance.now() - t0);
      accepted += answer.accepted;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  await server.stop();
  await rm(dir, { recursive: true, force: true });
  return {
    eventsPerSecond: accepted / seconds,
    accepted,
    batchP50: quantile(latencies, 0.5),
    batchP95: quantile(latencies, 0.95),
  };
}

async function pipelineBundle() {
  const bundle = await build({
    stdin: {
      contents: "export { createLeadPipeline } from './events/pipeline.ts';",
      resolveDir: join(root, 'packages/core/src'),
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
  });
  const code = bundle.outputFiles[0].text;
  return { code, bytes: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}

/** @param {string} code */
async function pageCost(code) {
  const collector = await startReferenceServer({
    port: 0,
    dbPath: ':memory:',
    origins: [/^http:\/\/127\.0\.0\.1:\d+$/],
    rateLimits: { events: { limit: 1_000_000, windowMs: 60_000 } },
    log: () => {},
  });
  const page = `<!doctype html><meta charset="utf-8"><script type="module">
    import { createLeadPipeline } from '/pipeline.js';
    window.measure = async (endpoint, storageKey) => {
      const leads = createLeadPipeline({ endpoint, storageKey, room: 'bench', collect: false, http: { flushInterval: 600000 } });
      const t0 = performance.now();
      for (let i = 0; i < 1000; i++) leads.track('product.clicked', { sku: 'SKU-' + (i % 37), widget: 'product-list' });
      const queued = performance.now();
      const ok = await leads.flush();
      const flushed = performance.now();
      leads.destroy();
      return { ok, enqueue: queued - t0, total: flushed - t0 };
    };
  </script>`;
  const shop = createServer((req, res) => {
    if (req.url === '/pipeline.js') return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(code);
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
  });
  await new Promise((resolve) => shop.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (shop.address());
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
  const samples = [];
  try {
    for (let run = 0; run <= runs; run++) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(`http://127.0.0.1:${address.port}/`);
      await tab.waitForFunction(() => 'measure' in window);
      const result = await tab.evaluate(
        ([endpoint, key]) => /** @type {any} */ (window).measure(endpoint, key),
        [`${collector.url}/api/events`, `bench-${run}`],
      );
      if (!result.ok) throw new Error('the pipeline did not drain');
      if (run > 0) samples.push(result); // run 0 warms up the JIT and the collector
      await context.close();
    }
  } finally {
    await browser.close();
    await new Promise((resolve) => shop.close(() => resolve(undefined)));
    await collector.stop();
  }
  return samples;
}

const loadBefore = loadavg()[0];
const ingest = [];
for (let run = 0; run < runs; run++) {
  const result = await ingestRun();
  ingest.push(result);
  console.log(
    `ingest run ${run + 1}/${runs}: ${Math.round(result.eventsPerSecond)} events/s (${result.accepted} events)`,
  );
}
const size = await pipelineBundle();
const cost = await pageCost(size.code);
for (const [i, c] of cost.entries())
  console.log(`page run ${i + 1}/${runs}: enqueue ${c.enqueue.toFixed(1)} ms, +flush ${c.total.toFixed(1)} ms`);

const eps = ingest.map((r) => r.eventsPerSecond);
const fmt = (/** @type {number} */ n, digits = 0) => n.toFixed(digits);
const results = `Measured ${new Date().toISOString().slice(0, 10)} on this machine (2 cores, shared), Node ${process.version}, ${runs} runs each, medians (p25–p75); 1-minute load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end (other work shares the 2 cores: compare runs at similar load).

| what | median | p25–p75 |
|---|---|---|
| collector ingest, events/s (${BATCHES} batches × ${EVENTS_PER_BATCH} events, ${CONCURRENCY} in flight, SQLite file in WAL mode) | **${fmt(median(eps))}** | ${fmt(quantile(eps, 0.25))}–${fmt(quantile(eps, 0.75))} |
| one batch of ${EVENTS_PER_BATCH}, answer time, ms (p50 / p95 of the median run) | ${fmt(median(ingest.map((r) => r.batchP50)), 1)} / ${fmt(median(ingest.map((r) => r.batchP95)), 1)} | |
| pipeline in the page, minified + gzip -9 | **${(size.gzip / 1024).toFixed(1)} KB** (${(size.bytes / 1024).toFixed(1)} KB minified) | |
| 1,000 events tracked (stamped, validated, written to localStorage), ms | **${fmt(median(cost.map((c) => c.enqueue)), 1)}** | ${fmt(
  quantile(
    cost.map((c) => c.enqueue),
    0.25,
  ),
  1,
)}–${fmt(
  quantile(
    cost.map((c) => c.enqueue),
    0.75,
  ),
  1,
)} |
| 1,000 events tracked and flushed to the collector (20 batches over loopback), ms | **${fmt(median(cost.map((c) => c.total)), 1)}** | ${fmt(
  quantile(
    cost.map((c) => c.total),
    0.25,
  ),
  1,
)}–${fmt(
  quantile(
    cost.map((c) => c.total),
    0.75,
  ),
  1,
)} |`;
console.log(`\n${results}\n`);
if (write) {
  const file = await writeReadmeSection('events', '## Lead events: collector ingest and page cost', results);
  console.log(`written to ${file}`);
}
