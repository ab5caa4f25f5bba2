// @ts-check
// The site's navigation: which pages, in what order, under which heading. Every markdown file in docs/ is
// built whether or not it is listed here; this only decides the sidebar.

/**
 * @typedef {{ title: string, source?: string, href?: string, optional?: boolean }} NavItem
 *   `source`: a markdown file (repository path); `href`: a generated page (site path).
 *   `optional`: the page is being written elsewhere; leave it out of the sidebar until it exists.
 * @typedef {{ title: string, items: NavItem[] }} NavSection
 */

/**
 * @param {{ elements: { tag: string }[] }} generated
 * @returns {NavSection[]}
 */
export function navigation({ elements }) {
  return [
    {
      title: 'Start · 开始',
      items: [
        { title: 'Overview', source: 'docs/README.md' },
        { title: 'Architecture', source: 'docs/architecture.md' },
      ],
    },
    {
      title: 'Getting started · 快速上手',
      items: [
        { title: 'Shop owners: one script tag', source: 'docs/getting-started/script-tag.md' },
        { title: 'Developers: npm', source: 'docs/getting-started/npm.md' },
        { title: 'Page builders', source: 'docs/guides/page-builders.md' },
        { title: 'Frameworks', source: 'docs/guides/frameworks.md', optional: true },
      ],
    },
    {
      title: 'Live examples · 在线示例',
      items: [
        { title: 'The player', source: 'docs/examples/player.md' },
        { title: 'The widgets', source: 'docs/examples/widgets.md' },
      ],
    },
    {
      title: 'Elements · 组件',
      items: elements.map((el) => ({ title: `<${el.tag}>`, href: `elements/${el.tag}.html` })),
    },
    {
      title: 'Guides · 指南',
      items: [
        { title: 'HLS through a CDN', source: 'docs/guides/hls.md' },
        { title: 'LiveKit and tokens', source: 'docs/guides/livekit.md' },
        { title: 'Hybrid mode', source: 'docs/guides/hybrid.md' },
        { title: 'Cues', source: 'docs/guides/cues.md' },
        { title: 'Lead events and consent', source: 'docs/guides/lead-events.md' },
        { title: 'Theming and parts', source: 'docs/guides/theming.md' },
        { title: 'Languages (i18n)', source: 'docs/guides/i18n.md' },
        { title: 'Security', source: 'docs/guides/security.md', optional: true },
        { title: 'Scaling', source: 'docs/guides/scaling.md' },
        { title: 'WeChat in-app browser', source: 'docs/guides/wechat.md' },
        { title: 'The reference server', source: 'docs/guides/reference-server.md' },
        { title: 'Package quality', source: 'docs/guides/package-quality.md', optional: true },
      ],
    },
    {
      title: 'API · 接口',
      items: [{ title: 'TypeScript API (core, player, widgets)', href: 'api/index.html' }],
    },
  ];
}
