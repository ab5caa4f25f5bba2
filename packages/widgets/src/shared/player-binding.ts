// Ties a widget to a <live-player>: by `for="player-id"` (found even when the player appears later)
// or by sitting inside one. Reports the player's cues, its state and seconds actually played.
import type { Cue } from '@livehook/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a widget reads from a player: the documented `<live-player>` surface, nothing more. */
export interface PlayerLike extends HTMLElement {
  readonly state?: string;
  readonly room?: string;
}

export interface PlayerBindingCallbacks {
  /** A validated cue from the stream. */
  cue(cue: Cue): void;
  /** The player's state changed (or a player was found: its current state). */
  state(state: string | undefined): void;
  /** One more second of `playing`; `total` is all seconds played while this widget watched. */
  watched(total: number): void;
}

type Host = ReactiveControllerHost & HTMLElement & { for: string };

/** Players a widget finds by sitting inside them: the default tag, or any element marked as a player (a player registered under another tag name). */
const PLAYER_SELECTOR = 'live-player, [data-live-player]';
/** A widget registered under a prefix (`<shop-coupon>`): the prefix, whose player is `<shop-player>`. The names are
 * registry.ts's WIDGET_ELEMENTS (importing it here would be an import cycle). */
const PREFIXED_WIDGET = /^(.+?)-(?:follow-unlock|group-qr|countdown|coupon|analytics)$/;

/** What a widget's enclosing player looks like: the default tags, plus `<shop-player>` for `<shop-coupon>`. */
function playerSelector(widget: HTMLElement): string {
  const prefix = PREFIXED_WIDGET.exec(widget.localName)?.[1];
  return prefix && prefix !== 'live' ? `${PLAYER_SELECTOR}, ${prefix}-player` : PLAYER_SELECTOR;
}

export class PlayerBinding implements ReactiveController {
  /** The player this widget is tied to, if any. */
  player: PlayerLike | undefined;
  /** The player's last known state. */
  state: string | undefined;
  /** Seconds the tied player spent `playing` while this widget watched. */
  watchedSeconds = 0;

  private listeners: AbortController | undefined;
  private observer: MutationObserver | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private connected = false;

  constructor(
    private readonly host: Host,
    private readonly callbacks: PlayerBindingCallbacks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.resolve();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.observer?.disconnect();
    this.observer = undefined;
    this.bind(undefined);
  }

  /** Finds the player again (call when `for` changes). */
  resolve(): void {
    if (!this.connected) return;
    const id = this.host.for.trim();
    this.observer?.disconnect();
    this.observer = undefined;
    if (id) {
      this.bind(this.lookUp(id));
      // The player may be added later, replaced, or get its id later: watch the tree for it.
      const root = this.host.getRootNode();
      const target = root instanceof ShadowRoot ? root : document;
      this.observer = new MutationObserver(() => {
        const found = this.lookUp(id);
        if (found !== this.player) this.bind(found);
      });
      this.observer.observe(target, { childList: true, subtree: true, attributes: true, attributeFilter: ['id'] });
    } else {
      this.bind((this.host.closest(playerSelector(this.host)) as PlayerLike | null) ?? undefined);
    }
  }

  /** The room the tied player belongs to (its `room` property or attribute). */
  get room(): string | undefined {
    const player = this.player;
    if (!player) return undefined;
    const value = typeof player.room === 'string' ? player.room : player.getAttribute('room');
    return value?.trim() || undefined;
  }

  private lookUp(id: string): PlayerLike | undefined {
    const root = this.host.getRootNode();
    const found =
      root instanceof ShadowRoot || root instanceof Document ? root.getElementById(id) : document.getElementById(id);
    return found && found !== this.host ? (found as PlayerLike) : undefined;
  }

  private bind(player: PlayerLike | undefined): void {
    if (player === this.player && this.listeners) return;
    this.listeners?.abort();
    this.listeners = undefined;
    this.stopTicker();
    this.player = player;
    if (!player) {
      this.setState(undefined);
      return;
    }
    const listeners = new AbortController();
    this.listeners = listeners;
    const options = { signal: listeners.signal };
    player.addEventListener(
      'live-cue',
      (event) => {
        const cue = (event as CustomEvent<{ cue?: Cue }>).detail?.cue;
        if (cue && typeof cue === 'object') this.callbacks.cue(cue);
      },
      options,
    );
    player.addEventListener(
      'live-statechange',
      (event) => this.setState((event as CustomEvent<{ state?: string }>).detail?.state),
      options,
    );
    this.setState(player.state);
    // Not upgraded yet (the player's script loads after ours): read its state once it is.
    const tag = player.localName;
    if (tag.includes('-') && !customElements.get(tag)) {
      customElements.whenDefined(tag).then(() => {
        if (this.player === player && this.listeners === listeners) this.setState(player.state);
      });
    }
  }

  private setState(state: string | undefined): void {
    const changed = state !== this.state;
    this.state = state;
    if (state === 'playing') this.startTicker();
    else this.stopTicker();
    if (changed) {
      this.callbacks.state(state);
      this.host.requestUpdate();
    }
  }

  // Watch time counts only seconds in `playing`: a 1 s timer that runs only while playing.
  private startTicker(): void {
    if (this.ticker) return;
    this.ticker = setInterval(() => {
      this.watchedSeconds++;
      this.callbacks.watched(this.watchedSeconds);
    }, 1000);
  }

  private stopTicker(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
  }
}
