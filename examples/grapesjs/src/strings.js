// @ts-check
// The editor's own words, in English and Simplified Chinese (GrapesJS brings its own translations).

export const STRINGS = {
  en: {
    title: 'LiveHook page builder',
    blocks: 'Blocks',
    settings: 'Settings',
    settingsHint: 'Select an element on the page to edit its settings. Hover a setting for what it does.',
    publish: 'Publish',
    publishing: 'Publishing…',
    published: 'Open the published page',
    publishFailed: 'Publishing failed: {error}',
    loadFailed: 'Could not load the element descriptions ({error}). Run `pnpm build` at the repository root first.',
  },
  'zh-CN': {
    title: 'LiveHook 页面搭建器',
    blocks: '组件',
    settings: '设置',
    settingsHint: '在页面上选中一个元素来编辑它的设置。鼠标悬停在设置项上可查看说明。',
    publish: '发布',
    publishing: '正在发布…',
    published: '打开已发布的页面',
    publishFailed: '发布失败：{error}',
    loadFailed: '无法加载元素说明（{error}）。请先在仓库根目录运行 `pnpm build`。',
  },
};

/** @typedef {keyof typeof STRINGS} Language */

/**
 * `?lang=` wins, then the browser's languages; anything Chinese gets Simplified Chinese.
 * @param {string | null} requested
 * @param {readonly string[]} browserLanguages
 * @returns {Language}
 */
export function pickLanguage(requested, browserLanguages) {
  for (const tag of [requested, ...browserLanguages]) {
    if (!tag) continue;
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
