// Keyboard shortcuts while focus is inside the player: Space/K play-pause, M mute, F full screen,
// arrows volume, Escape closes the menu. Keys typed into slotted widgets are never taken.
import type { PlayerActions } from './view.js';

const VOLUME_STEP = 0.1;

export function handleHotkey(
  e: KeyboardEvent,
  host: HTMLElement,
  actions: PlayerActions,
  menuOpen: boolean,
  video: HTMLVideoElement | undefined,
): void {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || !video) return;
  const origin = e.composedPath()[0];
  // Only our own shadow tree (or the host itself): a widget's text field must keep its letters.
  if (origin !== host && !(origin instanceof Node && host.shadowRoot?.contains(origin))) return;
  const onButton = origin instanceof HTMLButtonElement;
  const onSlider = origin instanceof HTMLInputElement;
  const volume = (delta: number) => actions.setVolume((video.muted ? 0 : video.volume) + delta);
  switch (e.key.length === 1 ? e.key.toLowerCase() : e.key) {
    case ' ':
      if (onButton || onSlider) return; // the focused control's own Space
      actions.togglePlay();
      break;
    case 'k':
      actions.togglePlay();
      break;
    case 'm':
      actions.toggleMute();
      break;
    case 'f':
      actions.toggleFullscreen();
      break;
    case 'ArrowUp':
    case 'ArrowRight':
      if (onSlider) return;
      volume(VOLUME_STEP);
      break;
    case 'ArrowDown':
    case 'ArrowLeft':
      if (onSlider) return;
      volume(-VOLUME_STEP);
      break;
    case 'Escape':
      if (!menuOpen) return;
      actions.closeMenu(true);
      break;
    default:
      return;
  }
  e.preventDefault();
}
