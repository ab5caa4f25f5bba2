// Type tests for the LiveHook tags in JSX, checked by `tsc --noEmit`. Every `@ts-expect-error` line
// must be an error, or tsc fails ("Unused '@ts-expect-error' directive").
import type { LivePlayer } from '@livehook/player';
import type { LiveCoupon } from '@livehook/widgets';
import { useRef } from 'react';

export function Typed() {
  const player = useRef<LivePlayer>(null);
  const coupon = useRef<LiveCoupon>(null);
  const video = useRef<HTMLVideoElement>(null);
  return [
    <live-player
      key="ok"
      ref={player}
      src="https://cdn.example/live/master.m3u8"
      latency="low"
      autoplay
      muted
      controls
      hlsConfig={{ maxBufferLength: 20 }}
      className="hero"
      onlive-statechange={(event) => event.detail.state satisfies LivePlayer['state']}
      onlive-error={(event) => event.detail.error.message}
    />,
    <live-coupon
      key="coupon"
      ref={coupon}
      coupon="spring-20"
      claimUrl="/api/claim"
      remaining={12}
      display="sheet"
      onlive-coupon-claimed={(event) => event.detail.data.widget}
    />,
    <live-analytics
      key="analytics"
      endpoint="/api/events"
      consent="required"
      datalayer
      onlive-consent-change={(e) => e.detail.consent}
    />,
    // @ts-expect-error: latency is 'low' | 'standard'
    <live-player key="latency" latency="fast" />,
    // @ts-expect-error: autoplay is a boolean, not a string
    <live-player key="autoplay" autoplay="yes" />,
    // @ts-expect-error: no such property (a typo of `src`)
    <live-player key="typo" sorce="https://cdn.example/live/master.m3u8" />,
    // @ts-expect-error: the state change's detail has no `status`
    <live-player key="detail" onlive-statechange={(event) => event.detail.status} />,
    // @ts-expect-error: a ref for another element type
    <live-player key="ref" ref={video} />,
    // @ts-expect-error: `remaining` is a number
    <live-coupon key="remaining" remaining="12" />,
    // @ts-expect-error: `state` is the element's to decide
    <live-countdown key="state" state="live" />,
    // @ts-expect-error: consent is required, granted or denied
    <live-analytics key="consent" consent="maybe" />,
  ];
}
