// The CDN entry: one <script type="module"> defines <live-player>; hls.js arrives as a lazy chunk.
// `data-prefix="shop"` on that script tag defines <shop-player> instead, for pages that already use `live-player`.
import './early-preload.js';
import { defineLivePlayer } from './registry.js';

const prefix = scriptPrefix();
if (prefix !== null) defineLivePlayer(prefix ? `${prefix}-player` : undefined);

export { registerLocale } from './i18n/locale.js';
export { LivePlayer } from './live-player/live-player.js';
export { defineLivePlayer };

/** Our script tag's `data-prefix` ('' without one); null, and a console error, when it is not a valid prefix. */
function scriptPrefix(): string | null {
  if (typeof document === 'undefined') return '';
  const file = new URL(import.meta.url).pathname.split('/').pop();
  // Module scripts have no document.currentScript. Match by file name, not the whole URL: a CDN may
  // redirect `@0` to `@0.4.1`, and import.meta.url is where it landed.
  const script = [...document.querySelectorAll<HTMLScriptElement>('script[data-prefix]')].find(
    (s) => s.src.split(/[?#]/)[0].split('/').pop() === file,
  );
  const prefix = script?.dataset.prefix ?? '';
  if (!prefix || /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(prefix)) return prefix;
  console.error(`LiveHook: data-prefix="${prefix}" is not a valid tag prefix (a-z, 0-9, hyphens); nothing defined.`);
  return null;
}
