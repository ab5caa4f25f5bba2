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
 * The page's CSP: the strict recipe of docs/guides/security.md. No inline script or style, no eval, Trusted
 * Types enforced (Lit's `lit-html` policy, once per bundle), no `blob:` worker (hls.js runs without one); MSE
 * needs `blob:` media URLs and the group QR code is a `data:` PNG.
 * @param {{ connect?: string[] }} [extra] origins the page must also reach (a remote LiveKit server)
 * @returns {string}
 */
export function contentSecurityPolicy({ connect = [] } = {}) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "media-src 'self' blob:",
    ['connect-src', "'self'", 'ws:', 'wss:', 'http://127.0.0.1:*', ...connect].join(' '),
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
    "require-trusted-types-for 'script'",
    "trusted-types lit-html 'allow-duplicates'",
  ].join('; ');
}

/** @param {string} value */
function escapeAttribute(value) {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
