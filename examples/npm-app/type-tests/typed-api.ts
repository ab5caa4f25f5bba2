// Type tests, checked by `tsc --noEmit`: what the packages' types promise a TypeScript app.
// Every `@ts-expect-error` line must be an error, or tsc fails ("Unused '@ts-expect-error' directive").
import { type LeadEvent, Viewer, type ViewerState } from '@livehook/core';
import type { LivePlayer } from '@livehook/player';
import type { LiveCountdown, LiveCoupon } from '@livehook/widgets';

declare const video: HTMLVideoElement;
const viewer = new Viewer(video, { sources: ['https://cdn.example/live/master.m3u8'] });

viewer.on('statechange', ({ state, previous }) => {
  const now: ViewerState = state;
  void [now, previous];
});
viewer.on('qualitychange', ({ qualities }) => qualities.map((q) => q.label));
// @ts-expect-error: no such Viewer event
viewer.on('state', () => {});
// @ts-expect-error: latency is 'low' | 'standard'
new Viewer(video, { sources: [], latency: 'fast' });

// Tag names map to the element classes.
const player: LivePlayer | null = document.querySelector('live-player');
const coupon: LiveCoupon = document.createElement('live-coupon');
const countdown: LiveCountdown | null = document.querySelector('live-countdown');
void [coupon, countdown];

// Element events are typed on the element and, as they bubble, on the document.
player?.addEventListener('live-statechange', (event) => {
  const state: ViewerState = event.detail.state;
  void state;
  // @ts-expect-error: the detail has no `status`
  void event.detail.status;
});
player?.addEventListener('live-qualitychange', (event) => event.detail.qualities.length);
document.addEventListener('live-coupon-claimed', (event) => {
  const lead: LeadEvent = event.detail;
  void lead.data;
});
document.addEventListener('live-consent-change', (event) => {
  // @ts-expect-error: consent is 'granted' | 'pending' | 'denied'
  const consent: 'yes' | 'no' = event.detail.consent;
  void consent;
});

if (player) {
  player.latency = 'low';
  // @ts-expect-error: latency is 'low' | 'standard'
  player.latency = 'fast';
  // @ts-expect-error: `state` is read-only, the Viewer decides it
  player.state = 'playing';
}
