// Types only: what a page sets on <live-player> and the `on<event>` handlers, for framework typings
// (React and Svelte 5 name handlers `onlive-statechange`; Vue and Svelte can reuse the property list).
import type { LivePlayerEventMap } from './events/events.js';
import type { LivePlayer } from './live-player/live-player.js';

/** The properties a page may set on `<live-player>` (camelCase, as frameworks assign them to the element). */
export type LivePlayerProperties = Partial<
  Pick<
    LivePlayer,
    | 'src'
    | 'poster'
    | 'autoplay'
    | 'muted'
    | 'latency'
    | 'startsAt'
    | 'controls'
    | 'livekitUrl'
    | 'tokenUrl'
    | 'token'
    | 'room'
    | 'host'
    | 'livekitMode'
    | 'debug'
    | 'hlsConfig'
    | 'quality'
  >
>;

/** `on<event name>` handlers for an event map: React 19 and Svelte 5 listen to the event named after `on`. */
export type EventHandlerProps<M> = { [K in keyof M & string as `on${K}`]?: (event: M[K]) => void };

/** Every `<live-player>` event as an `on<event>` handler, e.g. `onlive-statechange`. */
export type LivePlayerEventHandlers = EventHandlerProps<LivePlayerEventMap>;
