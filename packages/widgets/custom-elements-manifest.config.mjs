// custom-elements.json for page builders and IDEs: `cem analyze` in this folder picks this file up.
import { builderPlugins } from '../../scripts/cem-builder-plugins.mjs';

export default {
  litelement: true,
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/test/**', 'src/cdn.ts'],
  plugins: builderPlugins(),
};
