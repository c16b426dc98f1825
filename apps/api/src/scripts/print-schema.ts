import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchemaSdl } from '../schema/index.js';

/** Writes the SDL partners build on to apps/api/schema.graphql (a test fails when it is stale). */
const target = fileURLToPath(new URL('../../schema.graphql', import.meta.url));
writeFileSync(target, printSchemaSdl());
console.log(`Wrote ${target}`);
