#!/usr/bin/env node
// @ts-check
// HLS start-up benchmark: time to first frame and JS bytes of <live-player> (CDN build) against plain hls.js
// and @mux/mux-player, on the same local live stream, each page in a fresh browser context, interleaved.
//
//   node bench/hls/run.mjs [--runs 9] [--warmup 1] [--streams ffmpeg,demo] [--rtt 0,50] [--diagnose] [--no-write] [--verbose]
// --verbose prints every request of every run up to the first frame (start → end, ms since navigation).
// --diagnose adds a page with plain hls.js and <live-player>'s own hls.js config (config vs packaging).
// --rtt 0,50 runs once on loopback and once with 50 ms added to every request (Chromium's network
// emulation): loopback hides what each extra request in the start-up chain costs against a real CDN.
//
// Prints a Markdown report and writes it into bench/README.md between <!-- hls:start --> and <!-- hls:end -->.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { startDemoStream } from '../../testbed/demo-stream/index.mjs';
import { startHlsOrigin } from '../../testbed/hls/index.mjs';
import { loadAssets, playerSizes, versions } from './assets.mjs';
import { attribute } from './attribution.mjs';
import { launchChromium } from './browser.mjs';
import { measure } from './measure.mjs';
import { CONTENDERS, DIAGNOSTICS } from './pages.mjs';
import { writeReadmeSection } from './readme.mjs';
import { startBenchServer } from './server.mjs';
import { kb, markdownTable, median, ms, quantile, times } from './stats.mjs';

const BASELINE = 'hls.js';
const GOALS = { ttffRatio: 1.1, ownCodeGzip: 25 * 1024 };

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    warmup: { type: 'string', default: '1' },
    streams: { type: 'string', default: 'ffmpeg' },
    timeout: { type: 'string', default: '30000' },
    rtt: { type: 'string', default: '0' },
    'no-write': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    diagnose: { type: 'boolean', default: false },
    pages: { type: 'string', default: '' },
  },
});
const runs = Number(args.runs);
const warmup = Number(args.warmup);
const timeoutMs = Number(args.timeout);
const verbose = Boolean(args.verbose);
const rtts = String(args.rtt).split(',').map(Number);
if (!rtts.every((r) => r >= 0)) throw new Error('--rtt must be a list of ms ≥ 0, e.g. 0,50');
const streams = String(args.streams).split(',');
// `--pages live-player,hls.js`: only these pages (quick looks; the written results always run them all).
const pages = String(args.pages).split(',').filter(Boolean);
const contenders = [...CONTENDERS, ...(args.diagnose ? DIAGNOSTICS : [])].filter(
  (c) => pages.length === 0 || pages.includes(c.id),
);
for (const p of pages)
  if (![...CONTENDERS, ...DIAGNOSTICS].some((c) => c.id === p)) throw new Error(`unknown page "${p}"`);
if (pages.length > 0 && !args['no-write']) throw new Error('--pages is for quick looks: add --no-write');
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number ≥ 1');
if (!Number.isInteger(warmup) || warmup < 0) throw new Error('--warmup must be a whole number ≥ 0');
for (const s of streams) if (s !== 'ffmpeg' && s !== 'demo') throw new Error(`unknown stream "${s}" (ffmpeg, demo)`);

/** Round r runs the contenders rotated by r: A B C, B C A, C A B, … */
const rotated = (/** @type {number} */ r) => contenders.map((_, i) => contenders[(i + r) % contenders.length]);

