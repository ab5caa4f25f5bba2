// Picks a widget's language (its own `lang`, an ancestor's across shadow roots, the document's,
// the browser's) and fills in strings. Same order as <live-player>, so both speak one language.
import { en, type WidgetStrings, zhCN } from './strings.js';

const locales = new Map<string, Partial<WidgetStrings>>([
  ['en', en],
  ['zh-cn', zhCN],
]);

/**
 * Adds or extends a language for every widget on the page. Missing keys fall back to English.
 *
 * ```ts
 * registerWidgetLocale('ja', { retry: '再試行', close: '閉じる' });
 * ```
 */
export function registerWidgetLocale(tag: string, strings: Partial<WidgetStrings>): void {
  const key = tag.toLowerCase();
  locales.set(key, { ...locales.get(key), ...strings });
}

/** The registered tag closest to `wanted` (exact, then same language: zh-Hans, zh-TW → zh-cn), or 'en'. */
export function matchLocale(wanted: string | undefined): string {
  const tag = (wanted ?? '').toLowerCase().replace(/_/g, '-');
  if (!tag) return 'en';
  if (locales.has(tag)) return tag;
  const language = tag.split('-')[0]!;
  if (locales.has(language)) return language;
  for (const key of locales.keys()) if (key.split('-')[0] === language) return key;
  return 'en';
}

/** The language tag an element should speak: its own or nearest `lang` (across shadow roots), else the browser's. */
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

export type Translate = (key: keyof WidgetStrings, values?: Record<string, string>) => string;

/** A lookup for one locale: its string, else English, with `{name}` filled in. */
export function translator(locale: string): Translate {
  const table = locales.get(locale) ?? en;
  return (key, values) => {
    const text = table[key] ?? en[key];
    return values ? text.replace(/\{(\w+)\}/g, (m, name: string) => values[name] ?? m) : text;
  };
}

/** "Tue, Mar 10, 8:00 PM" in the viewer's time zone and language; '' for a bad date. */
export function formatDateTime(time: number, locale: string, timeZone?: string): string {
  if (!Number.isFinite(time)) return '';
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    ...(timeZone && { timeZone }),
  };
  try {
    return new Intl.DateTimeFormat(locale === 'zh-cn' ? 'zh-CN' : locale, options).format(time);
  } catch {
    return new Date(time).toLocaleString();
  }
}
