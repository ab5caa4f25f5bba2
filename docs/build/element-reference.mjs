// @ts-check
// The element reference, generated from the Custom Elements Manifests that `pnpm build` writes: one entry per
// element with its attributes, properties, methods, events, slots, CSS parts and CSS custom properties.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.mjs';

/** The packages whose manifests list elements, in the order their elements appear in the nav. */
export const MANIFEST_PACKAGES = ['player', 'widgets'];

/**
 * @typedef {{ name: string, description?: string, type?: { text: string }, default?: string, fieldName?: string,
 *   kind?: string, privacy?: string, static?: boolean, readonly?: boolean, attribute?: string,
 *   parameters?: { name: string, type?: { text: string }, optional?: boolean }[], return?: { type?: { text: string } },
 *   inheritedFrom?: { name: string } }} ManifestItem
 * @typedef {{ kind: string, name: string, tagName?: string, customElement?: boolean, description?: string,
 *   summary?: string, superclass?: { name: string }, attributes?: ManifestItem[], members?: ManifestItem[],
 *   events?: ManifestItem[], slots?: ManifestItem[], cssParts?: ManifestItem[], cssProperties?: ManifestItem[] }} Declaration
 * @typedef {object} ElementDoc
 * @property {string} tag
 * @property {string} className
 * @property {string} packageName e.g. `@livehook/widgets`
 * @property {string} summary
 * @property {string} description
 * @property {boolean} tagFromClassName the manifest has no `@tagname`; the tag was derived from the class name
 * @property {ManifestItem[]} attributes
 * @property {ManifestItem[]} properties public instance fields and accessors
 * @property {ManifestItem[]} methods public instance methods
 * @property {ManifestItem[]} events
 * @property {ManifestItem[]} slots
 * @property {ManifestItem[]} cssParts
 * @property {ManifestItem[]} cssProperties
 */

/** Lit and custom-element lifecycle methods: public in the class, not API for page authors. */
const LIFECYCLE = new Set([
  'connectedCallback',
  'disconnectedCallback',
  'attributeChangedCallback',
  'adoptedCallback',
  'render',
  'update',
  'updated',
  'firstUpdated',
  'willUpdate',
  'shouldUpdate',
  'createRenderRoot',
  'requestUpdate',
  'scheduleUpdate',
  'performUpdate',
  'getUpdateComplete',
]);

/**
 * Every element in the manifests. Throws with the command to run when a manifest is missing.
 * @param {string} [root] repository root
 * @returns {ElementDoc[]}
 */
export function loadElements(root = repoRoot) {
  /** @type {ElementDoc[]} */
  const elements = [];
  for (const pkg of MANIFEST_PACKAGES) {
    const file = join(root, 'packages', pkg, 'custom-elements.json');
    if (!existsSync(file)) {
      throw new Error(
        `packages/${pkg}/custom-elements.json is missing: run \`pnpm build\` at the repository root first.`,
      );
    }
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    const packageName = JSON.parse(readFileSync(join(root, 'packages', pkg, 'package.json'), 'utf8')).name;
    /** @type {Declaration[]} */
    const declarations = manifest.modules.flatMap(
      (/** @type {{ declarations?: Declaration[] }} */ m) => m.declarations ?? [],
    );
    const extended = new Set(declarations.map((d) => d.superclass?.name).filter(Boolean));
    for (const d of declarations) {
      if (!d.customElement) continue;
      // A class without @tagname that no other element extends is still an element (it is registered by a
      // define function); a base class that others extend is not.
      if (!d.tagName && extended.has(d.name)) continue;
      elements.push(toElementDoc(d, packageName));
    }
  }
  return elements;
}

/** @param {Declaration} d @param {string} packageName @returns {ElementDoc} */
function toElementDoc(d, packageName) {
  const members = d.members ?? [];
  const isPublic = (/** @type {ManifestItem} */ m) => !m.privacy || m.privacy === 'public';
  return {
    tag: d.tagName ?? kebab(d.name),
    className: d.name,
    packageName,
    summary: d.summary ?? '',
    description: d.description ?? '',
    tagFromClassName: !d.tagName,
    attributes: (d.attributes ?? []).map((a) => ({
      ...a,
      description: a.description || members.find((m) => m.name === a.fieldName)?.description,
    })),
    properties: members.filter((m) => m.kind === 'field' && isPublic(m) && !m.static && !m.name.startsWith('_')),
    methods: members.filter(
      (m) => m.kind === 'method' && isPublic(m) && !m.static && !m.name.startsWith('_') && !LIFECYCLE.has(m.name),
    ),
    events: d.events ?? [],
    slots: d.slots ?? [],
    cssParts: d.cssParts ?? [],
    cssProperties: d.cssProperties ?? [],
  };
}

/** @param {string} name `LiveAnalytics` → `live-analytics` */
function kebab(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/**
 * The generated reference of one element, as markdown (rendered with the rest of the page).
 * @param {ElementDoc} el
 */
export function referenceMarkdown(el) {
  const sections = [
    `## Reference\n\nGenerated from \`${el.packageName}/custom-elements.json\` (class \`${el.className}\`).`,
    table(
      'Attributes',
      ['attribute', 'property', 'type', 'default', 'description'],
      el.attributes.map((a) => [
        code(a.name),
        a.fieldName ? code(a.fieldName) : '—',
        code(a.type?.text),
        code(a.default),
        a.description,
      ]),
    ),
    table(
      'Properties',
      ['property', 'type', 'default', 'description'],
      el.properties.map((p) => [
        code(p.name) + (p.readonly ? ' (read-only)' : ''),
        code(p.type?.text),
        code(p.default),
        p.description,
      ]),
    ),
    table(
      'Methods',
      ['method', 'returns', 'description'],
      el.methods.map((m) => [code(`${m.name}(${parameters(m)})`), code(m.return?.type?.text), m.description]),
    ),
    table(
      'Events',
      ['event', 'detail', 'description'],
      el.events.map((e) => [code(e.name), code(e.type?.text), e.description]),
    ),
    table(
      'Slots',
      ['slot', 'description'],
      el.slots.map((s) => [s.name ? code(s.name) : '(default)', s.description]),
    ),
    table(
      'CSS parts',
      ['part', 'description'],
      el.cssParts.map((p) => [code(p.name), p.description]),
    ),
    table(
      'CSS custom properties',
      ['property', 'default', 'description'],
      el.cssProperties.map((p) => [code(p.name), code(p.default), p.description]),
    ),
  ];
  return sections.join('\n\n');
}

/**
 * @param {string} title
 * @param {string[]} head
 * @param {(string | undefined)[][]} rows
 */
function table(title, head, rows) {
  if (!rows.length) return `### ${title}\n\nNone.`;
  const line = (/** @type {(string | undefined)[]} */ cells) => `| ${cells.map(cell).join(' | ')} |`;
  return [`### ${title}`, '', line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** One table cell: a single line, pipes escaped (markdown in descriptions is kept). */
function cell(/** @type {string | undefined} */ text) {
  return (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

/** Inline code for a value that may itself hold backticks; empty stays empty. */
function code(/** @type {string | undefined} */ text) {
  if (text === undefined || text === '') return '';
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** @param {ManifestItem} m */
function parameters(m) {
  return (m.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}`).join(', ');
}
