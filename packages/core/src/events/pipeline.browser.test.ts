// The lead-event pipeline in a real browser against the real reference collector: a flush on pagehide, nothing at
// all without consent, composed widget events re-stamped. Offline periods and reloads: pipeline.offline.browser.test.ts.
import { expect } from '@esm-bundle/chai';
import {
  eventually,
  pipelineFor,
  referenceServer,
  storageKeys,
  storedEvents,
  unique,
} from '../test/reference-collector.js';
import { createLeadEvent, type LeadEvent, LeadEventType } from './lead-event.js';

afterEach(() => localStorage.clear());

describe('lead-event pipeline → reference collector', () => {
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
