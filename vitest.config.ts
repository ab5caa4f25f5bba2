import { defineConfig } from 'vitest/config';

// Pure logic in Node. Anything that touches the DOM or media is a *.browser.test.ts for web-test-runner.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'testbed/**/*.test.mjs', 'examples/**/*.test.ts', 'scripts/**/*.test.mjs'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/*.browser.test.ts'],
    testTimeout: 60_000,
    // Examples drive real Chromium while other files run beside them on two cores: a page that takes 1 s to get
    // ready (vitest's default wait) is slow, not broken; a thing that never happens still fails, 10 s later.
    expect: { poll: { timeout: 10_000 } },
  },
});
