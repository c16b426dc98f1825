import { coopTestConfig } from '@coop/vitest-config';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files run in the order of their names, every time: the first (accessibility) takes the README's
 * screenshots on the demo data as loaded, before the editing tests add their own conventions.
 */
class ByName extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return Promise.resolve([...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId)));
  }
}

/**
 * End-to-end: the built admin app, served by the built API on a fresh embedded database, driven in
 * Debian's Chromium. One browser and one server for the run; files run one after another.
 */
export default defineConfig({
  test: coopTestConfig('admin-e2e', {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    sequence: { sequencer: ByName },
    hookTimeout: 120_000,
    testTimeout: 60_000,
  }),
});
