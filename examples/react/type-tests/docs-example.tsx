// The React example of docs/guides/frameworks.md, kept here so tsc checks it; change both together.
import '@livehook/player/define';
import '@livehook/widgets/define';
import type { LivePlayer } from '@livehook/player';
import { useRef, useState } from 'react';

export function LiveShow({ src }: { src: string }) {
  const player = useRef<LivePlayer>(null);
  const [state, setState] = useState<LivePlayer['state']>('idle');
  return (
    <>
      <live-player
        id="shop-live"
        ref={player}
        src={src}
        controls
        autoplay
        muted
        hlsConfig={{ maxBufferLength: 20 }}
        onlive-statechange={(event) => setState(event.detail.state)}
      >
        <div slot="top-end">{state}</div>
      </live-player>
      <live-countdown for="shop-live" startsAt="2026-12-01T20:00:00+08:00" headline="Spring sale" />
      <button type="button" onClick={() => player.current?.seekToLive()}>
        Back to live
      </button>
    </>
  );
}
