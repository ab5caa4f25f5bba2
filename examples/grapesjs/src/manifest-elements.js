// @ts-check
// Reads a Custom Elements Manifest into what a page builder offers: one entry per element with a tag,
// one setting per attribute a page may set. Builder-neutral: GrapesJS, Builder.io or Puck map the same data.

/**
 * @typedef {object} Setting
 * @property {string} name the attribute
 * @property {'checkbox' | 'number' | 'select' | 'text'} input what edits it
 * @property {string[]} [options] the values of a select
 * @property {string | number | boolean} [default] what the element does without the attribute
 * @property {string} description
 */

/**
 * @typedef {object} ElementEntry
 * @property {string} tagName
 * @property {string} summary one line for the block
 * @property {string} description
 * @property {boolean} hasSlots other blocks may be dropped inside
 * @property {boolean} previewable the element has a `preview` attribute for editors
 * @property {Setting[]} settings
 */

/** Attributes the builder manages itself: `preview` is set in the editor canvas only, never published. */
const BUILDER_MANAGED = new Set(['preview']);
const STRING_LITERAL = /^(['"])(.*)\1$/;

/**
 * Every element of a manifest that has a tag (abstract bases and helpers have none).
 * @param {any} manifest parsed custom-elements.json
 * @returns {ElementEntry[]}
 */
export function elementsFromManifest(manifest) {
  if (!manifest || !Array.isArray(manifest.modules)) {
    throw new TypeError('Not a Custom Elements Manifest: expected an object with a "modules" array.');
  }
  return manifest.modules
    .flatMap((/** @type {any} */ module) => module.declarations ?? [])
    .filter((/** @type {any} */ d) => d.customElement && typeof d.tagName === 'string' && d.tagName.includes('-'))
    .map((/** @type {any} */ d) => {
      const attributes = /** @type {any[]} */ (d.attributes ?? []);
      return {
        tagName: d.tagName,
        summary: d.summary ?? firstSentence(d.description ?? ''),
        description: d.description ?? '',
        hasSlots: (d.slots ?? []).length > 0,
        previewable: attributes.some((a) => a.name === 'preview'),
        settings: attributes.filter((a) => !a.readonly && !BUILDER_MANAGED.has(a.name)).map(settingFromAttribute),
      };
    });
}

/**
 * One attribute → one setting: `boolean` → checkbox, `number` → number, a union of string literals → select,
 * anything else → text. `null` and `undefined` in a union only mean "not set".
 * @param {{ name: string, type?: { text?: string }, default?: string, description?: string }} attribute
 * @returns {Setting}
 */
export function settingFromAttribute(attribute) {
  const parts = unionParts(attribute.type?.text ?? 'string').filter((p) => p !== 'null' && p !== 'undefined');
  const literals = parts.map((p) => STRING_LITERAL.exec(p)?.[2]);
  /** @type {Setting} */
  const setting = { name: attribute.name, input: 'text', description: attribute.description ?? '' };
  if (parts.length === 1 && parts[0] === 'boolean') setting.input = 'checkbox';
  else if (parts.length === 1 && parts[0] === 'number') setting.input = 'number';
  else if (parts.length > 0 && literals.every((l) => l !== undefined)) {
    setting.input = 'select';
    setting.options = /** @type {string[]} */ (literals);
  }
  const fallback = literalValue(attribute.default);
  if (fallback !== undefined) setting.default = fallback;
  return setting;
}

/**
 * The manifest's `default` is the source text of the initial value (`'standard'`, `60`, `false`, `null`).
 * @param {string | undefined} text
 * @returns {string | number | boolean | undefined}
 */
export function literalValue(text) {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  const quoted = STRING_LITERAL.exec(trimmed);
  if (quoted) return quoted[2];
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  if (trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  return undefined;
}

/**
 * Top-level members of a union type (`'a' | 'b'`), not split inside quotes or brackets.
 * @param {string} text
 * @returns {string[]}
 */
function unionParts(text) {
  /** @type {string[]} */
  const parts = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if ('([{<'.includes(char)) {
      depth++;
    } else if (')]}>'.includes(char)) {
      depth--;
    } else if (char === '|' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current.trim());
  return parts.filter(Boolean);
}

/** @param {string} text */
function firstSentence(text) {
  return /^[^.\n]*\.?/.exec(text)?.[0] ?? '';
}
