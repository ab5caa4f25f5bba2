// The one place that turns what a user typed into sources we can try, or a clear reason why not.
import { ViewerError } from '../viewer/errors.js';

/** An HLS (or LL-HLS) playlist URL. */
export interface HlsSource {
  readonly kind: 'hls';
  readonly url: string;
}

/**
 * A LiveKit room. Either a token the page already has, or the shop's token endpoint, which the SDK
 * asks (POST JSON `{ room, kind }` → `{ token, url? }`); the API secret never reaches the browser.
 * `host` is the identity to watch; without it, the first participant publishing camera or screen video.
 */
export type LiveKitSource =
  | { readonly kind: 'livekit'; readonly url: string; readonly token: string; readonly host?: string }
  | {
      readonly kind: 'livekit';
      readonly url: string;
      readonly tokenUrl: string;
      readonly room: string;
      readonly host?: string;
    };

export type Source = HlsSource | LiveKitSource;

/** What callers may pass: a playlist URL, or a source object (`kind` may be left out for LiveKit). */
export type SourceInput =
  | string
  | { kind: 'hls'; url: string }
  | { kind?: 'livekit'; url: string; token: string; host?: string }
  | { kind?: 'livekit'; url: string; tokenUrl: string; room: string; host?: string };

/** @deprecated kept for callers of the first release; use ViewerError with code 'bad-source'. */
export class SourceError extends ViewerError {
  constructor(message: string) {
    super('bad-source', message);
  }
}

/**
 * Validates an HLS source URL against the page's base URL.
 * Only http(s) and relative URLs are accepted: a `javascript:` or `data:` src is refused.
 */
export function parseHlsSource(
  input: string,
  base: string = globalThis.location?.href ?? 'http://localhost/',
): HlsSource {
  const trimmed = input.trim();
  if (!trimmed) throw new SourceError('src is empty: set it to the URL of an .m3u8 playlist');
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    throw new SourceError(`src "${truncate(trimmed)}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SourceError(`src must be an http(s) URL, got "${url.protocol}"`);
  }
  return { kind: 'hls', url: url.href };
}

/**
 * Validates a LiveKit source: a ws(s) or http(s) server URL, and a token or a token endpoint (http(s),
 * may be relative to the page) with a room name. The token itself is never logged.
 */
export function parseLiveKitSource(
  input: { url?: unknown; token?: unknown; tokenUrl?: unknown; room?: unknown; host?: unknown },
  base: string = globalThis.location?.href ?? 'http://localhost/',
): LiveKitSource {
  const { token, tokenUrl, room, host } = input;
  const url = typeof input.url === 'string' ? input.url.trim() : '';
  if (!url) throw new SourceError('livekit-url is empty: set it to your LiveKit server, e.g. wss://live.example.com');
  let server: URL;
  try {
    server = new URL(url);
  } catch {
    throw new SourceError(`livekit-url "${truncate(url)}" is not an absolute URL`);
  }
  if (!['ws:', 'wss:', 'http:', 'https:'].includes(server.protocol)) {
    throw new SourceError(`livekit-url must be a ws(s) or http(s) URL, got "${server.protocol}"`);
  }
  if (host !== undefined && (typeof host !== 'string' || !host.trim() || host.length > 256)) {
    throw new SourceError('host must be a participant identity (a non-empty string)');
  }
  const hostPart = typeof host === 'string' ? { host: host.trim() } : {};
  if (typeof token === 'string' && token.trim()) {
    if (token.length > 16_384 || /\s/.test(token.trim())) throw new SourceError('token is not a LiveKit access token');
    return { kind: 'livekit', url: server.href, token: token.trim(), ...hostPart };
  }
  if (typeof tokenUrl !== 'string' || !tokenUrl.trim()) {
    throw new SourceError('a LiveKit source needs a token or a token-url (the endpoint that mints viewer tokens)');
  }
  let endpoint: URL;
  try {
    endpoint = new URL(tokenUrl.trim(), base);
  } catch {
    throw new SourceError(`token-url "${truncate(tokenUrl)}" is not a valid URL`);
  }
  if (endpoint.protocol !== 'http:' && endpoint.protocol !== 'https:') {
    throw new SourceError(`token-url must be an http(s) URL, got "${endpoint.protocol}"`);
  }
  if (typeof room !== 'string' || !room.trim() || room.length > 256) {
    throw new SourceError('a LiveKit source with a token-url needs a room name');
  }
  return { kind: 'livekit', url: server.href, tokenUrl: endpoint.href, room: room.trim(), ...hostPart };
}

/** Parses one input into a Source. Throws a ViewerError('bad-source') that names the problem. */
export function parseSource(input: SourceInput, base?: string): Source {
  if (typeof input === 'string') return parseHlsSource(input, base);
  if (input && typeof input === 'object' && input.kind === 'hls' && typeof input.url === 'string') {
    return parseHlsSource(input.url, base);
  }
  if (
    input &&
    typeof input === 'object' &&
    (input.kind === 'livekit' || (input.kind === undefined && ('token' in input || 'tokenUrl' in input)))
  ) {
    return parseLiveKitSource(input, base);
  }
  throw new SourceError(`unknown source ${truncate(JSON.stringify(input) ?? String(input))}`);
}

/** A short, log-friendly name for a source (never the token). */
export function describeSource(source: Source): string {
  if (source.kind === 'livekit') return `livekit ${source.url} room ${'room' in source ? source.room : '(token)'}`;
  return `${source.kind} ${source.url}`;
}

function truncate(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
