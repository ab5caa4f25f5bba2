// <live-analytics> in Chromium: configured by attributes alone, consent by attribute, events reach the collector.
import { expect } from '@esm-bundle/chai';
import { createLeadEvent, type LeadEvent, LeadEventType } from '@livehook/core';
import { executeServerCommand } from '@web/test-runner-commands';
import { defineAnalytics } from '../registry.js';
import type { LiveAnalytics } from './live-analytics.js';

defineAnalytics();

interface ServerInfo {
  url: string;
  adminToken: string;
}

async function stored(info: ServerInfo, room: string): Promise<LeadEvent[]> {
  const response = await fetch(`${info.url}/api/admin/events?room=${room}`, {
    headers: { Authorization: `Bearer ${info.adminToken}` },
  });
  return ((await response.json()) as { events: LeadEvent[] }).events;
}

afterEach(() => localStorage.clear());

describe('<live-analytics>', () => {
  it('collects widget events only after consent="granted", and pushes them to the dataLayer', async () => {
    const info = (await executeServerCommand('testbed:reference-server')) as ServerInfo;
    const room = `analytics-${Date.now().toString(36)}`;
    const layer: unknown[] = [];
    (window as unknown as { dataLayer: unknown[] }).dataLayer = layer;
    document.body.insertAdjacentHTML(
      'beforeend',
      `<live-analytics endpoint="${info.url}/api/events" room="${room}" consent="required" datalayer flush-interval="60000"></live-analytics>`,
    );
    const element = document.querySelector('live-analytics') as LiveAnalytics;
    const changes: string[] = [];
    element.addEventListener('live-consent-change', (e) =>
      changes.push((e as CustomEvent<{ consent: string }>).detail.consent),
    );
    const click = () =>
      document.body.dispatchEvent(
        new CustomEvent('live-follow-clicked', {
          detail: createLeadEvent({ type: LeadEventType.FollowClicked, data: { widget: 'follow-unlock' } }),
          bubbles: true,
          composed: true,
        }),
      );
    try {
      expect(element.consent).to.equal('pending');
      click();
      expect(layer).to.have.length(0);
      expect(localStorage.length).to.equal(0);

      element.setAttribute('consent', 'granted');
      expect(changes).to.deep.equal(['granted']);
      click();
      expect(layer).to.have.length(1);
      expect(await element.flush()).to.equal(true);
      const events = await stored(info, room);
      expect(events.map((e) => e.type)).to.deep.equal(['follow.clicked']);
      expect(events[0]!.viewer).to.equal(element.viewer);
      expect(localStorage.getItem('livehook:viewer')).to.equal(element.viewer);
    } finally {
      element.remove();
    }
    expect(element.pipeline).to.equal(undefined); // released with the element
  });
  it('takes consent as a property too, the way React 19 and Vue set it, without throwing on a wrong value', async () => {
    const info = (await executeServerCommand('testbed:reference-server')) as ServerInfo;
    const element = document.createElement('live-analytics') as LiveAnalytics;
    element.setAttribute('endpoint', `${info.url}/api/events`);
    (element as unknown as { consent: string }).consent = 'required'; // before it is in the page, as React does
    document.body.append(element);
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      expect(element.getAttribute('consent')).to.equal('required');
      expect(element.consent).to.equal('pending');
      (element as unknown as { consent: string }).consent = 'granted';
      expect(element.consent).to.equal('granted');
      (element as unknown as { consent: string }).consent = 'sure';
      expect(element.getAttribute('consent')).to.equal('granted');
      expect(String(errors[0])).to.include('consent must be required, granted or denied');
    } finally {
      console.error = original;
      element.remove();
    }
  });
});
