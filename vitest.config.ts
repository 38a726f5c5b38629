import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores: keep the heavy end-to-end files from starving each other.
    maxWorkers: 2,
    // Each project lists its own files: `extends: true` concatenates arrays such as `include`.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, 'tests/e2e/**'],
        },
      },
      {
        // A project of its own so its global setup (one production build + `vite preview`)
        // runs only when an e2e file is selected, not for `vitest run src/core`.
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // One Chromium at a time on two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
