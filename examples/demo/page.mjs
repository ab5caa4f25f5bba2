// @ts-check
// The shop page as the demo serves it: the static HTML, with LiveKit attributes added to
// <live-player> when a LiveKit server is available, and the Content-Security-Policy it runs under.

/**
 * @typedef {object} LiveKitAttributes
 * @property {string} url the LiveKit server's WebSocket URL
 * @property {string} tokenUrl where the player fetches a subscribe-only token
 * @property {string} room the room to join
 */

/**
 * Adds `livekit-url`, `token-url` and `room` to the page's <live-player>; its HLS `src` stays
 * as the fallback. Without LiveKit the page is served exactly as written.
 * @param {string} html
 * @param {LiveKitAttributes | null} livekit
 * @returns {string}
 */
export function renderPage(html, livekit) {
  if (!livekit) return html;
  const attributes = `livekit-url="${escapeAttribute(livekit.url)}" token-url="${escapeAttribute(livekit.tokenUrl)}" room="${escapeAttribute(livekit.room)}"`;
  let done = false;
  // The first real <live-player> tag: comments that mention the element are skipped.
  return html.replace(/<!--[\s\S]*?-->|<live-player(?=[\s>])/g, (match) => {
    if (done || match.startsWith('<!--')) return match;
    done = true;
    return `<live-player ${attributes}`;
  });
}

/**
 * The page's CSP: no inline script or style anywhere, so a shop can embed LiveHook under a strict
 * policy. hls.js needs `blob:` for its transmuxing worker and for the MSE media URL; the group QR code
 * is a `data:` PNG.
 * @param {{ connect?: string[] }} [extra] origins the page must also reach (a remote LiveKit server)
 * @returns {string}
 */
export function contentSecurityPolicy({ connect = [] } = {}) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    ['connect-src', "'self'", 'ws:', 'wss:', 'http://127.0.0.1:*', ...connect].join(' '),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** @param {string} value */
function escapeAttribute(value) {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
