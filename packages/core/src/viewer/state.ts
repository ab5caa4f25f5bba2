// The viewer's states: what a person watching would say is happening.

export const ViewerState = {
  /** Nothing loaded yet. */
  Idle: 'idle',
  /** Fetching the playlist / joining the room, no frame yet. */
  Connecting: 'connecting',
  /** The stream has not started yet (pre-live); polled until it does. */
  Waiting: 'waiting',
  /** Frames are moving. */
  Playing: 'playing',
  /** Ready but paused by the viewer (or autoplay was refused). */
  Paused: 'paused',
  /** Playback is frozen waiting for data (rebuffering). */
  Stalled: 'stalled',
  /** The connection dropped and is retried with backoff, or the media pipeline is rebuilt after a decoder error. */
  Reconnecting: 'reconnecting',
  /** The broadcaster ended the stream. */
  Ended: 'ended',
  /** No source could play; `viewer.error` says why. */
  Error: 'error',
} as const;

export type ViewerState = (typeof ViewerState)[keyof typeof ViewerState];

/** States in which frames are on screen or about to be. */
export function isActive(state: ViewerState): boolean {
  return state === 'playing' || state === 'paused' || state === 'stalled' || state === 'reconnecting';
}
