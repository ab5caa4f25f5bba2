// The one place that turns what a user typed into sources we can try, or a clear reason why not.
import { ViewerError } from '../viewer/errors.js';

/** An HLS (or LL-HLS) playlist URL. */
export interface HlsSource {
  readonly kind: 'hls';
  readonly url: string;
}

export type Source = HlsSource;

/** What callers may pass: a playlist URL, or a source object. */
export type SourceInput = string | { kind: 'hls'; url: string };

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

/** Parses one input into a Source. Throws a ViewerError('bad-source') that names the problem. */
export function parseSource(input: SourceInput, base?: string): Source {
  if (typeof input === 'string') return parseHlsSource(input, base);
  if (input && typeof input === 'object' && input.kind === 'hls' && typeof input.url === 'string') {
    return parseHlsSource(input.url, base);
  }
  throw new SourceError(`unknown source ${truncate(JSON.stringify(input) ?? String(input))}`);
}

/** A short, log-friendly name for a source. */
export function describeSource(source: Source): string {
  return `${source.kind} ${source.url}`;
}

function truncate(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
