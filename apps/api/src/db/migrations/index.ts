import type { Migration } from 'kysely';
import * as foundation from './20261127090000_foundation.js';
import * as programme from './20261127120000_programme.js';
import * as execution from './20261127140000_execution.js';
import * as lookupIndexes from './20261127180000_lookup_indexes.js';
import * as evaluationReport from './20261127190000_evaluation_report.js';
import * as changeCounts from './20261127210000_change_counts.js';

/**
 * Every migration, listed in code so that the same ones run on PostgreSQL and on PGlite, and so a
 * built server needs no migrations folder at run time. Names sort by their timestamp.
 */
export const migrations: Record<string, Migration> = {
  '20261127090000_foundation': foundation,
  '20261127120000_programme': programme,
  '20261127140000_execution': execution,
  '20261127180000_lookup_indexes': lookupIndexes,
  '20261127190000_evaluation_report': evaluationReport,
  '20261127210000_change_counts': changeCounts,
};
