import { packageConfig } from '../../scripts/rollup-package.mjs';

const configs = packageConfig({
  dir: import.meta.dirname,
  input: { index: 'src/index.ts', define: 'src/define.ts' },
  cdn: { 'live-widgets': 'src/cdn.ts' },
});

// The lazy chunks (QR encoder, rrule) share tslib with the entry. Let the entry export it to them
// instead of turning into a facade that loads a second file before anything is defined.
for (const config of configs.slice(1)) config.preserveEntrySignatures = 'allow-extension';

export default configs;
