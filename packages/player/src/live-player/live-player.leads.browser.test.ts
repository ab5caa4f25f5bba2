// <live-player> reports the viewing itself as lead events, collected by a real lead-event pipeline.
import { expect } from '@esm-bundle/chai';
import { createLeadPipeline, type LeadEvent } from '@livehook/core';
import { addPlayer, channel, masterUrl, removePlayers, waitFor, waitForState } from '../test/fixture.js';

describe('<live-player> lead events', function () {
  this.timeout(120_000);
  afterEach(() => removePlayers());

  it('a view is started, reported and ended through the pipeline, with the room', async () => {
    const seen: LeadEvent[] = [];
    const pipeline = createLeadPipeline({ consent: 'granted', storage: 'memory', onEvent: (e) => seen.push(e) });
    try {
      const player = addPlayer({
        src: await masterUrl(channel('leads')),
        autoplay: true,
        muted: true,
        room: 'spring-sale',
      });
      await waitForState(player, 'playing');
      await waitFor('view.started', () => seen.some((e) => e.type === 'view.started'));
      const started = seen.find((e) => e.type === 'view.started')!;
      expect(started.room).to.equal('spring-sale');
      expect(started.session).to.equal(pipeline.session);
      removePlayers();
      await waitFor('view.ended', () => seen.some((e) => e.type === 'view.ended'));
      const ended = seen.find((e) => e.type === 'view.ended')!;
      expect(ended.data).to.have.property('view', started.data.view);
    } finally {
      pipeline.destroy();
    }
  });
});
