import { packageConfig } from '../../scripts/rollup-package.mjs';

export default packageConfig({
  dir: import.meta.dirname,
  input: { index: 'src/index.ts', define: 'src/define.ts' },
  cdn: { 'live-widgets': 'src/cdn.ts' },
});
