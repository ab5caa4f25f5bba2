// The analyzer's programmatic entry points, as the tests use them (its own typings declare only the plugin API).
declare module '@custom-elements-manifest/analyzer/index.js' {
  import type { Plugin } from '@custom-elements-manifest/analyzer';
  export const ts: typeof import('typescript');
  export function create(options: { modules: import('typescript').SourceFile[]; plugins?: Plugin[] }): unknown;
}
declare module '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js' {
  import type { Plugin } from '@custom-elements-manifest/analyzer';
  export function litPlugin(): Plugin[];
}
