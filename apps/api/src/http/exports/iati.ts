import {
  asId,
  computeIndicator,
  compareDates,
  isAgreed,
  today,
  yearOf,
  type ComputedIndicatorKind,
  type CurrencyCode,
  type ExchangeRate,
  type IsoDate,
  type OrganizationRole,
  type ProgrammeData,
} from '@coop/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Executor } from '../../db/database.js';
import type { ConventionRow } from '../../db/tables/convention.js';
import { jointSubjectOf } from '../../mapping/approval.js';
import { durationOf } from '../../mapping/convention.js';
import { approvalsOf } from '../../repositories/approval.js';
import { axesOfConventions, renewalsOfConventions } from '../../repositories/convention.js';
import { exchangeRatesOfConventions } from '../../repositories/exchange-rate.js';
import {
  delegatesOfMissions,
  indicatorsOfConvention,
  missionsOfConventions,
  organizationsByIds,
  organizationsOfActions,
  participatoryActivitiesOfActions,
  specificConventionsOfActions,
  type IndicatorRows,
} from '../../repositories/export.js';
import { rateOf } from '../../schema/exchange-rate.js';
import {
  actionBudgetsOf,
  partiesOf,
  visibleConvention,
  type ActionBudget,
  type ConventionParties,
} from './convention-export.js';
import { slug, type DownloadResult, type DownloadRoute, type SignedInRequest } from './download.js';
import {
  iatiActivitiesXml,
  type IatiAction,
  type IatiActual,
  type IatiIndicator,
} from './iati-xml.js';
import type { IatiScheme } from './iati-codes.js';

/**
 * GET /exports/conventions/{id}/iati.xml — the convention and its actions as IATI 2.03 activities,
 * published by the viewer's collectivity. Reads a fixed number of statements, whatever the number
 * of actions and indicators.
 */
export function iatiRoute(scheme: IatiScheme): DownloadRoute {
  return {
    pattern: /^\/exports\/conventions\/([^/]+)\/iati\.xml$/,
    signIn: true,
    handle: (request) => iatiExport(request, scheme),
  };
}

async function iatiExport(request: SignedInRequest, scheme: IatiScheme): Promise<DownloadResult> {
  const convention = await visibleConvention(request, request.params[0] ?? '');
  if (!convention) return 'NOT_FOUND';
  const { db, viewer } = request;
  const parties = await partiesOf(db, convention.id);
  const reporter = parties.collectivities.get(viewer.collectivityId);
  if (!reporter) return 'NOT_FOUND';
  const [axes, renewals, rateRows, actions, indicatorRows] = await Promise.all([
    axesOfConventions(db, [convention.id]).then((groups) => groups[0] ?? []),
    renewalsOfConventions(db, [convention.id]).then((groups) => groups[0] ?? []),
    exchangeRatesOfConventions(db, [convention.id]).then((groups) => groups[0] ?? []),
    actionBudgetsOf(db, convention.id, parties.ids),
    indicatorsOfConvention(db, convention.id),
  ]);
  const rates = rateRows.map(rateOf);
  const day = today(viewer.timeZone);
  const iatiActions = await actionsWithDetails(db, actions, parties);
  const indicators = await agreedIndicatorsOf(db, {
    convention,
    parties,
    actions: iatiActions,
    indicatorRows,
    rates,
    day,
  });
  const funderIds = actions.flatMap((action) =>
    action.rows.contributions.flatMap((row) => row.organization_id ?? []),
  );
  const funders = new Map(
    (await organizationsByIds(db, [...new Set(funderIds)])).map((row) => [row.id, row]),
  );
  const xml = iatiActivitiesXml({
    scheme,
    generatedAt: new Date(),
    today: day,
    conventionUrl: `${request.url.origin}/conventions/${encodeGlobalID('Convention', convention.id)}`,
    convention,
    duration: durationOf(convention, renewals),
    reporter,
    parties: parties.ids.flatMap((id) => parties.collectivities.get(id) ?? []),
    axes,
    rates,
    actions: iatiActions,
    indicators,
    funders,
  });
  return {
    body: xml,
    contentType: 'application/xml; charset=utf-8',
    fileName: `${slug(convention.title)}-iati.xml`,
  };
}

