// @ts-check
// The GrapesJS plugin: every element in the given Custom Elements Manifests becomes a block, and its
// attributes become the block's property panel. Nothing is listed per element: the manifests decide.
import { elementsFromManifest } from './manifest-elements.js';
import { traitFromSetting } from './traits.js';

/**
 * @typedef {object} ElementSource
 * @property {unknown} manifest a parsed custom-elements.json
 * @property {string} script URL of the package's CDN build (an ES module) that defines its elements
 */

/**
 * @typedef {object} LiveHookPluginOptions
 * @property {ElementSource[]} sources
 * @property {string} [category] block category name
 */

const BLOCK_ICON =
  '<svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true"><rect x="3" y="5" width="18" height="14" rx="2" fill="none" stroke="currentColor" stroke-width="1.6"/><circle cx="7.5" cy="9" r="1.6" fill="#ff2d55"/></svg>';

/**
 * @param {any} editor the GrapesJS editor
 * @param {LiveHookPluginOptions} options
 */
export default function liveHookPlugin(editor, { sources, category = 'LiveHook' }) {
  const baseView = editor.Components.getType('default').view;
  for (const { manifest } of sources) {
    for (const element of elementsFromManifest(manifest)) {
      const { tagName } = element;
      editor.Components.addType(tagName, {
        isComponent: (/** @type {any} */ el) => el?.tagName?.toLowerCase() === tagName,
        model: {
          defaults: {
            tagName,
            name: tagName,
            droppable: element.hasSlots,
            traits: element.settings.map(traitFromSetting),
          },
        },
        view: {
          // GrapesJS clears every attribute before writing the model's back. Removing `src` and setting it
          // again would restart the player's stream on every edit, so only attributes the model dropped go.
          /** @this {{ el: HTMLElement, model: any }} */
          __clearAttributes() {
            const wanted = Object.entries(this.model.getAttributes())
              .filter(([, value]) => value !== false && value !== null && value !== undefined)
              .map(([name]) => name);
            const kept = new Set([...wanted, 'id', 'preview']);
            for (const { name } of [...this.el.attributes]) if (!kept.has(name)) this.el.removeAttribute(name);
          },
          // `preview` goes on the canvas copy only, so a freshly dropped widget shows at once but the
          // published page keeps its real trigger.
          /** @this {{ el: HTMLElement }} */
          updateAttributes() {
            baseView.prototype.updateAttributes.call(this);
            if (element.previewable) this.el.setAttribute('preview', '');
          },
        },
      });
      editor.Blocks.add(tagName, {
        label: `${BLOCK_ICON}<div class="lh-block-tag">&lt;${tagName}&gt;</div><div class="lh-block-summary">${escapeHtml(element.summary)}</div>`,
        category,
        attributes: { title: element.summary, 'data-block': tagName },
        content: { type: tagName },
      });
    }
  }
}

/**
 * The canvas must run the same CDN builds as the published page, so the elements render live while editing.
 * @param {ElementSource[]} sources
 */
export function canvasScripts(sources) {
  return sources.map(({ script }) => ({ src: script, type: 'module' }));
}

/** @param {string} text */
function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
