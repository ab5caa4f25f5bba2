// @livehook/player: the <live-player> class, its events and its languages. No side effects: import
// `@livehook/player/define` (or call defineLivePlayer) to register the element.
export type { EventHandlerProps, LivePlayerEventHandlers, LivePlayerProperties } from './element-types.js';
export type {
  LiveAutoplayEvent,
  LiveCueEvent,
  LiveErrorEvent,
  LiveFallbackEvent,
  LivePlayerEvent,
  LivePlayerEventDetail,
  LivePlayerEventMap,
  LivePlayerEventType,
  LiveQualityChangeEvent,
  LiveStateChangeEvent,
  LiveWarningEvent,
} from './events/events.js';
export { en, type PlayerStrings, registerLocale, zhCN } from './i18n/index.js';
export { LivePlayer } from './live-player/live-player.js';
export { defineLivePlayer } from './registry.js';
