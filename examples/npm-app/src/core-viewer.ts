// The core API on a plain <video>: no element, no UI from LiveHook. The page renders the Viewer's
// state, its quality list (a <select> that switches) and its metrics.
import { type Metrics, type Quality, type QualityChoice, Viewer } from '@livehook/core';
import { label } from './labels.js';

export interface CoreViewerUi {
  video: HTMLVideoElement;
  state: HTMLOutputElement;
  quality: HTMLSelectElement;
  metrics: HTMLOutputElement;
}

export function startCoreViewer(src: string, ui: CoreViewerUi): Viewer {
  const viewer = new Viewer(ui.video, { sources: [src], autoplay: true, muted: true });

  viewer.on('statechange', ({ state }) => {
    ui.state.value = state; // connecting → playing, stalled, reconnecting, …
  });
  viewer.on('qualitychange', ({ qualities, choice }) => renderQualities(ui.quality, qualities, choice));
  viewer.on('metrics', ({ metrics }) => {
    ui.metrics.value = describeMetrics(metrics);
  });
  viewer.on('error', ({ error }) => {
    ui.state.value = `error: ${error.message}`;
  });
  ui.quality.addEventListener('change', () => viewer.setQuality(ui.quality.value));

  viewer.load();
  return viewer;
}

function renderQualities(select: HTMLSelectElement, qualities: readonly Quality[], choice: QualityChoice): void {
  const options = [{ id: 'auto', label: label('auto') }, ...qualities];
  select.replaceChildren(...options.map(({ id, label }) => new Option(label, id, false, id === choice)));
}

function describeMetrics(m: Readonly<Metrics>): string {
  const parts = [
    m.timeToFirstFrame !== undefined && `first frame ${Math.round(m.timeToFirstFrame)} ms`,
    m.width && m.height && `${m.width}×${m.height}`,
    m.bitrate && `${Math.round(m.bitrate / 1000)} kb/s`,
    m.latency !== undefined && `${m.latency.toFixed(1)} s behind live`,
    `${m.rebufferCount} rebuffers`,
  ];
  return parts.filter(Boolean).join(' · ');
}
