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

export const zhCN: Partial<PlayerStrings> = {
  player: '直播播放器',
  controls: '播放控制',
  play: '播放',
  pause: '暂停',
  mute: '静音',
  unmute: '取消静音',
  volume: '音量',
  live: '直播中',
  atLiveEdge: '直播中',
  backToLive: '回到直播',
  quality: '画质',
  auto: '自动',
  autoPlaying: '自动（{quality}）',
  captions: '字幕',
  fullscreen: '全屏',
  exitFullscreen: '退出全屏',
  pip: '画中画',
  exitPip: '退出画中画',
  tapToPlay: '点击播放',
  tapToUnmute: '点击取消静音',
  loading: '加载中…',
  buffering: '缓冲中…',
  reconnecting: '重新连接中…',
  playing: '正在直播',
  paused: '已暂停',
  waitingTitle: '直播尚未开始',
  startsAt: '开播时间：{time}',
  waitingHint: '开播后将自动播放，请稍候',
  ended: '直播已结束',
  endedHint: '感谢观看',
  errorTitle: '直播暂时无法播放',
  retry: '重试',
  errorCode: '错误代码：{code}',
  'error.bad-source': '直播地址无效。',
  'error.unsupported': '当前浏览器无法播放此直播，请换用其他浏览器。',
  'error.network': '网络连接失败，请检查网络后重试。',
  'error.bad-playlist': '直播流暂时不可用。',
  'error.media': '此设备无法解码该视频。',
  'error.token': '无法进入直播间。',
  'error.timeout': '直播加载超时。',
};
