import { coopTestConfig } from '@coop/vitest-config';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: coopTestConfig('domain', { include: ['src/**/*.test.ts'] }),
});
