// Language matching and lazily fetched tables: English until a table arrives, the table after, English if it fails.
import { describe, expect, it } from 'vitest';
import { Locales } from './locales.js';

const en = { hello: 'Hello', bye: 'Bye {name}' };
type Strings = typeof en;

describe('Locales', () => {
  it('matches exact tags, then the language, and falls back to English for missing keys', () => {
    const locales = new Locales<Strings>(en, { 'zh-CN': { hello: '你好' } });
    expect(locales.match('zh-Hans-SG')).toBe('zh-cn');
    expect(locales.match('fr')).toBe('en');
    const t = locales.translator('zh-cn');
    expect(t('hello')).toBe('你好');
    expect(t('bye', { name: 'Ana' })).toBe('Bye Ana');
  });

  it('knows a lazy language before loading it, speaks English until it has loaded, then speaks it', async () => {
    let calls = 0;
    const locales = new Locales<Strings>(
      en,
      {},
      {
        'zh-cn': async () => {
          calls++;
          return { hello: '你好' };
        },
      },
    );
    expect(locales.match('zh')).toBe('zh-cn');
    expect(locales.translator('zh-cn')('hello')).toBe('Hello');
    const first = locales.load('zh-cn');
    expect(locales.load('zh-cn')).toBe(first); // one fetch for every player on the page
    await first;
    expect(calls).toBe(1);
    expect(locales.translator('zh-cn')('hello')).toBe('你好');
    expect(locales.load('zh-cn')).toBeUndefined();
    expect(locales.load('en')).toBeUndefined();
  });

  it('keeps registered strings over the fetched ones, and retries a table that failed to load', async () => {
    let fail = true;
    const locales = new Locales<Strings>(
      en,
      {},
      {
        'zh-cn': async () => {
          if (fail) throw new Error('offline');
          return { hello: '你好', bye: '再见' };
        },
      },
    );
    locales.register('zh-CN', { bye: '拜拜' });
    await locales.load('zh-cn');
    expect(locales.translator('zh-cn')('hello')).toBe('Hello');
    fail = false;
    await locales.load('zh-cn');
    expect(locales.translator('zh-cn')('hello')).toBe('你好');
    expect(locales.translator('zh-cn')('bye')).toBe('拜拜');
  });
});
