// The reference server's entry for plain Node (the demo, the test bed, `node bin.mjs`): loads the
// TypeScript sources through tsx, so a fresh clone runs it after `pnpm install` with no build step.
import { tsImport } from 'tsx/esm/api';

/** @type {typeof import('./src/index.ts')} */
const server = await tsImport('./src/index.ts', import.meta.url);

export const { startReferenceServer, createReferenceHandler, SqliteStore } = server;
