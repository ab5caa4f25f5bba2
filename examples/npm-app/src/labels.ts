// The page's own words in English and Simplified Chinese; the player and widgets translate themselves
// from the same `lang`.
const labels = {
  en: {
    title: 'LiveHook from npm',
    coreTitle: '@livehook/core on a plain <video>',
    state: 'State',
    quality: 'Quality',
    auto: 'Auto',
    metrics: 'Metrics',
    elementTitle: '<live-player> and <live-countdown>',
    playerState: 'Player state:',
    saleHeadline: 'Spring sale',
    saleBenefit: '20% off for everyone watching',
  },
  'zh-CN': {
    title: '通过 npm 使用 LiveHook',
    coreTitle: '在普通 <video> 上使用 @livehook/core',
    state: '状态',
    quality: '清晰度',
    auto: '自动',
    metrics: '播放指标',
    elementTitle: '<live-player> 与 <live-countdown>',
    playerState: '播放器状态：',
    saleHeadline: '春季特卖',
    saleBenefit: '观看直播的观众全场八折',
  },
} as const;

export type Label = keyof (typeof labels)['en'];

/** `?lang=zh-CN` or a Chinese browser gets Chinese; everyone else English. */
export function pageLanguage(): keyof typeof labels {
  const wanted = new URLSearchParams(location.search).get('lang') ?? navigator.language;
  return wanted.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function label(name: Label): string {
  return labels[pageLanguage()][name];
}

/** Fills every `[data-label]` element and sets the document's language. */
export function applyLabels(): void {
  document.documentElement.lang = pageLanguage();
  for (const el of document.querySelectorAll<HTMLElement>('[data-label]')) {
    el.textContent = label(el.dataset.label as Label);
  }
}
