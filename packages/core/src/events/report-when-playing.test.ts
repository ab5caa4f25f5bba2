// The lazily loaded reporter reports the same views as reportPlayback, including one cut short while it loaded.
import { describe, expect, it, vi } from 'vitest';
import { emptyMetrics, type Metrics } from '../metrics/metrics.js';
import { TypedEmitter, type ViewerEventMap } from '../viewer/events.js';
import type { ViewerState } from '../viewer/state.js';
import type { LeadEvent } from './lead-event.js';
import { reportPlaybackWhenPlaying } from './report-when-playing.js';

class FakeViewer extends TypedEmitter<ViewerEventMap> {
  state: ViewerState = 'idle';
  metrics: Metrics = { ...emptyMetrics(), transport: 'hls' };
  playingQuality: string | undefined;
  set(state: ViewerState) {
    const previous = this.state;
    this.state = state;
    this.emit('statechange', { state, previous });
  }
}

const types = (events: LeadEvent[]) => events.map((e) => e.type);

describe('reportPlaybackWhenPlaying', () => {
  it('starts the view once its code has loaded after the first playing, then reports as usual', async () => {
    const viewer = new FakeViewer();
    const events: LeadEvent[] = [];
    const reporter = reportPlaybackWhenPlaying(viewer, { room: 'r1', emit: (e) => events.push(e) });
    viewer.set('connecting');
    viewer.set('playing');
    await vi.waitFor(() => expect(types(events)).toEqual(['view.started']));
    expect(events[0]).toMatchObject({ room: 'r1', data: { transport: 'hls' } });
    viewer.set('ended');
    expect(types(events)).toEqual(['view.started', 'quality.summary', 'view.ended']);
    reporter.destroy();
    expect(events).toHaveLength(3);
  });

  it('reports nothing for a viewer that never played', async () => {
    const viewer = new FakeViewer();
    const events: LeadEvent[] = [];
    const reporter = reportPlaybackWhenPlaying(viewer, { emit: (e) => events.push(e) });
    viewer.set('connecting');
    viewer.set('error');
    reporter.destroy();
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toEqual([]);
  });

  it('still reports a view whose player was removed before the reporter arrived', async () => {
    const viewer = new FakeViewer();
    const events: LeadEvent[] = [];
    const reporter = reportPlaybackWhenPlaying(viewer, { emit: (e) => events.push(e) });
    viewer.set('playing');
    reporter.destroy(); // same task: the reporter's code is still on its way
    viewer.set('idle');
    await vi.waitFor(() => expect(types(events)).toEqual(['view.started', 'quality.summary', 'view.ended']));
    expect(events[2]!.data).toMatchObject({ reason: 'closed' });
  });
});
