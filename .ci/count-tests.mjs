// Reads the JSON reports every Vitest run writes (tooling/vitest) and refuses a run in which a
// suite is missing, a test failed, none ran, or a test was skipped.
import { existsSync, readFileSync } from 'node:fs';

const reports = {
  'packages/domain/test-results/domain.json': 'domain',
  'apps/api/test-results/api.json': 'API (PGlite and PostgreSQL)',
  'apps/admin/test-results/admin-unit.json': 'admin components',
  'apps/admin/test-results/admin-e2e.json': 'admin in Chromium',
};

let failed = false;
let total = 0;
for (const [path, name] of Object.entries(reports)) {
  if (!existsSync(path)) {
    console.error(`✗ ${name}: no report at ${path}: the suite did not run`);
    failed = true;
    continue;
  }
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const { numTotalTests, numPassedTests, numFailedTests, numPendingTests, numTodoTests } = report;
  total += numPassedTests;
  const line = `${name}: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped`;
  if (
    numTotalTests === 0 ||
    numPassedTests === 0 ||
    numFailedTests > 0 ||
    numPendingTests + numTodoTests > 0
  ) {
    console.error(`✗ ${line}`);
    failed = true;
  } else {
    console.log(`✓ ${line}`);
  }
}
if (failed || total === 0) {
  console.error('CI: refused.');
  process.exit(1);
}
console.log(`CI: ${total} tests passed.`);
