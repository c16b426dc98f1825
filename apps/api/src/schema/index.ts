import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from '../builder.js';
import './scalars.js';
import './errors.js';
import './collectivity.js';
import './api-token.js';
import './viewer.js';
import './convention.js';
import './axis.js';
import './exchange-rate.js';
import './approval.js';
import './audit.js';

/** The whole schema: each entity file above adds its own types and fields. */
export const schema = builder.toSchema();

/** The SDL partners build on, as checked in at apps/api/schema.graphql. */
export function printSchemaSdl(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
