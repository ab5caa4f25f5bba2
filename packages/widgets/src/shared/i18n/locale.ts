// Picks a widget's language (its own `lang`, an ancestor's across shadow roots, the document's,
// the browser's) and fills in strings. Same order as <live-player>, so both speak one language.
import { type Translate as CoreTranslate, dateTimeFormat, Locales, languageOf } from '@livehook/core';
import { en, type WidgetStrings, zhCN } from './strings.js';

const locales = new Locales<WidgetStrings>(en, { 'zh-cn': zhCN });

/**
 * Adds or extends a language for every widget on the page. Missing keys fall back to English.
 *
 * ```ts
 * registerWidgetLocale('ja', { retry: '再試行', close: '閉じる' });
 * ```
 */
export function registerWidgetLocale(tag: string, strings: Partial<WidgetStrings>): void {
  locales.register(tag, strings);
}

/** The registered tag closest to `wanted`, or 'en'. */
export const matchLocale = (wanted: string | undefined): string => locales.match(wanted);

export { languageOf };

export type Translate = CoreTranslate<WidgetStrings>;

/** A lookup for one locale: its string, else English, with `{name}` filled in. */
export const translator = (locale: string): Translate => locales.translator(locale);

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
    return dateTimeFormat(locale === 'zh-cn' ? 'zh-CN' : locale, options).format(time);
  } catch {
    return new Date(time).toLocaleString(); // a time zone Intl does not know
  }
}
