// Picks the player's language (its own `lang`, an ancestor's, the document's, the browser's) and fills in strings.
import { type Translate as CoreTranslate, dateTimeFormat, Locales, languageOf } from '@livehook/core';
import { en, type PlayerStrings } from './strings.js';

// English is bundled; other languages arrive as their own chunk when a player needs them.
const locales = new Locales<PlayerStrings>(en, {}, { 'zh-cn': () => import('./strings.zh-cn.js').then((m) => m.zhCN) });

/**
 * Adds or extends a language for every player on the page. Missing keys fall back to English.
 *
 * ```ts
 * registerLocale('ja', { live: 'ライブ', retry: '再試行' });
 * ```
 */
export function registerLocale(tag: string, strings: Partial<PlayerStrings>): void {
  locales.register(tag, strings);
}

/** Fetches a lazily loaded language; undefined when there is nothing to wait for. */
export const loadLocale = (locale: string): Promise<void> | undefined => locales.load(locale);

/** The registered tag closest to `wanted`, or 'en'. */
export const matchLocale = (wanted: string | undefined): string => locales.match(wanted);

export { languageOf };

export type Translate = CoreTranslate<PlayerStrings>;

/** A lookup function for one locale: the locale's string, else English, with `{name}` filled in. */
export const translator = (locale: string): Translate => locales.translator(locale);

/** "Wed, Nov 26, 8:00 PM" in the viewer's own time zone and language; undefined for a bad date. */
export function formatStartTime(iso: string, locale: string): string | undefined {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return undefined;
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  };
  return dateTimeFormat(locale, options).format(date);
}
