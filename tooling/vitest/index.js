/**
 * Shared test settings. Workers are capped at two: the machine has two cores and each PGlite
 * instance holds ~230 MB it never gives back. Every run also writes a JSON report that `.ci/run`
 * reads to refuse a green run in which no test ran.
 *
 * @param {string} name  the report's name under test-results/
 * @param {import('vitest/config').ViteUserConfig['test']} test  package-specific settings
 * @returns {import('vitest/config').ViteUserConfig['test']}
 */
export function coopTestConfig(name, test = {}) {
  return {
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', ['json', { outputFile: `test-results/${name}.json` }]],
    ...test,
  };
}
