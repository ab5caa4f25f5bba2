// i18n: the strings tables and the locale picker.
export { formatStartTime, languageOf, matchLocale, registerLocale, type Translate, translator } from './locale.js';
export { en, type PlayerStrings, zhCN } from './strings.js';
