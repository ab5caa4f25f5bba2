import { defineConfig } from 'vitest/config';

// The docs' own tests (`pnpm docs:test`): the site builds with every link resolving, and the element
// screenshots are taken in real Chromium. One file at a time: both are heavy on a two-core machine.
export default defineConfig({
  test: {
    root: __dirname,
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
