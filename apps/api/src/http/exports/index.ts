import type { Plugin } from 'graphql-yoga';
import type { Databases } from '../../db/read-routing.js';
import { apdCsvRoute } from './apd.js';
import { budgetCsvRoute } from './budget-csv.js';
import { downloadRoutes } from './download.js';
import { evaluationReportRoute } from './evaluation-report.js';
import { iatiRoute } from './iati.js';
import { measurementsCsvRoute } from './measurements-csv.js';
import { DEFAULT_IATI_ORGANISATION_PREFIX, type IatiScheme } from './iati-codes.js';

export interface ExportOptions {
  readonly iati: IatiScheme;
}

/** COOP_IATI_ORG_PREFIX: the platform's registered IATI organisation prefix (docs/exports.md). */
export function exportOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ExportOptions {
  return {
    iati: {
      organisationPrefix: env.COOP_IATI_ORG_PREFIX?.trim() || DEFAULT_IATI_ORGANISATION_PREFIX,
    },
  };
}

/**
 * The standard exports of DESIGN.md ("Non-GraphQL endpoints"), GET only, with the access rules of
 * GraphQL: /exports/conventions/{id}/iati.xml, /exports/conventions/{id}/budget.csv,
 * /exports/conventions/{id}/measurements.csv, /exports/conventions/{id}/evaluations/{year} and
 * /exports/collectivities/{id}/apd/{year}.csv.
 */
export function exportRoutes(
  databases: Databases,
  options: ExportOptions = exportOptionsFromEnv(),
): Plugin {
  return downloadRoutes(databases, [
    iatiRoute(options.iati),
    budgetCsvRoute,
    measurementsCsvRoute,
    evaluationReportRoute,
    apdCsvRoute,
  ]);
}
