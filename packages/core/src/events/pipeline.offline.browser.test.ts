// The lead-event pipeline through real offline periods and "reloads" against the real reference collector:
// nothing lost, nothing stored twice. Its own file because only the Playwright and Puppeteer launchers can emulate
// offline (Chromium, Firefox): classic WebDriver (the WebKitGTK run) cannot, so that config leaves it out.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  eventually,
  pipelineFor,
  referenceServer,
  storageKeys,
  storedEvents,
  unique,
} from '../test/reference-collector.js';
import { LeadEventType } from './lead-event.js';
import type { createLeadPipeline } from './pipeline.js';

/** Real browser offline emulation for `ms` (the page keeps running; `offline`/`online` events fire). */
const goOffline = (ms: number) => executeServerCommand('testbed:offline', { offline: true, ms });

afterEach(() => localStorage.clear());

describe('lead-event pipeline → reference collector, offline', () => {
  it('delivers 1,000 events across 20 offline/online flips and 5 reloads: 0 lost, 0 duplicates stored', async function () {
    this.timeout(180_000);
    const room = unique('durability');
    const storageKey = unique('q');
    const sent = new Set<string>();
    await referenceServer();
    const seen = { failures: 0, duplicatesDropped: 0, restored: [] as number[] };
    const watch = (p: ReturnType<typeof createLeadPipeline>) => {
      p.on('error', () => seen.failures++);
      p.on('sent', ({ answer }) => (seen.duplicatesDropped += answer?.duplicates ?? 0));
      return p;
    };
    let pipeline = watch(await pipelineFor(room, storageKey));
    let generated = 0;
    let reloads = 0;
    let flips = 0;
    const track = (n: number) => {
      for (let k = 0; k < n && generated < 1000; k++, generated++) {
        const event = pipeline.track(generated % 3 === 0 ? 'custom.step' : LeadEventType.ProductClicked, {
          i: generated,
        });
        if (!event) throw new Error(`event ${generated} was not accepted`);
        sent.add(event.id);
      }
    };
    // A "reload": the pipeline is torn down with whatever it had in flight, every reference dropped,
    // and a new one starts over the same storage. Nothing of the old instance survives but storage.
    const reload = async () => {
      pipeline.destroy();
      pipeline = watch(await pipelineFor(room, storageKey));
      seen.restored.push(pipeline.stats.queued);
      reloads++;
    };

    for (let period = 0; period < 10; period++) {
      // Online: 50 events in bursts of 10, batches leaving between them.
      for (let burst = 0; burst < 5; burst++) {
        track(10);
        await new Promise((r) => setTimeout(r, 20));
      }
      // Offline for 400 ms while the page keeps producing events (and, every other time, reloads mid-outage).
      const target = generated + 50;
      const producer = setInterval(() => track(Math.min(6, target - generated - 5)), 40);
      const outage = goOffline(400);
      flips += 2; // offline, then online again
      if (period % 2 === 1) {
        await eventually(() => !navigator.onLine, 'the outage to start', 10_000);
        track(5);
        await reload();
      }
      await outage;
      clearInterval(producer);
      track(target - generated); // the rest of this period's 50, right as the network returns
    }
    expect(generated).to.equal(1000);
    expect(sent.size).to.equal(1000);
    expect(flips).to.equal(20);
    expect(reloads).to.equal(5);
    pipeline.destroy();
    // The outages and reloads really happened where it hurts: sends failed, reloads found a backlog.
    expect(seen.failures, 'failed sends').to.be.above(0);
    expect(
      seen.restored.every((n) => n > 0),
      `events restored per reload: ${seen.restored}`,
    ).to.equal(true);
    console.info(
      `durability: ${seen.failures} failed sends, backlog per reload ${seen.restored}, ${seen.duplicatesDropped} re-sent duplicates dropped by the collector`,
    );

    // The last page load sends what is left.
    const last = await pipelineFor(room, storageKey);
    await eventually(() => last.stats.queued === 0, 'the queue to drain', 60_000);
    last.destroy();

    const stored = await storedEvents(room);
    const ids = stored.map((e) => e.id);
    expect(new Set(ids).size, 'duplicates stored').to.equal(ids.length);
    expect(
      ids.filter((id) => !sent.has(id)),
      'events nobody sent',
    ).to.deep.equal([]);
    expect([...sent].filter((id) => !ids.includes(id)).length, 'events lost').to.equal(0);
    expect(ids.length).to.equal(1000);
    expect(storageKeys().filter((k) => k.startsWith(`${storageKey}:q:`))).to.deep.equal([]);
  });
});
