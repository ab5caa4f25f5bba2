// @ts-check
// Custom Elements Manifest analyzer plugins that make custom-elements.json usable by page builders as is:
// type aliases spelled out as the literal unions a select needs, read-only attributes marked, and abstract
// base classes no longer listed as custom elements (they have no tag, so a builder cannot offer them).

/** @typedef {{ text?: string }} TypeDoc */
/** @typedef {{ name: string, type?: TypeDoc, fieldName?: string, description?: string, readonly?: boolean }} AttributeDoc */
/** @typedef {{ kind: string, name: string, type?: TypeDoc, readonly?: boolean }} MemberDoc */
/** @typedef {{ kind: string, name: string, customElement?: boolean, tagName?: string, attributes?: AttributeDoc[], members?: MemberDoc[] }} DeclarationDoc */
/** @typedef {{ modules: { declarations?: DeclarationDoc[] }[] }} Manifest */

/** Attributes documented with `@attr` only (no field) say so in words: "Reflected, read-only: …". */
const READ_ONLY_WORDING = /^(reflected, )?read-only\b/i;

/**
 * Spells out type aliases in attribute and field types: `CountdownState` becomes
 * `'counting' | 'starting' | 'live' | 'ended'`, including aliases derived from `as const` objects
 * (`(typeof X)[keyof typeof X]`) and aliases of aliases. Unknown names are left as written.
 * @returns {import('@custom-elements-manifest/analyzer').Plugin}
 */
export function expandTypeAliases() {
  /** Alias name → its type as written. */
  const aliases = new Map();
  /** `as const` object name → its string values. */
  const constObjects = new Map();

  return {
    name: 'livehook-expand-type-aliases',
    collectPhase({ ts, node }) {
      if (ts.isTypeAliasDeclaration(node)) aliases.set(node.name.text, node.type.getText());
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        const init = node.initializer;
        if (
          ts.isAsExpression(init) &&
          init.type.getText() === 'const' &&
          ts.isObjectLiteralExpression(init.expression)
        ) {
          const values = init.expression.properties
            .filter(ts.isPropertyAssignment)
            .map((p) => p.initializer)
            .filter(ts.isStringLiteral)
            .map((s) => `'${s.text}'`);
          constObjects.set(node.name.text, values);
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      /** @param {string} text @param {Set<string>} seen @returns {string[]} */
      const expand = (text, seen) =>
        splitUnion(text).flatMap((part) => {
          const derived = /^\(typeof (\w+)\)\[keyof typeof \1\]$/.exec(part);
          if (derived && constObjects.has(derived[1])) return constObjects.get(derived[1]);
          if (aliases.has(part) && !seen.has(part)) return expand(aliases.get(part), new Set([...seen, part]));
          return [part];
        });
      forEachTyped(/** @type {Manifest} */ (customElementsManifest), (type) => {
        if (!type.text) return;
        const parts = [...new Set(expand(type.text, new Set()))];
        type.text = parts.join(' | ');
      });
    },
  };
}

/**
 * Marks attributes a page should not set: `readonly: true` when the field behind it is `readonly`
 * (TypeScript, or the `@readonly` JSDoc tag), or when its `@attr` description starts with "Read-only".
 * @returns {import('@custom-elements-manifest/analyzer').Plugin}
 */
export function markReadOnlyAttributes() {
  return {
    name: 'livehook-read-only-attributes',
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of declarationsOf(/** @type {Manifest} */ (customElementsManifest))) {
        for (const attribute of declaration.attributes ?? []) {
          const field = declaration.members?.find((m) => m.kind === 'field' && m.name === attribute.fieldName);
          if (field?.readonly || READ_ONLY_WORDING.test(attribute.description ?? '')) attribute.readonly = true;
        }
      }
    },
  };
}

/**
 * Abstract classes (`abstract class LiveWidget extends LitElement`) keep their members for inheritance,
 * but are not custom elements: no tag, never registered.
 * @returns {import('@custom-elements-manifest/analyzer').Plugin}
 */
export function dropAbstractElements() {
  /** @type {Set<string>} */
  const abstractClasses = new Set();
  return {
    name: 'livehook-drop-abstract-elements',
    collectPhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      if (node.modifiers?.some((m) => m.kind === ts.SyntaxKind.AbstractKeyword)) abstractClasses.add(node.name.text);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of declarationsOf(/** @type {Manifest} */ (customElementsManifest))) {
        if (abstractClasses.has(declaration.name) && !declaration.tagName) delete declaration.customElement;
      }
    },
  };
}

/** Every plugin above, in the order they need to run. */
export function builderPlugins() {
  return [expandTypeAliases(), markReadOnlyAttributes(), dropAbstractElements()];
}

/** @param {Manifest} manifest */
function declarationsOf(manifest) {
  return manifest.modules.flatMap((m) => m.declarations ?? []);
}

/** @param {Manifest} manifest @param {(type: TypeDoc) => void} visit */
function forEachTyped(manifest, visit) {
  for (const declaration of declarationsOf(manifest)) {
    for (const item of [...(declaration.attributes ?? []), ...(declaration.members ?? [])]) {
      if (item.type) visit(item.type);
    }
  }
}

/**
 * Splits a type on its top-level `|` (not inside brackets or quotes).
 * @param {string} text
 * @returns {string[]}
 */
export function splitUnion(text) {
  /** @type {string[]} */
  const parts = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (const char of text) {
    const arrow = char === '>' && current.endsWith('=');
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === "'" || char === '"' || char === '`') {
      quote = char;
    } else if ('([{<'.includes(char)) {
      depth++;
    } else if (')]}>'.includes(char) && !arrow) {
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
