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
});