/** Specific conventions, associated organisations and the budgets' joint approval (A3, A4.1). */
async function actionsWithDetails(
  db: Executor,
  actions: readonly ActionBudget[],
  parties: ConventionParties,
): Promise<IatiAction[]> {
  const ids = actions.map((action) => action.action.id);
  const [specific, organizations, approvals] = await Promise.all([
    specificConventionsOfActions(db, ids),
    organizationsOfActions(db, ids),
    approvalsOf(
      db,
      ids.map((id) => ({ type: 'BUDGET' as const, id })),
    ),
  ]);
  return actions.map((action, index) => ({
    ...action,
    budgetAgreed: isAgreed(
      jointSubjectOf(action.action.budget_version, parties.ids, approvals[index] ?? []),
    ),
    specificConvention: specific.find((row) => row.action_id === action.action.id) ?? null,
    organizations: organizations.filter((row) => row.action_id === action.action.id),
  }));
}

/**
 * Only the indicators every party approved at their current version count (A6, "définis en
 * commun"). A measured indicator's actuals are the parties' measurements, each naming its
 * party; a computed one's are computed by the domain for each target year up to this one.
 */
async function agreedIndicatorsOf(
  db: Executor,
  input: {
    convention: ConventionRow;
    parties: ConventionParties;
    actions: readonly IatiAction[];
    indicatorRows: IndicatorRows;
    rates: readonly ExchangeRate[];
    day: IsoDate;
  },
): Promise<IatiIndicator[]> {
  const { indicators, targets, measurements } = input.indicatorRows;
  const approvals = await approvalsOf(
    db,
    indicators.map((row) => ({ type: 'INDICATOR' as const, id: row.id })),
  );
  const agreed = indicators.filter((row, index) =>
    isAgreed(jointSubjectOf(row.version, input.parties.ids, approvals[index] ?? [])),
  );
  const computedData = agreed.some((row) => row.computed_kind)
    ? await programmeDataOf(db, input.convention.id, input.actions)
    : null;
  return agreed.map((row) => {
    const ownTargets = targets
      .filter((target) => target.indicator_id === row.id)
      .map((target) => ({ year: target.year, value: target.value }));
    const actuals: IatiActual[] =
      row.computed_kind && computedData
        ? computedActuals(
            row.computed_kind as ComputedIndicatorKind,
            ownTargets,
            computedData,
            input,
          )
        : measurements
            .filter((measurement) => measurement.indicator_id === row.id)
            .map((measurement) => ({
              year: measurement.year,
              value: measurement.value,
              measuredBy:
                input.parties.collectivities.get(measurement.collectivity_id)?.name ?? null,
            }));
    return { row, targets: ownTargets, actuals };
  });
}

function computedActuals(
  kind: ComputedIndicatorKind,
  targets: readonly { year: number }[],
  data: ProgrammeData,
  input: { convention: ConventionRow; rates: readonly ExchangeRate[]; day: IsoDate },
): IatiActual[] {
  return targets
    .filter((target) => target.year <= yearOf(input.day))
    .flatMap(({ year }) => {
      const yearEnd = `${year}-12-31` as IsoDate;
      const computed = computeIndicator(kind, data, year, {
        reportingCurrency: input.convention.reporting_currency.trim() as CurrencyCode,
        rates: input.rates,
        date: compareDates(yearEnd, input.day) <= 0 ? yearEnd : input.day,
      });
      return computed.ok ? [{ year, value: computed.value.value, measuredBy: null }] : [];
    });
}

/** What computed indicators count: missions with their delegates, actions with what they hold (A3–A6). */
async function programmeDataOf(
  db: Executor,
  conventionId: number,
  actions: readonly IatiAction[],
): Promise<ProgrammeData> {
  const missions = await missionsOfConventions(db, [conventionId]);
  const [delegates, activities] = await Promise.all([
    delegatesOfMissions(
      db,
      missions.map((mission) => mission.id),
    ),
    participatoryActivitiesOfActions(
      db,
      actions.map((action) => action.action.id),
    ),
  ]);
  return {
    missions: missions.map((mission) => ({
      departureDate: mission.departure_date as IsoDate,
      returnDate: mission.return_date as IsoDate,
      delegates: delegates
        .filter((delegate) => delegate.mission_id === mission.id)
        .map((delegate) => ({ name: delegate.name, category: delegate.category })),
    })),
    actions: actions.map(({ action, budget, organizations }) => ({
      status: action.status,
      startDate: action.start_date as IsoDate | null,
      endDate: action.end_date as IsoDate | null,
      budget,
      organizations: organizations.map((row) => ({
        organizationId: asId<'Organization'>(row.organization.id),
        role: row.role as OrganizationRole,
      })),
      participatoryActivities: activities
        .filter((row) => row.action_id === action.id)
        .map((row) => ({
          kind: row.kind,
          date: row.date as IsoDate,
          audience: row.audience,
          participants: row.participants,
        })),
    })),
  };
}
