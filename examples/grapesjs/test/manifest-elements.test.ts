// The manifest contract a page builder relies on: every element with a tag is offered, every attribute a page
// may set becomes a field of the right kind, and a new JSDoc-documented attribute shows up with no other change.
import { readFileSync } from 'node:fs';
import { create, ts } from '@custom-elements-manifest/analyzer/index.js';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';
import { describe, expect, it } from 'vitest';
import { builderPlugins } from '../../../scripts/cem-builder-plugins.mjs';
import { elementsFromManifest, type Setting, settingFromAttribute } from '../src/manifest-elements.js';

const readManifest = (pkg: string) =>
  JSON.parse(readFileSync(new URL(`../../../packages/${pkg}/custom-elements.json`, import.meta.url), 'utf8'));

function settingsOf(pkg: string, tagName: string): Record<string, Setting> {
  const element = elementsFromManifest(readManifest(pkg)).find((e) => e.tagName === tagName);
  if (!element) throw new Error(`${tagName} is not in the ${pkg} manifest`);
  return Object.fromEntries(element.settings.map((s) => [s.name, s]));
}

describe('the packages’ manifests, as a page builder reads them', () => {
  it('offers the player and every widget, and nothing without a tag (no abstract LiveWidget)', () => {
    expect(elementsFromManifest(readManifest('player')).map((e) => e.tagName)).toEqual(['live-player']);
    expect(
      elementsFromManifest(readManifest('widgets'))
        .map((e) => e.tagName)
        .sort(),
    ).toEqual(['live-analytics', 'live-countdown', 'live-coupon', 'live-follow-unlock', 'live-group-qr']);
  });

  it('maps attribute types to fields, with defaults and descriptions', () => {
    const player = settingsOf('player', 'live-player');
    expect(player.autoplay).toMatchObject({ input: 'checkbox', default: false });
    expect(player.latency).toMatchObject({ input: 'select', options: ['low', 'standard'], default: 'standard' });
    expect(player.src).toMatchObject({ input: 'text', default: '' });
    expect(player.src?.description).toMatch(/m3u8/);

    const countdown = settingsOf('widgets', 'live-countdown');
    expect(countdown.duration).toMatchObject({ input: 'number', default: 60 });
    // A type alias of an alias (`ContactChoice = ContactKind | 'any'`) arrives spelled out.
    expect(countdown['remind-with']).toMatchObject({ input: 'select', options: ['email', 'phone', 'any'] });
    expect(settingsOf('widgets', 'live-follow-unlock')['follow-mode']?.options).toEqual(['post', 'link', 'event', '']);
    expect(settingsOf('widgets', 'live-coupon').remaining).toMatchObject({ input: 'number' });
    expect(settingsOf('widgets', 'live-analytics').consent).toMatchObject({
      input: 'select',
      options: ['required', 'granted', 'denied'],
      default: 'granted',
    });
  });

  it('leaves out read-only state and the builder-managed preview; every setting is described', () => {
    for (const [pkg, tag] of [
      ['player', 'live-player'],
      ['widgets', 'live-countdown'],
      ['widgets', 'live-coupon'],
      ['widgets', 'live-follow-unlock'],
      ['widgets', 'live-group-qr'],
      ['widgets', 'live-analytics'],
    ] as const) {
      const settings = settingsOf(pkg, tag);
      expect(Object.keys(settings), tag).not.toContain('state');
      expect(Object.keys(settings), tag).not.toContain('preview');
      for (const setting of Object.values(settings)) expect(setting.description, `${tag} ${setting.name}`).not.toBe('');
    }
    expect(Object.keys(settingsOf('player', 'live-player'))).not.toContain('paused');
  });
});

describe('a new element documented in JSDoc', () => {
  it('becomes a block with one field per documented attribute, with no builder code changed', () => {
    const source = `
      import { LitElement } from 'lit';
      import { property } from 'lit/decorators.js';
      export const Mood = { Calm: 'calm', Loud: 'loud' } as const;
      export type Mood = (typeof Mood)[keyof typeof Mood];
      export abstract class ShopBase extends LitElement {
        /** The live room. */
        @property() room = '';
      }
      /**
       * A banner.
       * @summary Shows a banner.
       * @tagname shop-banner
       */
      export class ShopBanner extends ShopBase {
        /** Shown in big type. */
        @property() headline = '';
        /** How it sounds. */
        @property() mood: Mood = 'calm';
        /** Seconds on screen. */
        @property({ type: Number }) seconds = 5;
        /** Over the page. */
        @property({ type: Boolean }) sheet = false;
        /**
         * Reflected, for CSS.
         * @readonly
         */
        @property({ reflect: true }) state = 'idle';
      }
    `;
    const module = ts.createSourceFile('src/shop-banner.ts', source, ts.ScriptTarget.ES2022, true);
    const manifest = create({ modules: [module], plugins: [...litPlugin(), ...builderPlugins()] });
    const [banner, ...others] = elementsFromManifest(manifest);
    expect(others).toEqual([]);
    expect(banner).toMatchObject({ tagName: 'shop-banner', summary: 'Shows a banner.' });
    expect(banner?.settings).toEqual([
      { name: 'headline', input: 'text', default: '', description: 'Shown in big type.' },
      { name: 'mood', input: 'select', options: ['calm', 'loud'], default: 'calm', description: 'How it sounds.' },
      { name: 'seconds', input: 'number', default: 5, description: 'Seconds on screen.' },
      { name: 'sheet', input: 'checkbox', default: false, description: 'Over the page.' },
      { name: 'room', input: 'text', default: '', description: 'The live room.' },
    ]);
  });
});

describe('settingFromAttribute', () => {
  it('treats unknown and object types as text, and rejects what is not a manifest', () => {
    expect(settingFromAttribute({ name: 'x', type: { text: 'Record<string, string>' } }).input).toBe('text');
    expect(settingFromAttribute({ name: 'x' }).input).toBe('text');
    expect(settingFromAttribute({ name: 'x', type: { text: "'a' | 'b' | null" } })).toMatchObject({
      input: 'select',
      options: ['a', 'b'],
    });
    expect(() => elementsFromManifest({ nope: true })).toThrow(/Not a Custom Elements Manifest/);
  });
});
