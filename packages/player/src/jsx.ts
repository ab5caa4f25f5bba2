// Types only: `<live-player>` in React 19's JSX, with its properties and `onlive-*` handlers checked.
// Load it once: `import type {} from '@livehook/player/jsx'`, or list it in tsconfig `compilerOptions.types`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { LivePlayerEventHandlers, LivePlayerProperties } from './element-types.js';
import type { LivePlayer } from './live-player/live-player.js';

/** `<live-player>` in JSX: React's HTML attributes and `ref`, the element's properties, its events. */
export type LivePlayerJsxProps = DetailedHTMLProps<HTMLAttributes<LivePlayer>, LivePlayer> &
  LivePlayerProperties &
  LivePlayerEventHandlers;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'live-player': LivePlayerJsxProps;
    }
  }
}
