// Which live stream the page plays: `?src=<.m3u8 URL>`, else the demo loop that `vite` and
// `vite preview` serve at /stream/ (see vite.config.ts). A shop would put its CDN URL here.
export function streamUrl(): string {
  return new URLSearchParams(location.search).get('src') ?? '/stream/master.m3u8';
}
