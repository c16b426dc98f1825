import { encodeGlobalID } from '@pothos/plugin-relay';
import type { IndicatorRow, MeasurementRow } from '../../db/tables/evaluation.js';
import { plainDecimal } from '../../mapping/decimal.js';
import { indicatorsOfConvention } from '../../repositories/export.js';
import { CSV_CONTENT_TYPE, decimalComma, frenchCsv } from './budget-csv.js';
import { partiesOf, visibleConvention } from './convention-export.js';
import { slug, type DownloadResult, type DownloadRoute, type SignedInRequest } from './download.js';

/**
 * GET /exports/conventions/{id}/measurements.csv — every party's measurements of every indicator
 * of the convention (A6), one row each, in the budget CSV's format (UTF-8 with a BOM, semicolons,
 * decimal commas). The column names are a contract (docs/exports.md): the measurements import
 * (import/measurement-rows.ts) reads this very file back.
 */
export const MEASUREMENTS_CSV_COLUMNS = [
  'indicator_id',
  'indicator_code',
  'indicator_name',
  'unit',
  'year',
  'value',
  'collectivity',
  'note',
  'recorded_at',
  'id',
] as const;

export type MeasurementCsvRow = Record<(typeof MEASUREMENTS_CSV_COLUMNS)[number], string>;

/** A measurement as its row: the import reads the same function to compare a file with it. */
export function measurementCsvRow(
  indicator: IndicatorRow,
  row: Pick<MeasurementRow, 'id' | 'year' | 'value' | 'collectivity_id' | 'note' | 'recorded_at'>,
  partyNames: ReadonlyMap<number, string>,
): MeasurementCsvRow {
  return {
    indicator_id: encodeGlobalID('Indicator', indicator.id),
    indicator_code: indicator.code,
    indicator_name: indicator.name,
    unit: indicator.unit,
    year: String(row.year),
    value: decimalComma(plainDecimal(row.value)),
    collectivity: partyNames.get(row.collectivity_id) ?? '',
    note: row.note,
    recorded_at: row.recorded_at.toISOString(),
    id: encodeGlobalID('Measurement', row.id),
  };
}

/** By indicator code, then year, then party: three statements, whatever their number. */
async function measurementsCsv(request: SignedInRequest): Promise<DownloadResult> {
  const convention = await visibleConvention(request, request.params[0] ?? '');
  if (!convention) return 'NOT_FOUND';
  const [parties, rows] = await Promise.all([
    partiesOf(request.db, convention.id),
    indicatorsOfConvention(request.db, convention.id),
  ]);
  const names = new Map([...parties.collectivities].map(([id, row]) => [id, row.name]));
  const byIndicator = new Map<number, MeasurementRow[]>();
  for (const measurement of rows.measurements) {
    byIndicator.set(measurement.indicator_id, [
      ...(byIndicator.get(measurement.indicator_id) ?? []),
      measurement,
    ]);
  }
  const csvRows = rows.indicators.flatMap((indicator) =>
    (byIndicator.get(indicator.id) ?? []).map((measurement) =>
      measurementCsvRow(indicator, measurement, names),
    ),
  );
  return {
    body: frenchCsv(MEASUREMENTS_CSV_COLUMNS, csvRows),
    contentType: CSV_CONTENT_TYPE,
    fileName: `${slug(convention.title)}-mesures.csv`,
  };
}

export const measurementsCsvRoute: DownloadRoute = {
  pattern: /^\/exports\/conventions\/([^/]+)\/measurements\.csv$/,
  signIn: true,
  handle: measurementsCsv,
};
