// @ts-check
// One job: run ffmpeg as a real-time live encoder (synthetic picture + wall clock + sine tone)
// that writes an HLS ladder into a fresh directory, and say when the ladder is ready.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guardChild, guardDir } from './process-guard.mjs';

/**
 * @typedef {{ name: string, width: number, height: number, videoKbps: number }} Rendition
 * @typedef {{
 *   renditions: Rendition[],
 *   fps: number,
 *   segmentSeconds: number,
 *   listSize: number,
 *   deleteThreshold: number,
 *   audioKbps: number,
 *   font: string | null,
 * }} EncoderSettings
 * @typedef {{
 *   frame: number,
 *   fps: number,
 *   speed: number,
 *   outTimeMs: number,
 *   lagMs: number,
 *   maxLagMs: number,
 * }} EncoderProgress
 * `speed` is ffmpeg's average since the start (1 = real time). `lagMs` is how far the stream is
 * behind the wall clock, relative to its first output (ffmpeg -re catches up after a short dip);
 * `maxLagMs` the worst so far. A lag that keeps growing means the machine cannot keep real time.
 */

/**
 * Default ladder. 1080p cannot stay real-time next to Chromium on a 2-core machine (see README),
 * so the ladder tops out at 720p by default; pass `renditions` for another one.
 * @type {Rendition[]}
 */
export const DEFAULT_RENDITIONS = [
  { name: '720p', width: 1280, height: 720, videoKbps: 2000 },
  { name: '480p', width: 854, height: 480, videoKbps: 1000 },
  { name: '240p', width: 426, height: 240, videoKbps: 300 },
];

/** Named ladders for the CLI and benchmarks. @type {Record<string, Rendition[]>} */
export const LADDERS = {
  default: DEFAULT_RENDITIONS,
  full: [
    { name: '1080p', width: 1920, height: 1080, videoKbps: 4500 },
    { name: '720p', width: 1280, height: 720, videoKbps: 2500 },
    { name: '360p', width: 640, height: 360, videoKbps: 800 },
  ],
  small: [
    { name: '480p', width: 854, height: 480, videoKbps: 1000 },
    { name: '360p', width: 640, height: 360, videoKbps: 600 },
    { name: '240p', width: 426, height: 240, videoKbps: 300 },
  ],
};

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const DIR_PREFIX = 'livehook-hls-';
const OWNER_FILE = '.owner-pid';

/**
 * @param {Partial<EncoderSettings>} [options]
 * @returns {EncoderSettings}
 */
export function encoderSettings(options = {}) {
  const settings = {
    renditions: options.renditions ?? DEFAULT_RENDITIONS,
    fps: options.fps ?? 30,
    segmentSeconds: options.segmentSeconds ?? 1,
    listSize: options.listSize ?? 6,
    // Keep deleted-from-playlist segments on disk for a while, so a stalled/frozen playlist or a
    // slow player still finds them, like on a real origin.
    deleteThreshold: options.deleteThreshold ?? 30,
    audioKbps: options.audioKbps ?? 96,
    font: options.font === undefined ? (existsSync(FONT) ? FONT : null) : options.font,
  };
  if (settings.renditions.length < 1) throw new Error('at least one rendition is needed');
  for (const r of settings.renditions) {
    if (!/^[a-z0-9-]+$/.test(r.name)) throw new Error(`rendition name "${r.name}" must match [a-z0-9-]+`);
  }
  if (!Number.isInteger(settings.segmentSeconds) || settings.segmentSeconds < 1) {
    throw new Error('segmentSeconds must be a whole number ≥ 1');
  }
  return settings;
}

/**
 * The ffmpeg command line (pure; exported for tests and for reading).
 * @param {string} outDir
 * @param {EncoderSettings} s
 * @returns {string[]}
 */
