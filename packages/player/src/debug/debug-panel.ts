// Loads the `debug` stats panel the first time `debug` is set: viewers never download it.
import type { CSSResultOrNative, ReactiveController } from 'lit';
import type { StatsHost, StatsPanel } from './stats-panel.js';

export class DebugPanel implements ReactiveController {
  private panel: StatsPanel | undefined;
  private requested = false;

  constructor(
    private readonly host: StatsHost,
    private readonly styles: () => CSSResultOrNative[],
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (!this.host.debug || this.requested) return;
    this.requested = true;
    import('./stats-panel.js').then(
      (m) => {
        this.panel = m.attachStatsPanel(this.host, this.styles());
        this.host.requestUpdate();
      },
      () => {
        this.requested = false; // offline for a moment: the next update tries again
      },
    );
  }

  render() {
    return this.panel?.render();
  }
}
