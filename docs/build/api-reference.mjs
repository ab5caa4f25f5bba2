// @ts-check
// The TypeScript API reference: typedoc over each package's public entry (src/index.ts), into <site>/api/.
import { join } from 'node:path';
import { Application, LogLevel } from 'typedoc';
import { repoRoot } from './paths.mjs';

/** JSDoc tags the Custom Elements Manifest reads; typedoc should accept them quietly. */
const ELEMENT_TAGS = ['@attr', '@slot', '@csspart', '@cssprop', '@fires', '@tagname', '@summary'];

/**
 * @param {string} outDir e.g. `<site>/api`
 * @returns {Promise<{ warnings: number }>}
 */
export async function buildApiReference(outDir) {
  const app = await Application.bootstrapWithPlugins({
    entryPoints: ['core', 'player', 'widgets'].map((pkg) => join(repoRoot, 'packages', pkg)),
    entryPointStrategy: 'packages',
    packageOptions: {
      entryPoints: ['src/index.ts'],
      tsconfig: 'tsconfig.json',
      // Read @livehook/core from its source, not dist/: the reference needs no build, and links into core.
      compilerOptions: {
        rootDir: join(repoRoot, 'packages'),
        paths: { '@livehook/core': [join(repoRoot, 'packages/core/src/index.ts')] },
      },
    },
    name: 'LiveHook API',
    readme: 'none',
    excludePrivate: true,
    excludeProtected: true,
    excludeInternal: true,
    blockTags: [
      ...['@param', '@returns', '@example', '@deprecated', '@see', '@throws', '@defaultValue', '@remarks'],
      ...ELEMENT_TAGS,
      '@typedef',
      '@property',
    ],
    // Internal helper types reachable from public ones are not part of the API; don't list each.
    validation: { notExported: false, invalidLink: true, notDocumented: false },
    // `pnpm typecheck` is the gate for type errors; the reference documents what is there.
    skipErrorChecking: true,
    logLevel: LogLevel.Error,
    githubPages: false,
  });
  const project = await app.convert();
  if (!project) throw new Error('typedoc could not convert the packages (see the errors above)');
  await app.generateDocs(project, outDir);
  if (app.logger.hasErrors()) throw new Error('typedoc reported errors (see above)');
  return { warnings: app.logger.warningCount };
}
