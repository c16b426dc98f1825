import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printSchemaSdl } from './index.js';

describe('schema.graphql', () => {
  it('is the schema the server serves (run `npm run schema -w @coop/api` after a change)', () => {
    const checkedIn = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(checkedIn).toBe(printSchemaSdl());
  });
});
