// The elements from npm: <live-player> plays the stream; <live-countdown for="shop-live"> counts down
// to the start and turns into "Live now" as soon as that player plays.
import '@livehook/player/define'; // registers <live-player>
import '@livehook/widgets/define'; // registers the widgets, <live-countdown> among them
import { label } from './labels.js';

export function startPlayer(src: string, stateOutput: HTMLOutputElement): void {
  const player = document.querySelector('live-player'); // typed: LivePlayer
  const countdown = document.querySelector('live-countdown'); // typed: LiveCountdown
  if (!player || !countdown) return;

  // Typed events: `detail` is { state, previous }.
  player.addEventListener('live-statechange', (event) => {
    stateOutput.value = event.detail.state;
  });
  countdown.headline = label('saleHeadline');
  countdown.benefit = label('saleBenefit');
  countdown.startsAt = new Date(Date.now() + 60_000).toISOString();
  player.src = src;
}
