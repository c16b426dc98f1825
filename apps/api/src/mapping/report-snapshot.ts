import type { AnnualEvaluationReport, ProgrammeEvaluationReport } from '@coop/domain';

export type EvaluationReport = AnnualEvaluationReport | ProgrammeEvaluationReport;

/**
 * A report frozen at submission, as JSON: the domain's values as they are, except that exact
 * amounts (bigint minor units) become `{"$bigint": "…"}` — JSON numbers would round them — and a
 * format number lets a later version of Coop read what an earlier one froze.
 */
const FORMAT = 1;

interface Snapshot {
  readonly format: number;
  readonly report: unknown;
}

export function snapshotOfReport(report: EvaluationReport): string {
  const snapshot: Snapshot = { format: FORMAT, report };
  return JSON.stringify(snapshot, (_key, value: unknown) =>
    typeof value === 'bigint' ? { $bigint: value.toString() } : value,
  );
}

/** The report back from its snapshot, as the database hands it (parsed JSON, or its text). */
export function reportOfSnapshot(stored: unknown): EvaluationReport {
  const snapshot = (typeof stored === 'string' ? JSON.parse(stored) : stored) as Snapshot | null;
  if (snapshot === null || snapshot.format !== FORMAT) {
    throw new TypeError('not an evaluation report Coop can read (format 1)');
  }
  return revive(snapshot.report) as EvaluationReport;
}

/**
 * Puts the exact amounts back, in place: the parsed JSON is this request's own, and rebuilding
 * every object of a report (entries, fromEntries) was most of the cost of reading it.
 */
function revive(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) value[index] = revive(value[index]);
    return value;
  }
  const record = value as Record<string, unknown>;
  const tag = record.$bigint;
  if (typeof tag === 'string' && Object.keys(record).length === 1) return BigInt(tag);
  for (const key of Object.keys(record)) record[key] = revive(record[key]);
  return record;
}
