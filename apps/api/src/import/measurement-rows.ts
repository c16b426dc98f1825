import { validateMeasurement, type AllowedYears, type ComputedIndicatorKind } from '@coop/domain';
import type { IndicatorRow, MeasurementRow } from '../db/tables/evaluation.js';
import { MEASUREMENTS_CSV_COLUMNS } from '../http/exports/measurements-csv.js';
import { plainDecimal } from '../mapping/decimal.js';
import { referencedDbId } from '../schema/foreign-id.js';
import { numericText, readText, readYear, type RowCells } from './csv-cells.js';
import type { CsvLayout } from './csv-file.js';
import { fieldChanges, RowCheck, type ImportedRow, type RowOutcome } from './import-report.js';
import { partyNamed, type ConventionParties } from './parties.js';

/**
 * One row of a measurements file (the columns of measurements.csv) read against the convention's
 * indicators as they stand (A6): a party's value of an indicator for a year, in its own name. The
 * rules are recordMeasurement's, through the same domain function (validateMeasurement: a year of
 * the term, a decimal, not a computed indicator).
 */

export const MEASUREMENTS_LAYOUT: CsvLayout = {
  columns: MEASUREMENTS_CSV_COLUMNS,
  required: ['year', 'value'],
};

/** What the rows are read against: the convention's indicators, locked, and their measurements. */
export interface StoredMeasurements {
  readonly indicators: ReadonlyMap<number, IndicatorRow>;
  /** By lower-case code, as a hand-written file may name an indicator. */
  readonly indicatorsByCode: ReadonlyMap<string, IndicatorRow>;
  readonly measurements: ReadonlyMap<number, MeasurementRow>;
  /** The same, by indicator, year and party (measurementKey). */
  readonly measurementsByKey: ReadonlyMap<string, MeasurementRow>;
  /** The years the convention's terms touch; null while it is unsigned. */
  readonly years: AllowedYears | null;
  readonly parties: ConventionParties;
}

export interface MeasurementWrite {
  readonly report: ImportedRow;
  readonly indicatorId: number;
  readonly before: MeasurementRow | null;
  readonly after: {
    indicator_id: number;
    year: number;
    collectivity_id: number;
    value: string;
    note: string;
  };
}

/** numeric(14, 4), as recordMeasurement keeps a value. */
const VALUE_SCALE = 4;

/** The file's key of a measurement: one value per indicator, year and party. */
export const measurementKey = (indicatorId: number, year: number, party: number): string =>
  `${indicatorId}:${year}:${party}`;

/**
 * Reads one row. `seen` holds the measurements earlier rows already name (by key, with their
 * line): a second row for the same indicator, year and party is refused.
 */
