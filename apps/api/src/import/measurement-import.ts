import { termsOf } from '@coop/domain';
import type { MeasurementRow } from '../db/tables/evaluation.js';
import { NotFoundError } from '../errors.js';
import { durationOf } from '../mapping/convention.js';
import { allowedYearsOfTerms } from '../mapping/indicator.js';
import { findConventionForUpdate, findRenewals } from '../repositories/convention.js';
import {
  findIndicatorsOfConventionForUpdate,
  insertMeasurements,
  measurementsOfIndicators,
  updateMeasurements,
} from '../repositories/indicator.js';
import { RowCells } from './csv-cells.js';
import type { CsvFile } from './csv-file.js';
import { planOf, type ImportPlan, type ImportScope } from './import-plan.js';
import {
  measurementKey,
  readMeasurementRow,
  type MeasurementWrite,
  type StoredMeasurements,
} from './measurement-rows.js';
import { conventionParties } from './parties.js';

/**
 * The measurements import (A6): each party's values of the convention's indicators, from the
 * columns of measurements.csv. A fixed handful of statements to read, a statement per batch of
 * rows to write, and one audit entry per indicator whose measurements changed.
 */
export async function planMeasurementImport(
  scope: ImportScope,
  file: CsvFile,
): Promise<ImportPlan> {
  const { trx, viewer, context, conventionId } = scope;
  const convention = await findConventionForUpdate(trx, conventionId);
  if (!convention) throw new NotFoundError();
  // Locked as recordMeasurement locks its indicator: no measurement changes under the import.
  const [indicators, renewals, parties] = await Promise.all([
    findIndicatorsOfConventionForUpdate(trx, conventionId),
    findRenewals(trx, conventionId),
    conventionParties(trx, conventionId, viewer, context.access),
  ]);
  const measurements = (
    await measurementsOfIndicators(
      trx,
      indicators.map((indicator) => indicator.id),
    )
  ).flat();
  const stored: StoredMeasurements = {
    indicators: new Map(indicators.map((row) => [row.id, row])),
    indicatorsByCode: new Map(indicators.map((row) => [row.code.toLowerCase(), row])),
    measurements: new Map(measurements.map((row) => [row.id, row])),
    measurementsByKey: new Map(
      measurements.map((row) => [
        measurementKey(row.indicator_id, row.year, row.collectivity_id),
        row,
      ]),
    ),
    years: allowedYearsOfTerms(termsOf(durationOf(convention, renewals))),
    parties,
  };
  const seen = new Map<string, number>();
  const outcomes = file.records.map((record) =>
    readMeasurementRow(stored, new RowCells(file, record), seen),
  );
  return planOf(outcomes, (writes) => writeMeasurements(scope, writes));
}

async function writeMeasurements(
  scope: ImportScope,
  writes: readonly MeasurementWrite[],
): Promise<void> {
  const { trx, audit, conventionId } = scope;
  const added = writes.filter((write) => write.before === null);
  const changed = writes.filter((write) => write.before !== null);
  const written = new Map<MeasurementWrite, MeasurementRow>();
  const inserted = await insertMeasurements(
    trx,
    added.map((write) => write.after),
  );
  added.forEach((write, index) => {
    const row = inserted[index];
    if (row) {
      write.report.id = row.id;
      written.set(write, row);
    }
  });
  const recordedAt = new Date();
  const updated = await updateMeasurements(
    trx,
    changed.flatMap((write) =>
      write.before
        ? [
            {
              ...write.before,
              value: write.after.value,
              note: write.after.note,
              recorded_at: recordedAt,
            },
          ]
        : [],
    ),
  );
  const byId = new Map(updated.map((row) => [row.id, row]));
  for (const write of changed) {
    const row = write.before && byId.get(write.before.id);
    if (row) written.set(write, row);
  }

  const byIndicator = new Map<number, MeasurementWrite[]>();
  for (const write of writes) {
    byIndicator.set(write.indicatorId, [...(byIndicator.get(write.indicatorId) ?? []), write]);
  }
  for (const [indicatorId, indicatorWrites] of byIndicator) {
    // One entry per indicator: the measurements the import added or changed, before and after.
    await audit({
      conventionId,
      subjectType: 'Indicator',
      subjectId: indicatorId,
      before: {
        measurements: indicatorWrites.flatMap((write) => (write.before ? [write.before] : [])),
      },
      after: { measurements: indicatorWrites.flatMap((write) => written.get(write) ?? []) },
    });
  }
}
