export { type SafeUrlResult, safeUrl } from './shared/safe-url.js';
