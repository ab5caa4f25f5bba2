// The elements as JSX: React 19 passes props to custom elements as properties and `onlive-*` props
// as event listeners. Their types come from src/livehook-jsx.d.ts.
import type { LivePlayer } from '@livehook/player';
import { useRef, useState } from 'react';
import type { Labels } from './labels.js';

type Quality = LivePlayer['qualities'][number];

export function App({ src, labels }: { src: string; labels: Labels }) {
  const player = useRef<LivePlayer>(null);
  const [state, setState] = useState<LivePlayer['state']>('idle');
  const [qualities, setQualities] = useState<readonly Quality[]>([]);
  const [startsAt] = useState(() => new Date(Date.now() + 60_000).toISOString());

  return (
    <main>
      <h1>{labels.title}</h1>
      <live-player
        id="shop-live"
        ref={player}
        src={src}
        controls
        autoplay
        muted
        onlive-statechange={(event) => setState(event.detail.state)}
        onlive-qualitychange={(event) => setQualities(event.detail.qualities)}
      />
      <p>
        {labels.state} <output data-testid="state">{state}</output>
      </p>
      <label>
        {labels.quality}{' '}
        <select
          data-testid="quality"
          onChange={(event) => {
            if (player.current) player.current.quality = event.target.value;
          }}
        >
          <option value="auto">{labels.auto}</option>
          {qualities.map((quality) => (
            <option key={quality.id} value={quality.id}>
              {quality.label}
            </option>
          ))}
        </select>
      </label>
      {/* Counts down to `startsAt`; says "Live now" once the player it is tied to plays. */}
      <live-countdown for="shop-live" startsAt={startsAt} headline={labels.headline} benefit={labels.benefit} />
    </main>
  );
}
