// Every link a widget opens or encodes passes through here: page builders paste URLs we don't control.

/** Schemes a widget may open or encode. Apps' own schemes (weixin:, line:) are opt-in per call. */
const WEB_SCHEMES = new Set(['http:', 'https:']);

export type SafeUrlResult = { ok: true; url: string } | { ok: false; reason: string };

/**
 * Accepts absolute or page-relative http(s) URLs (plus any explicitly allowed app schemes).
 * `javascript:`, `data:`, `vbscript:`, `file:` and every other scheme are refused with a reason.
 */
export function safeUrl(
  input: string | null | undefined,
  { base = globalThis.location?.href, allowSchemes = [] as readonly string[] } = {},
): SafeUrlResult {
  const text = (input ?? '').trim();
  if (!text) return { ok: false, reason: 'the URL is empty' };
  let url: URL;
  try {
    url = base ? new URL(text, base) : new URL(text);
  } catch {
    return { ok: false, reason: `"${text.slice(0, 60)}" is not a valid URL` };
  }
  if (WEB_SCHEMES.has(url.protocol) || allowSchemes.includes(url.protocol)) return { ok: true, url: url.href };
  return { ok: false, reason: `the "${url.protocol}" scheme is not allowed; use an http(s) link` };
}
