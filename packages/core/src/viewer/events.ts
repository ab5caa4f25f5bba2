// The Viewer's public events: a short list, each with one typed `detail` object.
import type { Cue } from '../cues/cue.js';
import type { Metrics } from '../metrics/metrics.js';
import type { Quality, QualityChoice } from '../quality/quality.js';
import type { ViewerWarning } from '../transports/transport.js';
import type { ViewerError } from './errors.js';
import type { ViewerState } from './state.js';

export interface ViewerEventMap {
  /** The state changed. */
  statechange: { state: ViewerState; previous: ViewerState };
  /** The quality list, the chosen quality ('auto' or an id) or the one actually playing changed. */
  qualitychange: { qualities: readonly Quality[]; choice: QualityChoice; playing: string | undefined };
  /** A validated cue arrived at its time. */
  cue: { cue: Cue };
  /** Something went wrong that playback survives (a bad cue, sound blocked by autoplay rules). */
  warning: ViewerWarning;
  /** A source failed and the next one is tried. */
  fallback: { from: string; to: string; reason: ViewerError };
  /** No source can play. The state is now 'error'. */
  error: { error: ViewerError };
  /** Metrics were refreshed (about once a second while playing). */
  metrics: { metrics: Readonly<Metrics> };
  /** How many people watch changed (LiveKit room participants who publish nothing, this viewer included). */
  viewers: { count: number };
  /** Autoplay outcome: `muted` when sound was refused and playback started muted; `blocked` when nothing could start. */
  autoplay: { result: 'sound' | 'muted' | 'blocked' };
}

export type ViewerEventType = keyof ViewerEventMap;
export type ViewerEventListener<K extends ViewerEventType> = (detail: ViewerEventMap[K]) => void;

/** A tiny typed emitter on top of EventTarget, so listeners are removed the platform way. */
export class TypedEmitter<M extends object> {
  private readonly target = new EventTarget();

  /** Adds a listener and returns the function that removes it. */
  on<K extends keyof M & string>(type: K, listener: (detail: M[K]) => void): () => void {
    const wrapped = (event: Event) => listener((event as CustomEvent<M[K]>).detail);
    this.target.addEventListener(type, wrapped);
    return () => this.target.removeEventListener(type, wrapped);
  }

  protected emit<K extends keyof M & string>(type: K, detail: M[K]): void {
    // A throwing listener must not break playback; report it where developers look.
    try {
      this.target.dispatchEvent(new CustomEvent(type, { detail }));
    } catch (error) {
      console.error(error);
    }
  }
}
