import { defineConfig } from 'vitest/config';

// Pure logic in Node. Anything that touches the DOM or media is a *.browser.test.ts for web-test-runner.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'testbed/**/*.test.mjs', 'examples/**/*.test.ts', 'scripts/**/*.test.mjs'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/*.browser.test.ts'],
    testTimeout: 60_000,
  },
});
