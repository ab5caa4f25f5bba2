// @ts-check
// One job: make sure no ffmpeg (or temp dir) outlives this Node process, however it ends.
// `stop()` is the normal path; these handlers only catch 'exit' and termination signals.
import { rmSync } from 'node:fs';

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
/** @type {Set<string>} */
const dirs = new Set();
let installed = false;

function cleanupNow() {
  for (const child of children) {
    try {
      child.kill('SIGKILL');
    } catch {}
  }
  children.clear();
  for (const dir of dirs) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {}
  }
  dirs.clear();
}

/** @param {NodeJS.Signals} signal */
function onSignal(signal) {
  cleanupNow();
  // If nobody else handles this signal, keep its default meaning: end the process.
  if (process.listenerCount(signal) === 1) {
    process.removeListener(signal, onSignal);
    process.kill(process.pid, signal);
  }
}

function install() {
  if (installed) return;
  installed = true;
  process.on('exit', cleanupNow);
  for (const signal of /** @type {NodeJS.Signals[]} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) process.on(signal, onSignal);
}

/**
 * Kill this child if the process exits or is told to terminate. Returns a release function.
 * @param {import('node:child_process').ChildProcess} child
 */
export function guardChild(child) {
  install();
  children.add(child);
  child.once('exit', () => children.delete(child));
  return () => {
    children.delete(child);
  };
}

/**
 * Remove this directory if the process exits or is told to terminate. Returns a release function.
 * @param {string} dir
 */
export function guardDir(dir) {
  install();
  dirs.add(dir);
  return () => {
    dirs.delete(dir);
  };
}
