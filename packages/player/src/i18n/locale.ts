// Picks the player's language (its own `lang`, an ancestor's, the document's, the browser's) and fills in strings.
import { en, type PlayerStrings, zhCN } from './strings.js';

const locales = new Map<string, Partial<PlayerStrings>>([
  ['en', en],
  ['zh-cn', zhCN],
]);

/**
 * Adds or extends a language for every player on the page. Missing keys fall back to English.
 *
 * ```ts
 * registerLocale('ja', { live: 'ライブ', retry: '再試行' });
 * ```
 */
export function registerLocale(tag: string, strings: Partial<PlayerStrings>): void {
  const key = tag.toLowerCase();
  locales.set(key, { ...locales.get(key), ...strings });
}

/** The registered tag closest to `wanted` (exact, then same language, e.g. zh-Hans-SG → zh-cn), or 'en'. */
export function matchLocale(wanted: string | undefined): string {
  const tag = (wanted ?? '').toLowerCase().replace(/_/g, '-');
  if (!tag) return 'en';
  if (locales.has(tag)) return tag;
  const language = tag.split('-')[0]!;
  if (locales.has(language)) return language;
  for (const key of locales.keys()) if (key.split('-')[0] === language) return key;
  return 'en';
}

/** The language tag an element should speak: its own or nearest `lang` (across shadow roots), the document's, the browser's. */
export function languageOf(element: Element): string | undefined {
  let node: Element | null = element;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    const lang = found?.getAttribute('lang');
    if (lang) return lang;
    const root = (found ?? node).getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return globalThis.navigator?.language;
}

export type Translate = (key: keyof PlayerStrings, values?: Record<string, string>) => string;

/** A lookup function for one locale: the locale's string, else English, with `{name}` filled in. */
export function translator(locale: string): Translate {
  const table = locales.get(locale) ?? en;
  return (key, values) => {
    const text = table[key] ?? en[key];
    return values ? text.replace(/\{(\w+)\}/g, (m, name: string) => values[name] ?? m) : text;
  };
}

/** "Wed, Nov 26, 8:00 PM" in the viewer's own time zone and language; undefined for a bad date. */
export function formatStartTime(iso: string, locale: string): string | undefined {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return undefined;
  try {
    return new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    }).format(date);
  } catch {
    return date.toLocaleString();
  }
}
