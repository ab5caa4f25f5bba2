// The playback reporter against a fake Viewer and fake timers: only time in `playing` counts as watched.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Cue } from '../cues/cue.js';
import { emptyMetrics, type Metrics } from '../metrics/metrics.js';
import { TypedEmitter, type ViewerEventMap } from '../viewer/events.js';
import type { ViewerState } from '../viewer/state.js';
import type { LeadEvent } from './lead-event.js';
import { reportPlayback } from './playback-reporter.js';

class FakeViewer extends TypedEmitter<ViewerEventMap> {
  state: ViewerState = 'idle';
  metrics: Metrics = { ...emptyMetrics(), transport: 'hls' };
  playingQuality: string | undefined;
  set(state: ViewerState) {
    const previous = this.state;
    this.state = state;
    this.emit('statechange', { state, previous });
  }
  send<K extends keyof ViewerEventMap>(type: K, detail: ViewerEventMap[K]) {
    this.emit(type, detail);
  }
}

beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'performance'] }));
afterEach(() => vi.useRealTimers());

describe('reportPlayback', () => {
  it('reports a view: start, heartbeats of seconds actually played, cues, quality summary, end', () => {
    const viewer = new FakeViewer();
    const events: LeadEvent[] = [];
    const reporter = reportPlayback(viewer, { room: 'r1', emit: (e) => events.push(e), heartbeat: 15 });
    viewer.set('connecting');
    expect(events).toHaveLength(0);
    viewer.set('playing');
    expect(events.map((e) => e.type)).toEqual(['view.started']);
    const view = events[0]!.data.view;

    vi.advanceTimersByTime(15_000);
    expect(events[1]).toMatchObject({ type: 'watch.progress', room: 'r1', data: { view, seconds: 15, total: 15 } });

    // 5 s playing, 20 s stalled (not watched), then playing again.
    vi.advanceTimersByTime(5_000);
    viewer.set('stalled');
    vi.advanceTimersByTime(10_000); // t=30: a heartbeat with the 5 s played
    vi.advanceTimersByTime(10_000);
    viewer.metrics = { ...viewer.metrics, rebufferCount: 1, rebufferTime: 20_000 };
    viewer.set('playing');
    vi.advanceTimersByTime(10_000); // t=45: 5 s played since t=40; 5 more by t=50
    const progress = events.filter((e) => e.type === 'watch.progress').map((e) => e.data.seconds);
    expect(progress).toEqual([15, 5, 5]);

    const cue: Cue = { v: 1, id: 'c1', type: 'widget.show', target: 'group-qr', source: 'hls-daterange' };
    viewer.send('cue', { cue });
    expect(events.at(-1)).toMatchObject({
      type: 'cue.received',
      data: { cueId: 'c1', cueType: 'widget.show', target: 'group-qr' },
    });

    viewer.send('qualitychange', { qualities: [], choice: 'auto', playing: '720p' });
    viewer.send('qualitychange', { qualities: [], choice: 'auto', playing: '480p' });
    vi.advanceTimersByTime(2_000);
    viewer.set('ended');
    const tail = events.slice(-3);
    expect(tail.map((e) => e.type)).toEqual(['watch.progress', 'quality.summary', 'view.ended']);
    expect(tail[0]!.data.seconds).toBe(7);
    expect(tail[1]!.data).toMatchObject({
      view,
      transport: 'hls',
      rebufferCount: 1,
      rebufferSeconds: 20,
      qualitySwitches: 1,
    });
    expect(tail[2]!.data).toEqual({ view, reason: 'ended', seconds: 32 });

    const count = events.length;
    vi.advanceTimersByTime(60_000);
    reporter.destroy();
    expect(events).toHaveLength(count); // nothing after the end
  });

  it('ends the view on destroy, and dispatches live-playback from a target', () => {
    const viewer = new FakeViewer();
    viewer.state = 'playing';
    const target = new EventTarget();
    const seen: string[] = [];
    target.addEventListener('live-playback', (e) => seen.push((e as CustomEvent<LeadEvent>).detail.type));
    const reporter = reportPlayback(viewer, { target });
    vi.advanceTimersByTime(3_000);
    reporter.destroy();
    expect(seen).toEqual(['view.started', 'watch.progress', 'quality.summary', 'view.ended']);
  });
});
