import { coopTestConfig } from '@coop/vitest-config';
import { defineConfig } from 'vitest/config';

/** Logic that lives in the client, tested without a browser. */
export default defineConfig({
  test: coopTestConfig('admin-unit', { include: ['src/**/*.test.{ts,tsx}'] }),
});
