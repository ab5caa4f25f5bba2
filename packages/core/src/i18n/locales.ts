// One language registry shape for every element: the player and the widgets pick a language the
// same way (own `lang`, nearest ancestor's across shadow roots, the browser's) and fall back to English.

export type Translate<S> = (key: keyof S, values?: Record<string, string>) => string;

/** A table of strings per language tag; `en` is complete and is the fallback for missing keys. */
export class Locales<S extends { [K in keyof S]: string }> {
  private readonly tables: Map<string, Partial<S>>;
  private readonly loaders = new Map<string, () => Promise<Partial<S>>>();
  private readonly loading = new Map<string, Promise<void>>();

  /**
   * @param others tables bundled with the code
   * @param lazy tables fetched the first time a page needs them (`load`), so one language's words are
   *   not every page's download
   */
  constructor(
    private readonly en: S,
    others: Record<string, Partial<S>> = {},
    lazy: Record<string, () => Promise<Partial<S>>> = {},
  ) {
    this.tables = new Map<string, Partial<S>>([
      ['en', en],
      ...Object.entries(others).map(([k, v]) => [k.toLowerCase(), v] as const),
    ]);
    for (const [tag, load] of Object.entries(lazy)) this.loaders.set(tag.toLowerCase(), load);
  }

  /**
   * Fetches a lazy table. Undefined when there is nothing to wait for (bundled, registered, unknown, or
   * already loaded); else a promise that settles once `translator(locale)` speaks it (English if it failed).
   */
  load(locale: string): Promise<void> | undefined {
    const load = this.loaders.get(locale);
    if (!load) return undefined;
    let pending = this.loading.get(locale);
    if (!pending) {
      pending = load().then(
        (strings) => {
          this.loaders.delete(locale);
          this.tables.set(locale, { ...strings, ...this.tables.get(locale) }); // registerLocale wins
        },
        () => {
          this.loading.delete(locale); // stays English this time; a later load tries again
        },
      );
      this.loading.set(locale, pending);
    }
    return pending;
  }

  /** Adds or extends a language. Missing keys fall back to English. */
  register(tag: string, strings: Partial<S>): void {
    const key = tag.toLowerCase();
    this.tables.set(key, { ...this.tables.get(key), ...strings });
  }

  /** The registered tag closest to `wanted` (exact, then same language: zh-Hans-SG → zh-cn), or 'en'. */
  match(wanted: string | undefined): string {
    const tag = (wanted ?? '').toLowerCase().replace(/_/g, '-');
    if (!tag) return 'en';
    const known = (key: string) => this.tables.has(key) || this.loaders.has(key);
    if (known(tag)) return tag;
    const language = tag.split('-')[0]!;
    if (known(language)) return language;
    for (const key of [...this.tables.keys(), ...this.loaders.keys()]) if (key.split('-')[0] === language) return key;
    return 'en';
  }

  /** A lookup for one locale: its string, else English, with `{name}` filled in. */
  translator(locale: string): Translate<S> {
    const table = this.tables.get(locale) ?? this.en;
    return (key, values) => {
      const text = (table[key] ?? this.en[key]) as string;
      return values ? text.replace(/\{(\w+)\}/g, (m, name: string) => values[name] ?? m) : text;
    };
  }
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

/**
 * Intl's date formatter for `locale`, or English when Intl rejects the tag (WebKitGTK under `LANG=C` reports
 * `navigator.language` as "C"): the same fallback the strings have. Still throws for an unknown `timeZone`.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    return new Intl.DateTimeFormat('en', options); // throws again if it was the time zone
  }
}
