// Register the elements before React renders them: React 19 sets a prop as a property only on a
// defined element (on an unknown tag it would become an attribute, and `startsAt` would be lost).
import '@livehook/player/define';
import '@livehook/widgets/define';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { labelsFor, pageLanguage } from './labels.js';

const language = pageLanguage();
document.documentElement.lang = language; // the player and the widgets speak it too
// Which live stream to play: `?src=<.m3u8 URL>`, else the demo loop vite.config.ts serves at /stream/.
const src = new URLSearchParams(location.search).get('src') ?? '/stream/master.m3u8';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App src={src} labels={labelsFor(language)} />
    </StrictMode>,
  );
}