export function readMeasurementRow(
  stored: StoredMeasurements,
  cells: RowCells,
  seen: Map<string, number>,
): RowOutcome<MeasurementWrite> {
  const check = new RowCheck();
  const indicator = indicatorOf(check, stored, cells);
  const year = readYear(check, cells);
  const party = partyNamed(check, stored.parties, 'collectivity', cells.text('collectivity'));
  const decimal = cells.decimal(check, 'value', 'INVALID_VALUE');
  const note = readText(check, cells, 'note', 2000);
  if (!indicator || year === null || party === null || decimal === null) {
    return check.refused(cells.line, 'MEASUREMENT');
  }
  if (!stored.years) {
    check.add('year', 'The convention is not signed yet: it has no term and no year', 'NOT_SIGNED');
    return check.refused(cells.line, 'MEASUREMENT');
  }
  const measured = validateMeasurement(
    { computed: indicator.computed_kind as ComputedIndicatorKind | null },
    year,
    decimal,
    stored.years,
  );
  if (!measured.ok) {
    const column =
      measured.error.code === 'COMPUTED_INDICATOR'
        ? cells.given('indicator_id')
          ? 'indicator_id'
          : 'indicator_code'
        : measured.error.code === 'INVALID_VALUE'
          ? 'value'
          : 'year';
    check.add(column, measured.error.message, measured.error.code);
    return check.refused(cells.line, 'MEASUREMENT');
  }
  const value = numericText(measured.value.value, VALUE_SCALE);
  if (value === null) {
    check.add('value', `At most ${VALUE_SCALE} decimals`, 'TOO_MANY_DECIMALS');
    return check.refused(cells.line, 'MEASUREMENT');
  }

  const key = measurementKey(indicator.id, year, party);
  const earlier = seen.get(key);
  if (earlier !== undefined) {
    check.add(
      null,
      `Line ${earlier} already gives this party's value of this indicator for ${year}`,
      'DUPLICATE_ROW',
    );
    return check.refused(cells.line, 'MEASUREMENT');
  }
  seen.set(key, cells.line);

  const before = storedMeasurement(check, stored, cells, indicator, year, party);
  if (!check.ok) return check.refused(cells.line, 'MEASUREMENT');
  const afterView = {
    value: plainDecimal(value),
    note: cells.given('note') === undefined && before ? before.note : note,
  };
  const changes = before
    ? fieldChanges(
        {
          value: plainDecimal(numericText(before.value, VALUE_SCALE) ?? before.value),
          note: before.note,
        },
        afterView,
      )
    : [];
  if (before && changes.length === 0) return { kind: 'unchanged' };
  // A party measures only in its own name (access/policy.ts): only refused when it changes something,
  // so that a file exported and imported back by either party is all unchanged.
  if (!stored.parties.mayActFor(party)) {
    check.add('collectivity', 'A party measures only in its own name', 'NOT_YOUR_PARTY');
    return check.refused(cells.line, 'MEASUREMENT');
  }
  const partyName = stored.parties.names.get(party) ?? '';
  const row: ImportedRow = {
    line: cells.line,
    rowType: 'MEASUREMENT',
    typename: 'Measurement',
    description: `${indicator.code} ${indicator.name} — ${year} (${partyName}): ${afterView.value} ${indicator.unit}`,
    changes,
    id: before?.id ?? null,
  };
  return {
    kind: before ? 'changed' : 'added',
    row,
    write: {
      report: row,
      indicatorId: indicator.id,
      before,
      after: {
        indicator_id: indicator.id,
        year,
        collectivity_id: party,
        value,
        note: afterView.note,
      },
    },
  };
}

/** The indicator by its global ID, else by its code: of this convention only. */
function indicatorOf(
  check: RowCheck,
  stored: StoredMeasurements,
  cells: RowCells,
): IndicatorRow | null {
  const idCell = cells.text('indicator_id');
  if (idCell !== '') {
    const id = referencedDbId(idCell, 'Indicator');
    const indicator = id === null ? undefined : stored.indicators.get(id);
    // Another convention's indicator, visible or not, is answered like a missing one.
    if (!indicator) {
      check.add(
        'indicator_id',
        'No indicator with this ID in this convention',
        'UNKNOWN_INDICATOR',
      );
      return null;
    }
    return indicator;
  }
  const code = cells.text('indicator_code');
  if (code === '') {
    check.add('indicator_id', 'Name the indicator: indicator_id or indicator_code', 'REQUIRED');
    return null;
  }
  const indicator = stored.indicatorsByCode.get(code.toLowerCase());
  if (!indicator) {
    check.add(
      'indicator_code',
      `No indicator with the code "${code}" in this convention`,
      'UNKNOWN_INDICATOR',
    );
    return null;
  }
  return indicator;
}

/**
 * The stored measurement the row is about: the party's value of the indicator for the year. An `id`
 * given must be that very measurement (a measurement keeps its indicator, year and party).
 */
function storedMeasurement(
  check: RowCheck,
  stored: StoredMeasurements,
  cells: RowCells,
  indicator: IndicatorRow,
  year: number,
  party: number,
): MeasurementRow | null {
  const atKey = stored.measurementsByKey.get(measurementKey(indicator.id, year, party)) ?? null;
  const idCell = cells.text('id');
  if (idCell === '') return atKey;
  const id = referencedDbId(idCell, 'Measurement');
  const byId = id === null ? undefined : stored.measurements.get(id);
  if (!byId || byId.indicator_id !== indicator.id) {
    check.add('id', 'No measurement with this ID for this indicator', 'UNKNOWN_ID');
    return null;
  }
  if (byId.id !== atKey?.id) {
    check.add(
      'id',
      'A measurement keeps its indicator, year and party: leave id empty to add a new one',
      'NOT_CHANGEABLE',
    );
    return null;
  }
  return byId;
}
