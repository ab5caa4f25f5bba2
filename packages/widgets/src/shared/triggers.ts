// When a widget shows itself: on load, after a delay, after seconds of watching, on the host's
// cue, on exit intent, or only when script calls show(). Each automatic trigger fires once per page load.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { environment } from './environment.js';

export const TRIGGERS = ['load', 'manual', 'delay', 'watch-time', 'cue', 'exit-intent'] as const;
export type Trigger = (typeof TRIGGERS)[number];

/** Reads `trigger="delay cue"` (space-separated); unknown words are reported and ignored. */
export function parseTriggers(value: string, fallback: Trigger, report: (message: string) => void): Set<Trigger> {
  const words = value
    .trim()
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  const found = new Set<Trigger>();
  for (const word of words) {
    if ((TRIGGERS as readonly string[]).includes(word)) found.add(word as Trigger);
    else report(`unknown trigger "${word.slice(0, 40)}"; use ${TRIGGERS.join(', ')}`);
  }
  if (!found.size) found.add(fallback);
  return found;
}

export interface TriggerSettings {
  triggers: Set<Trigger>;
  delaySeconds: number;
  watchSeconds: number;
}

type Host = ReactiveControllerHost & HTMLElement;

/** Runs the timer and listeners of the automatic triggers and calls `fire` (once per trigger). */
export class TriggerController implements ReactiveController {
  private settings: TriggerSettings = { triggers: new Set(), delaySeconds: 0, watchSeconds: 0 };
  private readonly fired = new Set<Trigger>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private listeners: AbortController | undefined;
  private connected = false;
  private wasHidden = false;

  constructor(
    host: Host,
    private readonly fire: (trigger: Trigger) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.arm();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.disarm();
  }

  configure(settings: TriggerSettings): void {
    const same =
      settings.delaySeconds === this.settings.delaySeconds &&
      settings.watchSeconds === this.settings.watchSeconds &&
      [...settings.triggers].join() === [...this.settings.triggers].join();
    this.settings = settings;
    if (!same && this.connected) this.arm();
  }

  has(trigger: Trigger): boolean {
    return this.settings.triggers.has(trigger);
  }

  /** Seconds of playing reported by the player binding. */
  watched(total: number): void {
    if (this.has('watch-time') && total >= this.settings.watchSeconds) this.once('watch-time');
  }

  private once(trigger: Trigger): void {
    if (this.fired.has(trigger) || !this.connected) return;
    this.fired.add(trigger);
    this.fire(trigger);
  }

  private arm(): void {
    this.disarm();
    const { triggers, delaySeconds } = this.settings;
    if (triggers.has('load')) queueMicrotask(() => this.once('load'));
    if (triggers.has('delay')) this.timer = setTimeout(() => this.once('delay'), Math.max(0, delaySeconds) * 1000);
    if (triggers.has('exit-intent')) this.armExitIntent();
  }

  private disarm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.listeners?.abort();
    this.listeners = undefined;
  }

  // Desktop: the pointer leaves through the top of the window (towards the tabs or the back button).
  // Phones have no pointer: coming back to the page after switching away is the moment instead.
  private armExitIntent(): void {
    this.listeners = new AbortController();
    const options = { signal: this.listeners.signal };
    document.addEventListener(
      'mouseout',
      (event) => {
        if (!event.relatedTarget && event.clientY <= 0) this.once('exit-intent');
      },
      options,
    );
    document.addEventListener(
      'visibilitychange',
      () => {
        if (document.visibilityState === 'hidden') this.wasHidden = true;
        else if (this.wasHidden && environment.isPhone()) this.once('exit-intent');
      },
      options,
    );
  }
}
