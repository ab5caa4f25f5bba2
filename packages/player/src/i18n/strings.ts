// The player's words, one table per language. English is complete; other tables may leave keys out.

/** Every string the player shows or announces. `{name}` marks a value filled in at run time. */
export interface PlayerStrings {
  player: string;
  controls: string;
  play: string;
  pause: string;
  mute: string;
  unmute: string;
  volume: string;
  live: string;
  atLiveEdge: string;
  backToLive: string;
  quality: string;
  auto: string;
  /** The Auto entry while a level plays, e.g. "Auto (720p)". */
  autoPlaying: string;
  captions: string;
  fullscreen: string;
  exitFullscreen: string;
  pip: string;
  exitPip: string;
  tapToPlay: string;
  tapToUnmute: string;
  loading: string;
  buffering: string;
  reconnecting: string;
  playing: string;
  paused: string;
  waitingTitle: string;
  /** `{time}`: the localized start time. */
  startsAt: string;
  waitingHint: string;
  ended: string;
  endedHint: string;
  errorTitle: string;
  retry: string;
  /** `{code}`: the error code, for support. */
  errorCode: string;
  'error.bad-source': string;
  'error.unsupported': string;
  'error.network': string;
  'error.bad-playlist': string;
  'error.media': string;
  'error.token': string;
  'error.timeout': string;
}

export const en: PlayerStrings = {
  player: 'Live player',
  controls: 'Player controls',
  play: 'Play',
  pause: 'Pause',
  mute: 'Mute',
  unmute: 'Unmute',
  volume: 'Volume',
  live: 'LIVE',
  atLiveEdge: 'Live',
  backToLive: 'Back to live',
  quality: 'Quality',
  auto: 'Auto',
  autoPlaying: 'Auto ({quality})',
  captions: 'Captions',
  fullscreen: 'Full screen',
  exitFullscreen: 'Exit full screen',
  pip: 'Picture in picture',
  exitPip: 'Exit picture in picture',
  tapToPlay: 'Tap to play',
  tapToUnmute: 'Tap to unmute',
  loading: 'Loading…',
  buffering: 'Buffering…',
  reconnecting: 'Reconnecting…',
  playing: 'Playing live',
  paused: 'Paused',
  waitingTitle: 'The live stream hasn’t started yet',
  startsAt: 'Starts {time}',
  waitingHint: 'It will play here as soon as it starts.',
  ended: 'The live stream has ended',
  endedHint: 'Thanks for watching.',
  errorTitle: 'Can’t play the live stream',
  retry: 'Retry',
  errorCode: 'Error code: {code}',
  'error.bad-source': 'The stream address is not valid.',
  'error.unsupported': 'This browser can’t play the live stream.',
  'error.network': 'Can’t connect. Check your network and try again.',
  'error.bad-playlist': 'The stream is not available right now.',
  'error.media': 'The video can’t be decoded on this device.',
  'error.token': 'Access to the live room was refused.',
  'error.timeout': 'The stream took too long to start.',
};
