import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from '../builder.js';
import './scalars.js';
import './errors.js';
import './money.js';
import './collectivity.js';
import './api-token.js';
import './viewer.js';
import './convention.js';
import './axis.js';
import './exchange-rate.js';
import './approval.js';
import './organization.js';
import './action.js';
import './budget.js';
import './mission.js';
import './indicator.js';
import './evaluation.js';
import './audit.js';
import './calendar-feed.js';
import './apd.js';
import './import.js';

/** The whole schema: each entity file above adds its own types and fields. */
export const schema = builder.toSchema();

/** The SDL partners build on, as checked in at apps/api/schema.graphql. */
export function printSchemaSdl(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
