// The one place that turns what a user typed into a source we can try, or a clear reason why not.

/** An HLS (or LL-HLS) playlist URL. */
export interface HlsSource {
  readonly kind: 'hls';
  readonly url: string;
}

export type Source = HlsSource;

export class SourceError extends Error {
  override name = 'SourceError';
}

/**
 * Validates an HLS source URL against the page's base URL.
 * Only http(s) and relative URLs are accepted: a `javascript:` or `data:` src is refused.
 */
export function parseHlsSource(input: string, base: string = globalThis.location?.href ?? 'http://localhost/'): HlsSource {
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

function truncate(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
