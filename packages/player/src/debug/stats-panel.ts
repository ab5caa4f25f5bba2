// The `debug` stats panel: which transport is live (LiveKit or HLS) and its numbers. For developers and
// support, never in the viewer's face: it renders only while the `debug` attribute is set.
import type { Viewer } from '@livehook/core';
import { adoptStyles, css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';

export type StatsHost = ReactiveControllerHost & {
  debug: boolean;
  viewer: Viewer | undefined;
  renderRoot: HTMLElement | DocumentFragment;
};

/** Adds the panel's stylesheet to the host's shadow root (next to the sheets already there) and starts the panel. */
export function attachStatsPanel(host: StatsHost): StatsPanel {
  const root = host.renderRoot;
  const sheet = statsPanelStyles.styleSheet;
  // Appended, not replaced: the quality menu may have added its own. Lit's adoptStyles appends a <style> (with the
  // page's nonce) where constructable stylesheets are missing.
  if (root instanceof ShadowRoot) {
    if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    else adoptStyles(root, [statsPanelStyles]);
  }
  return new StatsPanel(host);
}

/** Re-renders the host once a second while the panel is open, so the numbers move. */
export class StatsPanel implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly host: StatsHost) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.host.debug && !this.timer) this.timer = setInterval(() => this.host.requestUpdate(), 1000);
    if (!this.host.debug) this.stop();
  }

  hostDisconnected(): void {
    this.stop();
  }

  render() {
    const viewer = this.host.viewer;
    if (!this.host.debug || !viewer) return nothing;
    const m = viewer.metrics;
    const rows: [string, string | undefined][] = [
      ['transport', m.transport],
      ['state', viewer.state],
      ['quality', viewer.playingQuality && `${viewer.playingQuality} (${viewer.quality})`],
      ['size', m.width && m.height ? `${m.width}×${m.height}` : undefined],
      ['bitrate', m.bitrate ? `${Math.round(m.bitrate / 1000)} kbps` : undefined],
      ['first frame', m.timeToFirstFrame !== undefined ? `${m.timeToFirstFrame} ms` : undefined],
      ['latency', m.latency !== undefined ? `${Math.round(m.latency * 1000)} ms` : undefined],
      ['loss', m.packetLoss !== undefined ? `${(m.packetLoss * 100).toFixed(1)} %` : undefined],
      ['jitter', m.jitter !== undefined ? `${Math.round(m.jitter * 1000)} ms` : undefined],
      ['rebuffers', `${m.rebufferCount} (${m.rebufferTime} ms)`],
      ['dropped', m.droppedFrames !== undefined ? `${m.droppedFrames} / ${m.decodedFrames ?? 0}` : undefined],
      ['viewers', viewer.viewers !== undefined ? String(viewer.viewers) : undefined],
    ];
    return html`<dl class="stats" part="stats" aria-hidden="true">
      ${rows.filter(([, value]) => value !== undefined).map(([name, value]) => html`<dt>${name}</dt><dd data-stat=${name}>${value}</dd>`)}
    </dl>`;
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

export const statsPanelStyles = css`
  .stats {
    position: absolute;
    top: 8px;
    left: 8px;
    z-index: 5;
    margin: 0;
    padding: 6px 8px;
    display: grid;
    grid-template-columns: auto auto;
    gap: 0 8px;
    font: 11px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace;
    color: #fff;
    background: rgb(0 0 0 / 0.7);
    border-radius: 4px;
    pointer-events: none;
  }
  .stats dt {
    opacity: 0.7;
  }
  .stats dd {
    margin: 0;
  }
`;
