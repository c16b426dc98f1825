import {
  asId,
  type Action,
  type ActionOrganization,
  type Axis,
  type AxisNarrative,
  type Evaluation,
  type IsoDate,
  type OrganizationRole,
  type ParticipatoryActivity,
} from '@coop/domain';
import type { AxisRow } from '../db/tables/convention.js';
import type { EvaluationAxisNarrativeRow, EvaluationRow } from '../db/tables/evaluation.js';
import type { ProgrammeActionRows } from '../repositories/evaluation.js';
import { budgetOf } from './budget.js';
import { collectivityIdOf } from './mission.js';

/** Rows → the domain's values for the evaluation rules (A6). Every rule itself is in @coop/domain. */

export function actionOf(rows: ProgrammeActionRows, partyIds: readonly number[]): Action {
  const { action } = rows;
  return {
    id: asId<'Action'>(action.id),
    axisId: asId<'Axis'>(action.axis_id),
    title: action.title,
    status: action.status,
    startDate: action.start_date as IsoDate | null,
    endDate: action.end_date as IsoDate | null,
    budget: budgetOf(rows.budget, partyIds),
    specificConvention: rows.specificConvention
      ? {
          reference: rows.specificConvention.reference,
          signedOn: rows.specificConvention.signed_on as IsoDate | null,
        }
      : null,
    organizations: rows.organizations.map((row): ActionOrganization => ({
      organizationId: asId<'Organization'>(row.organization_id),
      role: row.role as OrganizationRole,
    })),
    participatoryActivities: rows.activities.map((row): ParticipatoryActivity => ({
      kind: row.kind,
      date: row.date as IsoDate,
      audience: row.audience,
      participants: row.participants,
    })),
  };
}

export function axisOf(row: AxisRow): Axis {
  return {
    id: asId<'Axis'>(row.id),
    title: row.title,
    description: row.description,
    periodStart: row.period_start as IsoDate,
    periodEnd: row.period_end as IsoDate,
  };
}

export function narrativeOf(row: EvaluationAxisNarrativeRow): AxisNarrative {
  return { axisId: asId<'Axis'>(row.axis_id), text: row.narrative };
}

export function evaluationOf(
  row: EvaluationRow,
  partyIds: readonly number[],
  approvedBy: readonly number[] = [],
): Evaluation {
  return {
    id: asId<'Evaluation'>(row.id),
    scope: row.scope,
    year: row.year,
    termNumber: row.term_number,
    status: row.status,
    communication:
      row.communicated_on && row.communicated_to
        ? { body: row.communicated_to, date: row.communicated_on as IsoDate }
        : null,
    version: row.version,
    parties: partyIds.map(collectivityIdOf),
    approvals: approvedBy.map((party) => ({
      party: collectivityIdOf(party),
      version: row.version,
    })),
  };
}
