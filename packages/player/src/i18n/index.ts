// i18n: the strings tables and the locale picker.
export { formatStartTime, languageOf, matchLocale, registerLocale, type Translate, translator } from './locale.js';
export { en, type PlayerStrings } from './strings.js';
export { zhCN } from './strings.zh-cn.js';