/** @param {import('./measure.mjs').Run[]} results */
function summarize(results) {
  return contenders.map((c) => {
    const mine = results.filter((r) => r.contender === c.id);
    const ok = mine.filter((r) => r.ok);
    const pick = (/** @type {(r: import('./measure.mjs').Run) => number} */ f) => ok.map(f);
    const frames = [...new Set(ok.map((r) => r.frame))];
    return {
      contender: c,
      runs: mine.length,
      ok: ok.length,
      errors: mine.filter((r) => !r.ok).map((r) => r.error ?? ''),
      ttff: {
        p25: quantile(
          pick((r) => r.ttff),
          0.25,
        ),
        p50: median(pick((r) => r.ttff)),
        p75: quantile(
          pick((r) => r.ttff),
          0.75,
        ),
      },
      js: {
        encoded: median(pick((r) => r.js.encoded)),
        transfer: median(pick((r) => r.js.transfer)),
        decoded: median(pick((r) => r.js.decoded)),
        files: median(pick((r) => r.js.files)),
      },
      marks: Object.fromEntries(
        ['scriptsDone', 'firstPlaylist', 'firstSegment', 'firstSegmentDone'].map((k) => [
          k,
          median(pick((r) => r.marks[k] ?? Number.NaN)),
        ]),
      ),
      scriptPaths: ok[0]?.scriptPaths ?? [],
      playlists: median(pick((r) => r.playlists)),
      segments: median(pick((r) => r.segments)),
      frames,
    };
  });
}

/**
 * @param {string} streamLabel
 * @param {ReturnType<typeof summarize>} summary
 */
function streamReport(streamLabel, summary) {
  const base = summary.find((s) => s.contender.id === BASELINE);
  const rows = [
    [
      'page',
      'first frame, median (p25–p75) ms',
      'vs hls.js',
      'JS gzip (decoded)',
      'JS files',
      'first frame size',
      'runs',
    ],
    ...summary.map((s) => [
      s.contender.label,
      `**${ms(s.ttff.p50)}** (${ms(s.ttff.p25)}–${ms(s.ttff.p75)})`,
      times(s.ttff.p50 / (base?.ttff.p50 ?? Number.NaN)),
      `${kb(s.js.encoded)} (${kb(s.js.decoded)})`,
      String(s.js.files),
      s.frames.join(', ') || '–',
      s.ok === s.runs ? String(s.ok) : `${s.ok}/${s.runs}`,
    ]),
  ];
  const marks = [
    [
      'page',
      'scripts loaded',
      '1st playlist request',
      '1st segment request',
      '1st segment loaded',
      'first frame',
      'playlists / segments by then',
    ],
    ...summary.map((s) => [
      s.contender.label,
      ms(s.marks.scriptsDone ?? Number.NaN),
      ms(s.marks.firstPlaylist ?? Number.NaN),
      ms(s.marks.firstSegment ?? Number.NaN),
      ms(s.marks.firstSegmentDone ?? Number.NaN),
      ms(s.ttff.p50),
      `${s.playlists} / ${s.segments}`,
    ]),
  ];
  const errors = summary.flatMap((s) => [...new Set(s.errors)].map((e) => `- ${s.contender.label}: ${e}`));
  return [
    `#### ${streamLabel}`,
    '',
    markdownTable(rows, ['l', 'r', 'r', 'r', 'r', 'l', 'r']),
    '',
    'Where the time goes (medians, ms since navigation start):',
    '',
    markdownTable(marks, ['l', 'r', 'r', 'r', 'r', 'r', 'r']),
    ...(errors.length ? ['', 'Failed runs:', '', ...errors] : []),
  ].join('\n');
}

/** @param {string} name a chunk's name without its hash */
function chunkNote(name) {
  if (name === 'chunks/hls-*.js') return ': hls.js, full build: streams that declare captions, subtitles, DRM…';
  if (name === 'chunks/hls.light-*.js') return ': hls.js, light build: every other stream';
  if (name.startsWith('chunks/livekit-client')) return ': livekit-client, LiveKit sources only';
  if (name.startsWith('chunks/hls-transport')) return ': the HLS transport';
  if (name.startsWith('chunks/native-hls')) return ': browsers without MSE (iOS Safari) only';
  if (name.startsWith('chunks/hls-cue-reader')) return ': HLS streams that carry cues only';
  if (name.startsWith('chunks/quality-menu-list')) return ': the quality menu, first opened or once playing';
  return '';
}

/** hls.js itself in the player's CDN build: its full or its light build. */
const HLS_JS_CHUNK = /^\/player\/chunks\/hls(?:\.light)?-[\w-]{8}\.js$/;

/**
 * The player's own code a page fetched by its first frame: every file of the CDN build but hls.js.
 * @param {ReturnType<typeof summarize>} summary
 * @param {import('./assets.mjs').Assets} assets
 */
