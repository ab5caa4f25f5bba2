// @ts-check
// The example editor page: GrapesJS with the LiveHook plugin, fed by the packages' manifests, and a Publish button.
import grapesjs from '/vendor/grapesjs/grapes.mjs';
import zh from '/vendor/grapesjs/locale/zh.mjs';
import liveHookPlugin, { canvasScripts } from './plugin.js';
import { publishedPage } from './publish.js';
import { pickLanguage, STRINGS } from './strings.js';

/** Where this server keeps each package's manifest and CDN build (see ../server.mjs). */
const PACKAGES = [
  { manifest: '/manifests/player.json', script: '/cdn/player/live-player.js' },
  { manifest: '/manifests/widgets.json', script: '/cdn/widgets/live-widgets.js' },
];

const lang = pickLanguage(new URLSearchParams(location.search).get('lang'), navigator.languages);
const t = STRINGS[lang];
const status = /** @type {HTMLElement} */ (document.querySelector('.status'));
const publishButton = /** @type {HTMLButtonElement} */ (document.querySelector('.publish'));

document.documentElement.lang = lang;
document.title = t.title;
for (const el of document.querySelectorAll('[data-text]')) {
  el.textContent = t[/** @type {keyof typeof t} */ (el.getAttribute('data-text'))];
}

try {
  const sources = await loadSources();
  const editor = grapesjs.init({
    container: '#gjs',
    height: '100%',
    storageManager: false,
    // Everything from this server: no icon font from a public CDN, no usage reports.
    cssIcons: '',
    telemetry: false,
    panels: { defaults: [] },
    blockManager: { appendTo: '#blocks' },
    traitManager: { appendTo: '#traits' },
    canvas: { scripts: canvasScripts(sources) },
    i18n: { locale: lang === 'zh-CN' ? 'zh' : 'en', detectLocale: false, messagesAdd: { zh } },
    plugins: [(/** @type {any} */ ed) => liveHookPlugin(ed, { sources })],
  });
  // For tests and the browser console.
  Object.assign(window, { editor });
  // Publishing waits for the canvas: until then there is no page to publish.
  editor.onReady(() => {
    publishButton.disabled = false;
  });
  publishButton.addEventListener('click', () => publish(editor, sources));
} catch (error) {
  status.textContent = t.loadFailed.replace('{error}', String(error instanceof Error ? error.message : error));
}

/** Fetches each manifest; script URLs become absolute, as the published page needs them. */
async function loadSources() {
  return Promise.all(
    PACKAGES.map(async ({ manifest, script }) => {
      const response = await fetch(manifest);
      if (!response.ok) throw new Error(`${manifest}: HTTP ${response.status}`);
      return { manifest: await response.json(), script: new URL(script, location.href).href };
    }),
  );
}

/**
 * @param {any} editor
 * @param {import('./plugin.js').ElementSource[]} sources
 */
async function publish(editor, sources) {
  publishButton.disabled = true;
  status.textContent = t.publishing;
  try {
    const html = publishedPage({ html: editor.getHtml(), css: editor.getCss(), sources, lang, title: t.title });
    const response = await fetch('/pages', { method: 'POST', headers: { 'Content-Type': 'text/html' }, body: html });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { url } = await response.json();
    const link = Object.assign(document.createElement('a'), { href: url, target: '_blank', textContent: t.published });
    link.className = 'published-link';
    status.replaceChildren(link);
  } catch (error) {
    status.textContent = t.publishFailed.replace('{error}', String(error instanceof Error ? error.message : error));
  } finally {
    publishButton.disabled = false;
  }
}