export function ffmpegArgs(outDir, s) {
  const top = s.renditions.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
  const n = s.renditions.length;
  const gop = s.fps * s.segmentSeconds;
  const text = (/** @type {string} */ value, /** @type {number} */ size, /** @type {string} */ y) =>
    s.font
      ? `drawtext=fontfile=${s.font}:text='${value}':fontsize=${size}:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=6:x=(w-tw)/2:y=${y}`
      : 'null';
  const clockSize = Math.round(top.height / 9);
  const graph = [
    // Wall clock drawn once at the top size, then split into the renditions.
    `[0:v]${text('%{gmtime\\:%T} UTC', clockSize, 'h/12')},split=${n}${s.renditions.map((_, i) => `[s${i}]`).join('')}`,
    ...s.renditions.map((r, i) => {
      const scale = r === top ? 'null' : `scale=${r.width}:${r.height}`;
      return `[s${i}]${scale},${text(r.name, Math.round(r.height / 12), 'h-th-h/12')}[v${i}]`;
    }),
    `[1:a]asplit=${n}${s.renditions.map((_, i) => `[a${i}]`).join('')}`,
  ].join(';');

  return [
    ['-hide_banner', '-nostdin', '-loglevel', 'warning', '-progress', 'pipe:1'],
    ['-re', '-f', 'lavfi', '-i', `testsrc2=size=${top.width}x${top.height}:rate=${s.fps}`],
    ['-re', '-f', 'lavfi', '-i', 'sine=frequency=440:beep_factor=4:sample_rate=48000'],
    ['-filter_complex', graph],
    ...s.renditions.map((_, i) => ['-map', `[v${i}]`, '-map', `[a${i}]`]),
    ['-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p'],
    ['-g', String(gop), '-keyint_min', String(gop), '-sc_threshold', '0'],
    ...s.renditions.map((r, i) => [
      `-b:v:${i}`,
      `${r.videoKbps}k`,
      `-maxrate:v:${i}`,
      `${Math.round(r.videoKbps * 1.2)}k`,
      `-bufsize:v:${i}`,
      `${r.videoKbps * 2}k`,
    ]),
    ['-c:a', 'aac', '-b:a', `${s.audioKbps}k`, '-ac', '2', '-ar', '48000'],
    ['-f', 'hls', '-hls_time', String(s.segmentSeconds), '-hls_list_size', String(s.listSize)],
    ['-hls_delete_threshold', String(s.deleteThreshold), '-hls_segment_type', 'mpegts'],
    ['-hls_flags', 'delete_segments+independent_segments+program_date_time+temp_file'],
    ['-hls_segment_filename', join(outDir, '%v', 'seg_%05d.ts')],
    ['-master_pl_name', 'master.m3u8'],
    ['-var_stream_map', s.renditions.map((r, i) => `v:${i},a:${i},name:${r.name}`).join(' ')],
    [join(outDir, '%v', 'index.m3u8')],
  ].flat();
}

/**
 * Count the segments listed in a media playlist.
 * @param {string} text
 */
