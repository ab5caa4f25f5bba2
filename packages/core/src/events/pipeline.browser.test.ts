// The lead-event pipeline in real Chromium against the real reference collector: nothing lost across
// offline periods and "reloads", nothing stored twice, a flush on pagehide, and nothing at all without consent.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { exponentialBackoff } from '../policy/retry.js';
import { createLeadEvent, type LeadEvent, LeadEventType } from './lead-event.js';
import { createLeadPipeline, type LeadPipelineOptions } from './pipeline.js';

interface ServerInfo {
  url: string;
  adminToken: string;
}

let info: Promise<ServerInfo> | undefined;
const referenceServer = () => (info ??= executeServerCommand('testbed:reference-server') as Promise<ServerInfo>);
/** Real browser offline emulation for `ms` (the page keeps running; `offline`/`online` events fire). */
const goOffline = (ms: number) => executeServerCommand('testbed:offline', { offline: true, ms });

let counter = 0;
const unique = (name: string) => `${name}-${Date.now().toString(36)}-${counter++}`;

async function storedEvents(room: string): Promise<LeadEvent[]> {
  const { url, adminToken } = await referenceServer();
  const response = await fetch(`${url}/api/admin/events?room=${encodeURIComponent(room)}`, {
    headers: { Authorization: `Bearer ${adminToken}` },
  });
  if (!response.ok) throw new Error(`admin/events answered ${response.status}`);
  return ((await response.json()) as { events: LeadEvent[] }).events;
}

/** Polls an async or sync check until it is true or the deadline passes. */
async function eventually(check: () => boolean | Promise<boolean>, what: string, timeout = 30_000): Promise<void> {
  const deadline = performance.now() + timeout;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function storageKeys(): string[] {
  return Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)!).filter(Boolean);
}

async function pipelineFor(room: string, storageKey: string, extra: Partial<LeadPipelineOptions> = {}) {
  const { url } = await referenceServer();
  return createLeadPipeline({
    endpoint: `${url}/api/events`,
    room,
    storageKey,
    collect: false,
    http: {
      flushInterval: 100,
      maxBatchEvents: 50,
      // Short backoff so 20 offline periods fit in a test; production waits 1 s … 60 s.
      retry: exponentialBackoff({ initial: 50, max: 400, jitter: 0.3 }),
      timeout: 5_000,
    },
    ...extra,
  });
}

afterEach(() => localStorage.clear());

