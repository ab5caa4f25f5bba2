// Renders sections/livehook-live.liquid the way a Shopify theme does, with liquidjs: the {% schema %} block is
// read (not rendered), settings left unset take the schema's defaults, and the one Shopify-only filter the section
// uses (`image_url`) is stood in for. Unknown filters are errors, so a new Shopify filter cannot slip in untested.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Liquid } from 'liquidjs';

export const sectionFile = fileURLToPath(new URL('../sections/livehook-live.liquid', import.meta.url));

export interface SchemaSetting {
  type: string;
  id?: string;
  label?: string;
  info?: string;
  content?: string;
  default?: unknown;
  options?: { value: string; label: string }[];
}

export interface SectionSchema {
  name: string;
  settings: SchemaSetting[];
  presets: { name: string }[];
}

/** A Shopify image object as `image_picker` settings hold it (only what `image_url` reads). */
export interface ShopifyImage {
  src: string;
}

const source = readFileSync(sectionFile, 'utf8');
const schemaBlock = /{%-?\s*schema\s*-?%}([\s\S]*?){%-?\s*endschema\s*-?%}/;

/** The section's `{% schema %}` JSON. */
export function sectionSchema(): SectionSchema {
  const json = schemaBlock.exec(source)?.[1];
  if (!json) throw new Error('no {% schema %} block in the section');
  return JSON.parse(json);
}

const engine = new Liquid({ strictFilters: true });
// Shopify's image_url: the image's CDN address with the requested width.
engine.registerFilter('image_url', (image: ShopifyImage | string | null | undefined, ...args: unknown[]) => {
  const src = typeof image === 'string' ? image : image?.src;
  if (!src) return '';
  const width = args.find((arg): arg is [string, number] => Array.isArray(arg) && arg[0] === 'width')?.[1];
  return width ? `${src}${src.includes('?') ? '&' : '?'}width=${width}` : src;
});
const template = engine.parse(source.replace(schemaBlock, ''));

/** The section's HTML for these settings (unset ones take the schema defaults), as Shopify would output it. */
export async function renderSection(
  settings: Record<string, unknown>,
  { sectionId = 'template--1__livehook_live', locale = 'en' } = {},
): Promise<string> {
  const defaults = Object.fromEntries(
    sectionSchema()
      .settings.filter((s) => s.id && s.default !== undefined)
      .map((s) => [s.id, s.default]),
  );
  return engine.render(template, {
    section: { id: sectionId, settings: { ...defaults, ...settings } },
    request: { locale: { iso_code: locale } },
  });
}
