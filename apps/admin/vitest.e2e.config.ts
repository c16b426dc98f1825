import { coopTestConfig } from '@coop/vitest-config';
import { defineConfig } from 'vitest/config';

/**
 * End-to-end: the built admin app, served by the built API on a fresh embedded database, driven in
 * Debian's Chromium. One browser and one server for the run; files run one after another.
 */
export default defineConfig({
  test: coopTestConfig('admin-e2e', {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    hookTimeout: 120_000,
    testTimeout: 60_000,
  }),
});
