import {
  asId,
  type CollectivityId,
  type ConventionDuration,
  type Deliberation,
  type IsoDate,
  type RenewalCheckInput,
} from '@coop/domain';
import type { ConventionRow, DeliberationRow, RenewalRow } from '../db/tables/convention.js';
import type { EvaluationRow } from '../db/tables/evaluation.js';

/**
 * Rows → the domain's values for the convention rules (A7). Reading only: every rule itself is in
 * @coop/domain.
 */
export function durationOf(
  convention: ConventionRow,
  renewals: readonly RenewalRow[],
): ConventionDuration {
  return {
    signature: convention.signature_date
      ? {
          place: convention.signature_place,
          date: convention.signature_date as IsoDate,
          originals: convention.signature_originals ?? 1,
        }
      : null,
    durationYears: convention.duration_years,
    renewals: renewals.map((renewal) => ({ decidedOn: renewal.decided_on as IsoDate })),
  };
}

export function deliberationOf(row: DeliberationRow): Deliberation {
  return {
    collectivityId: asId<'Collectivity'>(row.collectivity_id),
    kind: row.kind,
    body: row.body,
    date: row.date as IsoDate,
    reference: row.reference,
    subject: row.subject,
  };
}

export function renewalInput(options: {
  convention: ConventionRow;
  renewals: readonly RenewalRow[];
  partyIds: readonly number[];
  deliberations: readonly DeliberationRow[];
  evaluations: readonly EvaluationRow[];
  date: IsoDate;
}): RenewalCheckInput {
  return {
    duration: durationOf(options.convention, options.renewals),
    parties: options.partyIds.map((id): CollectivityId => asId<'Collectivity'>(id)),
    deliberations: options.deliberations.map(deliberationOf),
    programmeEvaluations: options.evaluations
      .filter((evaluation) => evaluation.scope === 'PROGRAMME' && evaluation.term_number !== null)
      .map((evaluation) => ({
        termNumber: evaluation.term_number ?? 0,
        status: evaluation.status,
      })),
    date: options.date,
  };
}
