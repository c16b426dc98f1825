import type { Migration } from 'kysely';
import * as foundation from './20261127090000_foundation.js';
import * as programme from './20261127120000_programme.js';
import * as execution from './20261127140000_execution.js';

/**
 * Every migration, listed in code so that the same ones run on PostgreSQL and on PGlite, and so a
 * built server needs no migrations folder at run time. Names sort by their timestamp.
 */
export const migrations: Record<string, Migration> = {
  '20261127090000_foundation': foundation,
  '20261127120000_programme': programme,
  '20261127140000_execution': execution,
};
