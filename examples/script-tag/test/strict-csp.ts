// The strict Content-Security-Policy of docs/guides/security.md, for the tests that serve pages under it.

/** The recipe, exactly as docs/guides/security.md gives it. */
export function strictPolicy({ cdn, stream, reportUri }: { cdn: string; stream: string; reportUri: string }): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${cdn}`,
    "style-src 'self'",
    "img-src 'self' data:",
    `media-src 'self' blob: ${stream}`,
    `connect-src 'self' ${stream}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "require-trusted-types-for 'script'",
    // Lit names its policy 'lit-html'; the player and the widgets bundles each carry Lit, hence 'allow-duplicates'.
    "trusted-types lit-html 'allow-duplicates'",
    `report-uri ${reportUri}`,
  ].join('; ');
}