function ownCode(summary, assets) {
  const paths = summary.find((s) => s.contender.id === 'live-player')?.scriptPaths ?? [];
  const own = paths.filter((p) => p.startsWith('/player/') && !HLS_JS_CHUNK.test(p));
  return {
    files: own.map((p) => p.slice('/player/'.length).replace(/-[\w-]{8}\.js$/, '-*.js')),
    gzip: own.reduce((sum, p) => sum + (assets.get(p)?.gzip.length ?? 0), 0),
  };
}

/**
 * @param {ReturnType<typeof summarize>} summary
 * @param {ReturnType<typeof playerSizes>} sizes
 * @param {ReturnType<typeof ownCode>} own
 */
function goals(summary, sizes, own) {
  const get = (/** @type {string} */ id) => summary.find((s) => s.contender.id === id)?.ttff.p50 ?? Number.NaN;
  const ratio = get('live-player') / get(BASELINE);
  const vsMux = get('live-player') / get('mux-player');
  const mark = (/** @type {boolean} */ ok) => (ok ? '✅' : '❌');
  return [
    `- ${mark(ratio <= GOALS.ttffRatio)} first frame within ${GOALS.ttffRatio}× of plain hls.js: **${times(ratio)}**`,
    `- ${mark(vsMux < 1)} faster than mux-player: **${times(vsMux)}** of its time to first frame`,
    `- ${mark(own.gzip < GOALS.ownCodeGzip)} the player's own code under 25 KB gzip: **${kb(own.gzip)}** fetched by the first frame (${own.files.map((f) => `\`${f}\``).join(' + ')}; everything but hls.js); the entry alone: ${kb(sizes.entry.gzip)}`,
  ].join('\n');
}

/** @param {Record<string, unknown>} progress */
function describeEncoder(progress) {
  if (typeof progress.maxLagMs === 'number') return `; ffmpeg fell at most ${progress.maxLagMs} ms behind real time`;
  if (typeof progress.minRecentSpeed === 'number')
    return `; ffmpeg's slowest 5 s ran at ${progress.minRecentSpeed.toFixed(2)}× real time`;
  return '';
}

function gitDescribe() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'packages/player', 'packages/core'], {
      encoding: 'utf8',
    }).trim();
    return dirty ? `${head} + uncommitted changes in packages/` : head;
  } catch {
    return 'unknown';
  }
}

