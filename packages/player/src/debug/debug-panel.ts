// Loads the `debug` stats panel the first time `debug` is set: viewers never download it.
import type { ReactiveController } from 'lit';
import type { StatsHost, StatsPanel } from './stats-panel.js';

export class DebugPanel implements ReactiveController {
  #panel: StatsPanel | undefined;
  #requested = false;

  readonly #host: StatsHost;

  constructor(host: StatsHost) {
    this.#host = host;
    host.addController(this);
  }

  hostUpdated(): void {
    if (!this.#host.debug || this.#requested) return;
    this.#requested = true;
    import('./stats-panel.js').then(
      (m) => {
        this.#panel = m.attachStatsPanel(this.#host);
        this.#host.requestUpdate();
      },
      () => {
        this.#requested = false; // offline for a moment: the next update tries again
      },
    );
  }

  render() {
    return this.#panel?.render();
  }
}