export function countSegments(text) {
  return (text.match(/^#EXTINF:/gm) ?? []).length;
}

/**
 * @typedef {{
 *   outDir: string,
 *   settings: EncoderSettings,
 *   pid: number | undefined,
 *   progress: () => EncoderProgress,
 *   cpuSeconds: () => number | null,
 *   exited: Promise<number | null>,
 *   stop: () => Promise<void>,
 * }} Encoder
 */

/**
 * Start ffmpeg into a fresh temp dir and resolve when the master playlist and ≥ `minSegments`
 * segments of every rendition exist. Rejects (and cleans up) if ffmpeg dies or it takes too long.
 * @param {Partial<EncoderSettings> & { minSegments?: number, readyTimeoutMs?: number, ffmpeg?: string }} [options]
 * @returns {Promise<Encoder>}
 */
export async function startEncoder(options = {}) {
  const settings = encoderSettings(options);
  const minSegments = options.minSegments ?? 3;
  const readyTimeoutMs = options.readyTimeoutMs ?? 45_000;
  await sweepStaleDirs();
  const outDir = await mkdtemp(join(tmpdir(), DIR_PREFIX));
  const releaseDir = guardDir(outDir);
  await writeFile(join(outDir, OWNER_FILE), String(process.pid));

  const args = ffmpegArgs(outDir, settings);
  const ffmpeg = options.ffmpeg ?? 'ffmpeg';
  // On Linux, setpriv makes the kernel SIGKILL ffmpeg if this process dies, even by SIGKILL.
  const setpriv = process.platform === 'linux' && existsSync('/usr/bin/setpriv');
  const child = setpriv
    ? spawn('/usr/bin/setpriv', ['--pdeathsig', 'SIGKILL', '--', ffmpeg, ...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawn(ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const releaseChild = guardChild(child);

  let stderrTail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (/** @type {string} */ chunk) => {
    stderrTail = (stderrTail + chunk).slice(-4000);
  });
  /** @type {EncoderProgress} */
  let progress = { frame: 0, fps: 0, speed: 0, outTimeMs: 0, lagMs: 0, maxLagMs: 0 };
  /** wall clock and stream time at the first output @type {[number, number] | null} */
  let origin = null;
  /** @type {Record<string, string>} */
  let block = {};
  child.stdout?.setEncoding('utf8');
  let pending = '';
  child.stdout?.on('data', (/** @type {string} */ chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const eq = line.indexOf('=');
      if (eq < 0) continue;
      const key = line.slice(0, eq).trim();
      block[key] = line.slice(eq + 1).trim();
      if (key === 'progress') {
        const outTimeMs = Math.round((Number(block.out_time_us) || 0) / 1000);
        const now = performance.now();
        if (!origin && outTimeMs > 0) origin = [now, outTimeMs];
        const lagMs = origin ? Math.max(0, Math.round(now - origin[0] - (outTimeMs - origin[1]))) : 0;
        progress = {
          frame: Number(block.frame) || 0,
          fps: Number(block.fps) || 0,
          speed: Number.parseFloat(block.speed ?? '') || 0,
          outTimeMs,
          lagMs,
          maxLagMs: Math.max(progress.maxLagMs, lagMs),
        };
        block = {};
      }
    }
  });

  /** @type {Promise<number | null>} */
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? (signal ? null : 0)));
    child.once('error', () => resolve(null));
  });
  let spawnError = /** @type {Error | null} */ (null);
  child.once('error', (error) => {
    spawnError = error;
  });
  let exitedFlag = false;
  exited.then(() => {
    exitedFlag = true;
  });

  /** @type {Promise<void> | null} */
  let stopping = null;
  const stop = () => {
    stopping ??= (async () => {
      if (!exitedFlag) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      releaseChild();
      await rm(outDir, { recursive: true, force: true });
      releaseDir();
    })();
    return stopping;
  };

  const deadline = Date.now() + readyTimeoutMs;
  try {
    for (;;) {
      if (exitedFlag || spawnError) {
        throw new Error(
          `ffmpeg exited before the HLS ladder was ready${spawnError ? `: ${spawnError.message}` : ''}\n${stderrTail}`,
        );
      }
      if (await isReady(outDir, settings, minSegments)) break;
      if (Date.now() > deadline) {
        throw new Error(`HLS ladder not ready after ${readyTimeoutMs} ms (speed ${progress.speed}x)\n${stderrTail}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  } catch (error) {
    await stop();
    throw error;
  }

  const pid = child.pid;
  return { outDir, settings, pid, progress: () => progress, cpuSeconds: () => cpuSeconds(pid), exited, stop };
}

/**
 * CPU time (user + system) a process has used, in seconds; Linux only (null elsewhere).
 * @param {number | undefined} pid
 */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime in USER_HZ (100 on Linux)
  } catch {
    return null;
  }
}

/**
 * Remove output dirs left behind by a run whose Node process was killed (SIGKILL skips all
 * cleanup; the kernel still kills ffmpeg through setpriv's parent-death signal).
 */
async function sweepStaleDirs() {
  const names = await readdir(tmpdir()).catch(() => []);
  for (const name of names.filter((n) => n.startsWith(DIR_PREFIX))) {
    const dir = join(tmpdir(), name);
    const pid = Number(await readFile(join(dir, OWNER_FILE), 'utf8').catch(() => ''));
    if (pid > 0 && !isAlive(pid)) await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/**
 * @param {string} outDir
 * @param {EncoderSettings} settings
 * @param {number} minSegments
 */
async function isReady(outDir, settings, minSegments) {
  if (!existsSync(join(outDir, 'master.m3u8'))) return false;
  for (const r of settings.renditions) {
    const text = await readFile(join(outDir, r.name, 'index.m3u8'), 'utf8').catch(() => '');
    if (countSegments(text) < minSegments) return false;
  }
  return true;
}