async function main() {
  const startedAt = new Date();
  const assets = await loadAssets();
  const sizes = playerSizes(assets);
  const { version: hlsVersion, muxVersion } = await versions();
  const muxBundle = assets.get('/mux/mux-player.js');
  const hlsBundle = assets.get('/hls.js/hls.min.mjs');

  /** @type {{ stop: () => Promise<void> }[]} */
  const toStop = [];
  /** @type {import('playwright-core').Browser | null} */
  let browser = null;
  /** @type {{ label: string, summary: ReturnType<typeof summarize> }[]} */
  const reports = [];
  let chromiumVersion = '';
  /** ffmpeg's progress at the end (the test bed reports lag or speed, depending on its version). */
  let encoderNote = '';
  try {
    const server = await startBenchServer(assets);
    toStop.push(server);
    const origin = streams.includes('ffmpeg') ? await startHlsOrigin() : null;
    if (origin) toStop.push(origin);
    const demo = streams.includes('demo') ? await startDemoStream() : null;
    if (demo) toStop.push(demo);
    browser = await launchChromium();
    chromiumVersion = browser.version();

    let channel = 0;
    for (const [stream, rttMs] of streams.flatMap((s) => rtts.map((r) => /** @type {const} */ ([s, r])))) {
      const playlist = () =>
        stream === 'ffmpeg' && origin ? origin.masterUrl(`bench-${++channel}`) : /** @type {any} */ (demo).masterUrl;
      const label =
        (stream === 'ffmpeg'
          ? 'ffmpeg live origin (testbed/hls: 720p/480p/240p H.264 + AAC, 1 s segments, 6 in the playlist, real-time encode)'
          : 'demo stream (testbed/demo-stream: pre-encoded loop served live, no encoder running)') +
        (rttMs ? `, ${rttMs} ms added to every request (a CDN farther away)` : ', loopback');
      const tag = rttMs ? `${stream} +${rttMs} ms` : stream;
      /** @type {import('./measure.mjs').Run[]} */
      const results = [];
      for (let round = -warmup; round < runs; round++) {
        const order = rotated(round + warmup);
        const line = [];
        for (const c of order) {
          const result = await measure(browser, c.id, server.pageUrl(c.id, playlist()), { timeoutMs, verbose, rttMs });
          if (round >= 0) results.push(result);
          line.push(`${c.id} ${result.ok ? `${ms(result.ttff)} ms` : `FAILED (${result.error})`}`);
        }
        console.log(`[${tag}] ${round < 0 ? 'warm-up' : `round ${round + 1}/${runs}`}: ${line.join(', ')}`);
      }
      reports.push({ label, summary: summarize(results) });
    }
    if (origin) encoderNote = describeEncoder(/** @type {Record<string, unknown>} */ (origin.encoder.progress()));
  } finally {
    await browser?.close().catch(() => {});
    for (const part of toStop.reverse()) await part.stop().catch(() => {});
  }

  const cpus = os.cpus();
  const main = reports[0];
  const entry = assets.get('/player/live-player.js');
  const entryMap = assets.get('/player/live-player.js.map');
  const breakdown =
    entry && entryMap ? attribute(entry.body.toString('utf8'), JSON.parse(entryMap.body.toString('utf8'))) : [];
  const report = [
    `_Last run: ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC · \`${['node bench/hls/run.mjs', ...process.argv.slice(2)].join(' ')}\` · player build from ${gitDescribe()} · ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB · Chromium ${chromiumVersion} (headless, no GPU) · Node ${process.version} · hls.js ${hlsVersion} · @mux/mux-player ${muxVersion} · ${runs} runs per page after ${warmup} warm-up round(s)._`,
    '',
    ...(main ? [goals(main.summary, sizes, ownCode(main.summary, assets)), ''] : []),
    ...reports.flatMap((r) => [streamReport(r.label, r.summary), '']),
    '#### Bytes',
    '',
    markdownTable(
      [
        ['file', 'raw', 'gzip -9'],
        [
          "`live-player.js` (the entry: element, controls, Lit, core's Viewer)",
          kb(sizes.entry.raw),
          `**${kb(sizes.entry.gzip)}**`,
        ],
        ...sizes.chunks.map((c) => [`\`${c.name}\` (lazy chunk${chunkNote(c.name)})`, kb(c.raw), kb(c.gzip)]),
        [
          'hls.js `dist/hls.min.mjs` (the plain hls.js page)',
          kb(hlsBundle?.body.length ?? Number.NaN),
          kb(hlsBundle?.gzip.length ?? Number.NaN),
        ],
        [
          '@mux/mux-player bundled by esbuild (one file, hls.js included)',
          kb(muxBundle?.body.length ?? Number.NaN),
          kb(muxBundle?.gzip.length ?? Number.NaN),
        ],
      ],
      ['l', 'r', 'r'],
    ),
    '',
    ...(breakdown.length
      ? [
          "What `live-player.js` is made of (its source map, by package and folder; gzip of each part alone, so they add up to more than the file's):",
          '',
          markdownTable(
            [['part', 'raw', 'gzip alone'], ...breakdown.map((b) => [`\`${b.group}\``, kb(b.raw), kb(b.gzip)])],
            ['l', 'r', 'r'],
          ),
          '',
        ]
      : []),
    `Load: ${cpus.length} cores shared by ffmpeg (3-rendition real-time encode), Chromium and the bench itself` +
      encoderNote +
      `; load average at the end ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')}. Absolute times move with load; compare the ratios.`,
  ].join('\n');

  console.log(`\n${report}\n`);
  if (!args['no-write']) {
    const file = await writeReadmeSection('hls', '## HLS: time to first frame and JS bytes', report);
    console.log(`Written to ${file}`);
  }
}

await main();
