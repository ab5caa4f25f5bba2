// What the templates get: a read-only picture of the player, and the intents they may send back up.
import type { Quality, QualityChoice, ViewerError, ViewerState } from '@livehook/core';
import type { Translate } from '../i18n/locale.js';
import type { AutoplayResult } from './viewer-controller.js';

export interface PlayerView {
  readonly t: Translate;
  readonly state: ViewerState;
  readonly controls: boolean;
  readonly paused: boolean;
  readonly muted: boolean;
  readonly volume: number;
  /** Far enough behind the live edge to offer "back to live". */
  readonly behind: boolean;
  readonly qualities: readonly Quality[];
  readonly choice: QualityChoice;
  /** Id of the quality on screen. */
  readonly playing: string | undefined;
  readonly menuOpen: boolean;
  readonly canFullscreen: boolean;
  readonly fullscreen: boolean;
  readonly canPip: boolean;
  readonly pip: boolean;
  readonly captionsAvailable: boolean;
  readonly captionsShowing: boolean;
  readonly autoplay: AutoplayResult | undefined;
  readonly error: ViewerError | undefined;
  readonly poster: string;
  /** The localized start time from `starts-at`, if valid. */
  readonly startTime: string | undefined;
}

/** Intents from the UI; the element turns them into Viewer calls or media requests. */
export interface PlayerActions {
  togglePlay(): void;
  /** The big tap-to-play button: also restores sound the autoplay fallback took away. */
  playFromOverlay(): void;
  toggleMute(): void;
  unmute(): void;
  setVolume(volume: number): void;
  seekToLive(): void;
  toggleMenu(): void;
  closeMenu(focusButton: boolean): void;
  selectQuality(choice: QualityChoice): void;
  toggleFullscreen(): void;
  togglePip(): void;
  toggleCaptions(): void;
  retry(): void;
}
