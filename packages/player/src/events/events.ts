// The element's public events: the Viewer's events, re-dispatched as bubbling, composed `live-` CustomEvents.
import type { ViewerEventMap } from '@livehook/core';

/** `detail` of each `<live-player>` event. */
export interface LivePlayerEventDetail {
  /** The viewer state changed (`idle`, `connecting`, `waiting`, `playing`, `paused`, `stalled`, `reconnecting`, `ended`, `error`). */
  'live-statechange': ViewerEventMap['statechange'];
  /** The quality list, the chosen quality or the one on screen changed. */
  'live-qualitychange': ViewerEventMap['qualitychange'];
  /** A validated cue from the stream (DATERANGE, ID3, LiveKit data) reached its time. */
  'live-cue': ViewerEventMap['cue'];
  /** No source can play; the player shows its error overlay. */
  'live-error': ViewerEventMap['error'];
  /** Something playback survived: a bad cue, sound blocked by autoplay rules. */
  'live-warning': ViewerEventMap['warning'];
  /** A source failed and the next one is tried. */
  'live-fallback': ViewerEventMap['fallback'];
  /** How autoplay went: `sound`, `muted` (sound refused, playing muted) or `blocked`. */
  'live-autoplay': ViewerEventMap['autoplay'];
}

export type LivePlayerEventType = keyof LivePlayerEventDetail;

/** A `<live-player>` event with its typed `detail`. */
export type LivePlayerEvent<K extends LivePlayerEventType = LivePlayerEventType> = CustomEvent<
  LivePlayerEventDetail[K]
>;

export type LiveStateChangeEvent = LivePlayerEvent<'live-statechange'>;
export type LiveQualityChangeEvent = LivePlayerEvent<'live-qualitychange'>;
export type LiveCueEvent = LivePlayerEvent<'live-cue'>;
export type LiveErrorEvent = LivePlayerEvent<'live-error'>;
export type LiveWarningEvent = LivePlayerEvent<'live-warning'>;
export type LiveFallbackEvent = LivePlayerEvent<'live-fallback'>;
export type LiveAutoplayEvent = LivePlayerEvent<'live-autoplay'>;

/** Creates a player event: bubbles out of the element and through shadow roots. */
export function livePlayerEvent<K extends LivePlayerEventType>(
  type: K,
  detail: LivePlayerEventDetail[K],
): LivePlayerEvent<K> {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}

/** Every `<live-player>` event by name, for typed listeners. */
export interface LivePlayerEventMap {
  'live-statechange': LiveStateChangeEvent;
  'live-qualitychange': LiveQualityChangeEvent;
  'live-cue': LiveCueEvent;
  'live-error': LiveErrorEvent;
  'live-warning': LiveWarningEvent;
  'live-fallback': LiveFallbackEvent;
  'live-autoplay': LiveAutoplayEvent;
}

// The events bubble and compose, so they are typed on the document too: `document.addEventListener('live-cue', …)`.
declare global {
  interface HTMLElementEventMap extends LivePlayerEventMap {}
  interface DocumentEventMap extends LivePlayerEventMap {}
}
