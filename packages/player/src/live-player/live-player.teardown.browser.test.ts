// Removing players tears everything down: hls.js, every MediaSource, timers, listeners, network.
import { expect } from '@esm-bundle/chai';
import { channel, hlsOrigin, masterUrl, sleep, waitFor } from '../test/fixture.js';
import type { LivePlayer } from './live-player.js';

/** Timers created by LiveHook, Lit or hls.js (not by the test framework), by id, with where they came from. */
function instrumentTimers() {
  const ours = (stack = new Error().stack ?? '') => {
    const callers = stack.split('\n').slice(3); // below ours() and the wrapper
    return !/\/test\/|\.test\.ts/.test(callers[0] ?? '') && /packages\/|hls|lit/.test(callers.join('\n'));
  };
  const intervals = new Set<number>();
  const pendingTimeouts = new Set<number>();
  let timeoutsCreated = 0;
  const stacks: string[] = [];
  const { setInterval: si, clearInterval: ci, setTimeout: st, clearTimeout: ct } = window;
  window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = si(handler, ms, ...args);
    if (ours()) intervals.add(id);
    return id;
  }) as typeof window.setInterval;
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const track = ours();
    const id: number = st(
      (...a: unknown[]) => {
        pendingTimeouts.delete(id);
        if (typeof handler === 'function') handler(...a);
      },
      ms,
      ...args,
    );
    if (track) {
      pendingTimeouts.add(id);
      timeoutsCreated++;
      stacks.push(`${ms} ms ${new Error().stack?.split('\n').slice(2, 7).join(' | ')}`);
    }
    return id;
  }) as typeof window.setTimeout;
  const clear = (id?: number) => {
    if (id === undefined) return;
    intervals.delete(id);
    pendingTimeouts.delete(id);
  };
  window.clearInterval = ((id?: number) => {
    clear(id);
    ci(id);
  }) as typeof window.clearInterval;
  window.clearTimeout = ((id?: number) => {
    clear(id);
    ct(id);
  }) as typeof window.clearTimeout;
  return {
    intervals,
    pendingTimeouts,
    created: () => timeoutsCreated,
    stacks,
    restore() {
      Object.assign(window, { setInterval: si, clearInterval: ci, setTimeout: st, clearTimeout: ct });
    },
  };
}

function instrumentMediaSource() {
  const Original = window.MediaSource;
  const created: MediaSource[] = [];
  class TrackedMediaSource extends Original {
    constructor() {
      super();
      created.push(this);
    }
  }
  window.MediaSource = TrackedMediaSource;
  return { created, restore: () => (window.MediaSource = Original) };
}

describe('<live-player> teardown', function () {
  this.timeout(240_000);

  before(async function () {
    this.timeout(180_000);
    await hlsOrigin();
  });

  it('removing 50 players leaves no live MediaSource, interval, timer loop or request behind', async () => {
    const sources = instrumentMediaSource();
    const timers = instrumentTimers();
    const box = document.createElement('div');
    document.body.append(box);
    try {
      const src = await masterUrl(channel('fifty'));
      const players: LivePlayer[] = [];
      for (let i = 0; i < 50; i++) {
        const player = document.createElement('live-player');
        player.src = src;
        player.controls = true;
        player.style.width = '128px';
        box.append(player);
        players.push(player);
      }
      // Every player has its stream attached and buffering (50 hls.js instances, 50 MediaSources).
      await waitFor('50 players ready', () => players.every((p) => p.state === 'paused'), 120_000);
      await waitFor(
        '50 open MediaSources with data',
        () => sources.created.filter((m) => m.readyState === 'open' && m.sourceBuffers.length > 0).length >= 50,
        60_000,
      );
      expect(timers.intervals.size, 'intervals while playing').to.be.greaterThan(0);
      const videos = players.map((p) => p.shadowRoot!.querySelector('video')!);

      box.remove();
      const removedAt = performance.now();

      await waitFor('every MediaSource closed', () => sources.created.every((m) => m.readyState === 'closed'), 10_000);
      expect(players.every((p) => p.viewer === undefined && p.state === 'idle')).to.equal(true);
      expect(videos.every((v) => !v.src && v.readyState === 0)).to.equal(true);
      expect([...timers.intervals], 'intervals left running').to.deep.equal([]);

      // Pending one-shot timers may still fire once; what must not happen is anything re-arming itself.
      await sleep(4000);
      const createdAfterSettle = timers.created();
      await sleep(4000);
      const lateTimers = timers.stacks.slice(createdAfterSettle);
      expect(lateTimers, 'timers created by code that should be gone').to.deep.equal([]);
      expect([...timers.intervals]).to.deep.equal([]);
      const origin = (await hlsOrigin()).origin;
      const late = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.startsWith(origin) && e.startTime > removedAt + 500);
      expect(
        late.map((e) => e.name),
        'requests after removal',
      ).to.deep.equal([]);
    } finally {
      timers.restore();
      sources.restore();
      box.remove();
    }
  });
});
