import { packageConfig } from '../../scripts/rollup-package.mjs';

export default packageConfig({
  dir: import.meta.dirname,
  input: { index: 'src/index.ts', define: 'src/define.ts' },
  cdn: { 'live-player': 'src/cdn.ts' },
});
