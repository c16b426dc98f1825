import { createRequire } from 'node:module';
import { coopTestConfig } from '@coop/vitest-config';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS and ESM copies. Node (and so Yoga, loaded from node_modules) takes
    // the CommonJS one; Vite would hand our sources the ESM one, and `instanceof GraphQLError` would
    // then fail between the two. Tests must load what production loads.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: coopTestConfig('api', {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // PGlite loads a ~20 MB template per file and PostgreSQL clones a database: give them time.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  }),
});
