// The app's own words in English and Simplified Chinese; the elements translate themselves from `lang`.
const labels = {
  en: {
    title: 'LiveHook in React',
    state: 'Stream:',
    quality: 'Quality',
    auto: 'Auto',
    headline: 'Spring sale',
    benefit: '20% off for everyone watching',
  },
  'zh-CN': {
    title: '在 React 中使用 LiveHook',
    state: '直播状态：',
    quality: '清晰度',
    auto: '自动',
    headline: '春季特卖',
    benefit: '观看直播的观众全场八折',
  },
} as const;

export type Labels = (typeof labels)['en' | 'zh-CN'];

/** `?lang=zh-CN` or a Chinese browser gets Chinese; everyone else English. */
export function pageLanguage(): keyof typeof labels {
  const wanted = new URLSearchParams(location.search).get('lang') ?? navigator.language;
  return wanted.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export const labelsFor = (language: keyof typeof labels): Labels => labels[language];
