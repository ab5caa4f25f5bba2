// @ts-check
// The two pages of the LiveKit benchmark, each a 640×360 muted autoplaying viewer of room `demo`.

/**
 * @typedef {{ wsUrl: string, tokenUrl: string, room: string }} Target
 * @typedef {{ id: string, label: string, html: (target: Target) => string, query?: (target: Target) => string }} Contender
 */

const attr = (/** @type {string} */ s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** @type {Contender[]} */
export const CONTENDERS = [
  {
    id: 'player',
    label: '`<live-player>` (CDN build)',
    html: ({ wsUrl, tokenUrl, room }) => `<!doctype html><meta charset="utf-8"><title>live-player</title>
<body style="margin:0">
<script type="module" src="/player/live-player.js"></script>
<live-player livekit-url="${attr(wsUrl)}" token-url="${attr(tokenUrl)}" room="${attr(room)}" autoplay muted style="width:640px"></live-player>`,
  },
  {
    id: 'raw',
    label: 'plain livekit-client',
    html: () => `<!doctype html><meta charset="utf-8"><title>livekit-client</title>
<body style="margin:0">
<video autoplay muted playsinline style="width:640px;height:360px;background:#000"></video>
<script type="module" src="/raw-viewer.js"></script>`,
    // raw-viewer.js reads tokenUrl and room from the page's query string.
    query: ({ tokenUrl, room }) => `?tokenUrl=${encodeURIComponent(tokenUrl)}&room=${encodeURIComponent(room)}`,
  },
];
