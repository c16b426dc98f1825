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

function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const [only] = entries;
  if (entries.length === 1 && only?.[0] === '$bigint' && typeof only[1] === 'string') {
    return BigInt(only[1]);
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, revive(item)]));
}
