// @ts-check
// Packet-level network faults on loopback, for WebRTC tests that browser offline emulation cannot reach:
// `cut` drops every TCP/UDP packet to and from given loopback ports, `degrade` drops a random share of them
// (iptables; this kernel has no tc netem). Linux, root. Only packets on the loopback interface to or from
// 127.0.0.1:<port> are ever matched, every rule lives in a chain named after this process, and everything is removed
// on restore, on a timer, and on exit.
import { execFileSync } from 'node:child_process';

/**
 * @typedef {object} PortSet
 * @property {number[]} [tcp]
 * @property {number[]} [udp]
 */

const CHAIN = `LH_NETFAULT_${process.pid}`;
const CHAIN_PREFIX = 'LH_NETFAULT_';
let chainReady = false;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let healTimer;
let exitHookInstalled = false;

/** @param {string} bin @param {string[]} args */
function run(bin, args) {
  return execFileSync(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
}

/** @param {string} bin @param {string[]} args */
function tryRun(bin, args) {
  try {
    run(bin, args);
    return true;
  } catch {
    return false;
  }
}

/** @param {unknown} port */
function checkPort(port) {
  const n = Number(port);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`netfault: bad port ${port}`);
  return String(n);
}

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => restoreSync()); // a SIGKILLed process leaves a chain: the next run removes it
}

/** Chains left behind by test processes that died without cleaning up (SIGKILL). */
function removeStaleChains() {
  let rules = '';
  try {
    rules = run('iptables', ['-S']);
  } catch {
    return;
  }
  const chains = new Set([...rules.matchAll(new RegExp(`-N (${CHAIN_PREFIX}(\\d+))`, 'g'))].map((m) => m[1]));
  for (const chain of chains) {
    const pid = Number(chain.slice(CHAIN_PREFIX.length));
    if (pid === process.pid || isAlive(pid)) continue;
    removeChain(chain);
  }
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** @param {string} chain */
function removeChain(chain) {
  while (tryRun('iptables', ['-D', 'INPUT', '-i', 'lo', '-j', chain])) {
    /* every jump into it */
  }
  tryRun('iptables', ['-F', chain]);
  tryRun('iptables', ['-X', chain]);
}

function ensureChain() {
  if (chainReady) return;
  installExitHook();
  removeStaleChains();
  tryRun('iptables', ['-N', CHAIN]);
  run('iptables', ['-F', CHAIN]);
  if (!tryRun('iptables', ['-C', 'INPUT', '-i', 'lo', '-j', CHAIN])) {
    run('iptables', ['-I', 'INPUT', '1', '-i', 'lo', '-j', CHAIN]);
  }
  chainReady = true;
}

/**
 * Both directions of a server port on 127.0.0.1, whatever the other end's address: Firefox sends ICE from its
 * non-loopback host candidates (e.g. 192.0.2.2 → 127.0.0.1, still over `lo`), which a `127.0.0.1 → 127.0.0.1`
 * match would let through.
 * @param {'tcp' | 'udp'} proto @param {string} port
 */
function serverRules(proto, port) {
  return [
    ['-A', CHAIN, '-p', proto, '-d', '127.0.0.1', '--dport', port],
    ['-A', CHAIN, '-p', proto, '-s', '127.0.0.1', '--sport', port],
  ];
}

/**
 * Drops every packet to or from the given loopback ports, both directions, until `restore()` or
 * `durationMs` has passed (the heal timer runs in this process, so a crashed test cannot leave a cut).
 * @param {{ ports: PortSet, durationMs?: number }} options
 */
export function cut({ ports, durationMs }) {
  ensureChain();
  run('iptables', ['-F', CHAIN]);
  for (const proto of /** @type {const} */ (['tcp', 'udp'])) {
    for (const port of ports[proto] ?? []) {
      const p = checkPort(port);
      for (const rule of serverRules(proto, p)) run('iptables', [...rule, '-j', 'DROP']);
    }
  }
  scheduleHeal(durationMs);
  return { cut: ports, until: durationMs ? Date.now() + durationMs : null };
}

/**
 * Drops a random share of the packets to and from the given loopback ports (iptables `statistic`), both
 * directions, until `restore()` or `durationMs`. Loss only: this machine's kernel has no `netem`, so no delay.
 * @param {{ ports: PortSet, lossPercent: number, durationMs?: number }} options
 */
export function degrade({ ports, lossPercent, durationMs }) {
  const probability = Math.min(100, Math.max(0, Number(lossPercent))) / 100;
  if (!Number.isFinite(probability)) throw new Error(`netfault: bad lossPercent ${lossPercent}`);
  ensureChain();
  run('iptables', ['-F', CHAIN]);
  for (const proto of /** @type {const} */ (['tcp', 'udp'])) {
    for (const port of ports[proto] ?? []) {
      const p = checkPort(port);
      const random = ['-m', 'statistic', '--mode', 'random', '--probability', String(probability), '-j', 'DROP'];
      for (const rule of serverRules(proto, p)) run('iptables', [...rule, ...random]);
    }
  }
  scheduleHeal(durationMs);
  return { degraded: ports, lossPercent };
}

/** @param {number | undefined} durationMs */
function scheduleHeal(durationMs) {
  clearTimeout(healTimer);
  healTimer = undefined;
  if (durationMs && durationMs > 0) healTimer = setTimeout(() => restoreSync(), Math.min(durationMs, 5 * 60_000));
}

/** Removes every rule and qdisc this process added. Safe to call any time, any number of times. */
export function restoreSync() {
  clearTimeout(healTimer);
  healTimer = undefined;
  if (chainReady) {
    removeChain(CHAIN);
    chainReady = false;
  }
  return { restored: true };
}

/** What is in place now, for debugging. */
export function status() {
  return {
    chain: chainReady ? tryOutput('iptables', ['-S', CHAIN]) : null,
  };
}

/** @param {string} bin @param {string[]} args */
function tryOutput(bin, args) {
  try {
    return run(bin, args);
  } catch (error) {
    return String(/** @type {Error} */ (error).message);
  }
}

/**
 * The test-runner command: `executeServerCommand('testbed:netfault', { action, … })`.
 * @param {any} payload
 */
export function netfaultCommand(payload) {
  const { action, ...options } = payload ?? {};
  if (action === 'cut') return cut(options);
  if (action === 'degrade') return degrade(options);
  if (action === 'restore') return restoreSync();
  if (action === 'status') return status();
  throw new Error(`netfault: unknown action "${action}"; known: cut, degrade, restore, status`);
}
