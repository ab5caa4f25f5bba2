// Notices when livekit-client's own reconnect hangs. It normally resumes within seconds of the server answering
// again, or gives up (Disconnected, and the transport rejoins). Seen in Firefox after a server restart: a signal
// WebSocket that closes without 'open' or 'error' leaves livekit-client 2.23's connect lock held, so it never
// resumes and never gives up. Past the deadline, with no picture moving, the transport starts over.

export interface ReconnectWatchdogOptions {
  /** ms of reconnecting before it counts as stuck. */
  readonly after: number;
  /** Whether the room is still reconnecting (false: it recovered or is gone, so stand down). */
  readonly reconnecting: () => boolean;
  /** Whether frames still move: only the signal is resuming, the viewer loses nothing, so wait another round. */
  readonly framesMoving: () => boolean;
  /** The reconnect is stuck: leave and rejoin. */
  readonly onStuck: () => void;
}

export class ReconnectWatchdog {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: ReconnectWatchdogOptions) {}

  /** A reconnect began; a second call while armed keeps the first deadline. */
  start(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.options.reconnecting()) return;
      if (this.options.framesMoving()) return this.start();
      this.options.onStuck();
    }, this.options.after);
  }

  /** The reconnect ended (resumed, gave up, or the room was left). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