describe('lead-event pipeline → reference collector', () => {
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

  it('flushes a batch with keepalive on pagehide, within the 64 KB budget', async () => {
    const room = unique('pagehide');
    const pipeline = await pipelineFor(room, unique('q'), { http: { flushInterval: 600_000, maxBatchEvents: 1000 } });
    const requests: RequestInit[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      if (init?.keepalive) requests.push(init);
      return realFetch(input, init);
    };
    try {
      const ids = Array.from({ length: 3 }, (_, i) => pipeline.track('custom.before-leaving', { i })!.id);
      expect(await storedEvents(room)).to.have.length(0); // the timer would wait ten minutes
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
      await eventually(
        async () => (await storedEvents(room)).length === 3,
        'the pagehide batch at the collector',
        10_000,
      );
      expect((await storedEvents(room)).map((e) => e.id).sort()).to.deep.equal(ids.sort());
      expect(requests).to.have.length(1);
      expect(requests[0]!.keepalive).to.equal(true);
      await eventually(() => pipeline.stats.queued === 0, 'the acknowledged events to leave the queue');

      // A big backlog: one exit request stays under 64 KB; the rest stays queued for the next page.
      for (let i = 0; i < 400; i++) pipeline.track('custom.backlog', { i, pad: 'x'.repeat(200) });
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
      expect(requests).to.have.length(2);
      expect(new Blob([requests[1]!.body as string]).size).to.be.below(64 * 1024);
      await eventually(() => pipeline.stats.queued < 400, 'the exit batch to be acknowledged');
      expect(pipeline.stats.queued).to.be.above(0);
    } finally {
      window.fetch = realFetch;
      pipeline.destroy();
    }
  });

  it('with consent required, stores and sends nothing and has no viewer id until granted; revoking clears both', async () => {
    const room = unique('consent');
    const storageKey = unique('q');
    const { url } = await referenceServer();
    const calls: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      calls.push(String(input));
      return realFetch(input, init);
    };
    const beacon = navigator.sendBeacon;
    navigator.sendBeacon = (target: string | URL, data?: BodyInit | null) => {
      calls.push(String(target));
      return beacon.call(navigator, target, data);
    };
    const pipeline = await pipelineFor(room, storageKey, {
      consent: 'required',
      collect: true,
      http: { flushInterval: 600_000 },
    });
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const button = document.createElement('button');
    root.append(button);
    const widgetEvent = () =>
      button.dispatchEvent(
        new CustomEvent('live-follow-clicked', {
          detail: createLeadEvent({ type: LeadEventType.FollowClicked, data: { widget: 'follow-unlock' } }),
          bubbles: true,
          composed: true,
        }),
      );
    try {
      expect(pipeline.consent).to.equal('pending');
      expect(pipeline.track('custom.before-consent')).to.equal(undefined);
      widgetEvent();
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      expect(await pipeline.flush()).to.equal(false);
      expect(pipeline.viewer).to.equal(undefined);
      expect(pipeline.stats).to.include({ accepted: 0, queued: 0 });
      expect(storageKeys(), 'localStorage').to.deep.equal([]);
      expect(await indexedDB.databases(), 'IndexedDB').to.deep.equal([]);
      expect(
        calls.filter((c) => c.startsWith(url)),
        'requests to the collector',
      ).to.deep.equal([]);
      expect(await storedEvents(room)).to.have.length(0);

      pipeline.grantConsent();
      const viewer = pipeline.viewer!;
      expect(viewer).to.match(/^[0-9a-f-]{36}$/);
      expect(localStorage.getItem('livehook:viewer')).to.equal(viewer);
      pipeline.track('custom.after-consent');
      widgetEvent();
      expect(await pipeline.flush()).to.equal(true);
      const stored = await storedEvents(room);
      expect(stored.map((e) => e.type).sort()).to.deep.equal(['custom.after-consent', 'follow.clicked']);
      for (const e of stored) expect(e).to.include({ viewer, session: pipeline.session, room });

      // Queued (the next batch is minutes away), then revoked.
      pipeline.track('custom.queued-then-revoked');
      expect(storageKeys().some((k) => k.startsWith(`${storageKey}:q:`))).to.equal(true);
      pipeline.revokeConsent();
      expect(pipeline.consent).to.equal('denied');
      expect(pipeline.viewer).to.equal(undefined);
      expect(storageKeys(), 'localStorage after revoking').to.deep.equal([]);
      expect(pipeline.track('custom.after-revoke')).to.equal(undefined);
      expect(await pipeline.flush()).to.equal(false);
      expect((await storedEvents(room)).map((e) => e.type)).to.not.include('custom.queued-then-revoked');
    } finally {
      window.fetch = realFetch;
      navigator.sendBeacon = beacon;
      pipeline.destroy();
      host.remove();
    }
  });

  it('collects composed widget events at the document and re-stamps session and viewer', async () => {
    const room = unique('collect');
    const seen: LeadEvent[] = [];
    const layer: unknown[] = [];
    (window as unknown as { testLayer: unknown[] }).testLayer = layer;
    const dom: LeadEvent[] = [];
    const onDom = (e: Event) => dom.push((e as CustomEvent<LeadEvent>).detail);
    document.addEventListener('live-lead', onDom);
    const pipeline = await pipelineFor(room, unique('q'), {
      collect: true,
      dataLayer: 'testLayer',
      domEvents: true,
      onEvent: (e) => seen.push(e),
    });
    const host = document.createElement('section');
    document.body.append(host);
    const inner = host.attachShadow({ mode: 'closed' });
    const target = document.createElement('span');
    inner.append(target);
    try {
      const original = createLeadEvent({
        type: LeadEventType.RewardUnlocked,
        data: { widget: 'follow-unlock' },
        viewer: 'forged-viewer-id',
      });
      // A listener that stops propagation must not hide the event from the pipeline.
      host.addEventListener('live-reward-unlocked', (e) => e.stopPropagation());
      target.dispatchEvent(
        new CustomEvent('live-reward-unlocked', { detail: original, bubbles: true, composed: true }),
      );
      document.dispatchEvent(
        new CustomEvent('live-track', { detail: { type: 'custom.host-page', data: { sku: 'TEA-1' } } }),
      );
      expect(seen.map((e) => e.type)).to.deep.equal(['reward.unlocked', 'custom.host-page']);
      expect(seen[0]).to.include({ id: original.id, session: pipeline.session, viewer: pipeline.viewer, room });
      expect(layer).to.deep.equal(seen.map((e) => ({ event: `livehook.${e.type}`, livehook: e })));
      expect(dom).to.deep.equal(seen);
      // The same event collected twice is queued once.
      target.dispatchEvent(
        new CustomEvent('live-reward-unlocked', { detail: original, bubbles: true, composed: true }),
      );
      expect(seen).to.have.length(2);
      expect(await pipeline.flush()).to.equal(true);
      expect((await storedEvents(room)).map((e) => e.id).sort()).to.deep.equal(seen.map((e) => e.id).sort());
    } finally {
      document.removeEventListener('live-lead', onDom);
      pipeline.destroy();
      host.remove();
    }
  });
});
