import {
  compareDates,
  formatMoney,
  isPartyContribution,
  statusAt,
  termsOf,
  yearOf,
  type ConventionDuration,
  type ExchangeRate,
  type IsoDate,
  type Money,
} from '@coop/domain';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { OrganizationRow, SpecificConventionRow } from '../../db/tables/action.js';
import type { CollectivityRow } from '../../db/tables/collectivity.js';
import type { AxisRow, ConventionRow } from '../../db/tables/convention.js';
import type { IndicatorRow } from '../../db/tables/evaluation.js';
import { plainDecimal } from '../../mapping/decimal.js';
import type { ActionOrganizationWithName } from '../../repositories/export.js';
import type { ActionBudget } from './convention-export.js';
import {
  ACTION_STATUS,
  AXIS_SECTOR_VOCABULARY,
  axisSectorCode,
  BUDGET_ORIGINAL,
  BUDGET_STATUS,
  CONVENTION_DOCUMENT,
  CONVENTION_STATUS,
  DATE_TYPE,
  DEFAULT_DAC_SECTOR,
  iatiActionIdentifier,
  iatiConventionIdentifier,
  iatiOrganisationRef,
  LOCAL_GOVERNMENT,
  measureOf,
  ORGANISATION_TYPE,
  RESULT_OUTPUT,
  ROLE,
  roleOfAssociation,
  type IatiScheme,
  type RoleCode,
} from './iati-codes.js';
import { firstOfYear, lastOfYear, notAfter, transactions, yearlyBudgets } from './iati-finance.js';

/**
 * IATI 2.03 activity XML of a convention and its actions, as the reporting collectivity
 * publishes it (docs/exports.md). Pure: every value comes in through IatiSource. Elements follow
 * the schema's strict order (iati-activities-schema.xsd, iati-activity's sequence).
 */

// ——— Source ———

export interface IatiAction extends ActionBudget {
  /** Every party approved the current budget version (A4.1): the budget is committed. */
  readonly budgetAgreed: boolean;
  readonly specificConvention: SpecificConventionRow | null;
  readonly organizations: readonly ActionOrganizationWithName[];
}

export interface IatiActual {
  readonly year: number;
  readonly value: string;
  /** The party that measured it; null for a value Coop computed from the data (A6). */
  readonly measuredBy: string | null;
}

/** An indicator both parties agreed (A6), with its targets and actual values. */
export interface IatiIndicator {
  readonly row: IndicatorRow;
  readonly targets: readonly { year: number; value: string }[];
  readonly actuals: readonly IatiActual[];
}

export interface IatiSource {
  readonly scheme: IatiScheme;
  readonly generatedAt: Date;
  /** Actual dates and transactions are never after it (IATI rule). */
  readonly today: IsoDate;
  /** The convention's page in the admin app: its document-link and the axes' vocabulary. */
  readonly conventionUrl: string;
  readonly convention: ConventionRow;
  readonly duration: ConventionDuration;
  readonly reporter: CollectivityRow;
  /** In the order the text names them. */
  readonly parties: readonly CollectivityRow[];
  readonly axes: readonly AxisRow[];
  readonly rates: readonly ExchangeRate[];
  readonly actions: readonly IatiAction[];
  readonly indicators: readonly IatiIndicator[];
  /** The co-funders named by contributions, by ID. */
  readonly funders: ReadonlyMap<number, OrganizationRow>;
}

// ——— Small builders ———

function narrative(parent: XMLBuilder, text: string): XMLBuilder {
  parent.ele('narrative').txt(text);
  return parent;
}

function textElement(parent: XMLBuilder, name: string, text: string, attributes = {}): void {
  narrative(parent.ele(name, attributes), text);
}

function value(parent: XMLBuilder, money: Money, valueDate: IsoDate): void {
  parent
    .ele('value', { currency: money.currency, 'value-date': valueDate })
    .txt(formatMoney(money));
}

/** Percentages of at most two decimals adding up to exactly 100: 3 → 33.34, 33.33, 33.33; 5 → 20 each. */
export function evenPercentages(count: number): string[] {
  const base = Math.floor(10_000 / count);
  const extra = 10_000 - base * count;
  return Array.from({ length: count }, (_, index) => {
    const hundredths = base + (index < extra ? 1 : 0);
    const fraction = hundredths % 100;
    return `${Math.floor(hundredths / 100)}${fraction ? `.${String(fraction).padStart(2, '0')}` : ''}`;
  });
}

// ——— Participating organisations ———

interface Participant {
  readonly role: RoleCode;
  readonly ref: string | null;
  readonly type: string;
  readonly name: string;
}

function collectivityParticipant(source: IatiSource, role: RoleCode, row: CollectivityRow) {
  return {
    role,
    ref: iatiOrganisationRef(source.scheme, row.id),
    type: LOCAL_GOVERNMENT,
    name: row.name,
  };
}

function organisationParticipant(
  role: RoleCode,
  row: Pick<OrganizationRow, 'name' | 'kind' | 'iati_identifier'>,
): Participant {
  return { role, ref: row.iati_identifier, type: ORGANISATION_TYPE[row.kind], name: row.name };
}

/** Co-funders whose money is granted or received (a request funds nothing yet), A4.3. */
function fundersOf(source: IatiSource, action: IatiAction): OrganizationRow[] {
  const ids = action.rows.contributions
    .filter((row) => row.kind === 'FUNDER' && row.funding_status !== 'REQUESTED')
    .map((row) => row.organization_id ?? 0);
  return [...new Set(ids)].flatMap((id) => source.funders.get(id) ?? []);
}

function participatingOrgs(parent: XMLBuilder, participants: readonly Participant[]): void {
  const seen = new Set<string>();
  for (const participant of participants) {
    const key = `${participant.role}|${participant.ref ?? ''}|${participant.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const attributes: Record<string, string> = { role: participant.role, type: participant.type };
    if (participant.ref) attributes.ref = participant.ref;
    narrative(parent.ele('participating-org', attributes), participant.name);
  }
}

// ——— Shared parts of both activities ———

function recipientCountries(parent: XMLBuilder, source: IatiSource): void {
  const countries = [
    ...new Set(
      source.parties
        .filter((party) => party.id !== source.reporter.id)
        .map((party) => party.country_code.trim()),
    ),
  ];
  const percentages = evenPercentages(countries.length);
  countries.forEach((code, index) => {
    const attributes: Record<string, string> = { code };
    if (countries.length > 1) attributes.percentage = percentages[index] ?? '0';
    parent.ele('recipient-country', attributes);
  });
}

function sectors(
  parent: XMLBuilder,
  source: IatiSource,
  dacCode: string,
  axes: readonly AxisRow[],
) {
  parent.ele('sector', { vocabulary: '1', code: dacCode, percentage: '100' });
  const percentages = evenPercentages(axes.length);
  axes.forEach((axis, index) => {
    textElement(parent, 'sector', axis.title, {
      vocabulary: AXIS_SECTOR_VOCABULARY,
      'vocabulary-uri': source.conventionUrl,
      code: axisSectorCode(axis),
      percentage: percentages[index] ?? '0',
    });
  });
}

/** Grants (finance type 110) of project-type interventions (aid type C01). */
function financeDefaults(parent: XMLBuilder): void {
  parent.ele('default-finance-type', { code: '110' });
  parent.ele('default-aid-type', { code: 'C01', vocabulary: '1' });
}

function activityDates(
  parent: XMLBuilder,
  dates: readonly { type: string; date: IsoDate }[],
): void {
  for (const { type, date } of dates) parent.ele('activity-date', { type, 'iso-date': date });
}

// ——— The convention: the framework activity (hierarchy 1) ———

function conventionDates(source: IatiSource): { type: string; date: IsoDate }[] {
  const terms = termsOf(source.duration);
  const first = terms[0];
  const last = terms.at(-1);
  if (!first || !last) {
    // Unsigned (A7: a convention can exist before it is signed): the axes' planned start.
    const start =
      source.axes.map((axis) => axis.period_start as IsoDate).sort(compareDates)[0] ??
      (source.convention.created_at.toISOString().slice(0, 10) as IsoDate);
    return [{ type: DATE_TYPE.PLANNED_START, date: start }];
  }
  const dates = [{ type: DATE_TYPE.PLANNED_START, date: first.startDate }];
  if (notAfter(first.startDate, source.today))
    dates.push({ type: DATE_TYPE.ACTUAL_START, date: first.startDate });
  dates.push({ type: DATE_TYPE.PLANNED_END, date: last.endDate });
  if (compareDates(last.endDate, source.today) < 0)
    dates.push({ type: DATE_TYPE.ACTUAL_END, date: last.endDate });
  return dates;
}

function conventionActivity(root: XMLBuilder, source: IatiSource): void {
  const { convention, scheme, reporter } = source;
  const activity = root.ele('iati-activity', {
    'last-updated-datetime': convention.updated_at.toISOString(),
    'xml:lang': 'fr',
    'default-currency': convention.reporting_currency.trim(),
    hierarchy: '1',
  });
  activity.ele('iati-identifier').txt(iatiConventionIdentifier(scheme, reporter.id, convention.id));
  textElement(activity, 'reporting-org', reporter.name, {
    ref: iatiOrganisationRef(scheme, reporter.id),
    type: LOCAL_GOVERNMENT,
  });
  textElement(activity, 'title', convention.title);
  textElement(activity, 'description', convention.object.trim() || convention.title, { type: '1' });
  participatingOrgs(activity, [
    // Every party signed (accountable) and participates financially in every action (A4.2).
    ...source.parties.map((party) => collectivityParticipant(source, ROLE.ACCOUNTABLE, party)),
    ...source.parties.map((party) => collectivityParticipant(source, ROLE.FUNDING, party)),
    ...source.actions.flatMap((action) =>
      fundersOf(source, action).map((funder) => organisationParticipant(ROLE.FUNDING, funder)),
    ),
  ]);
  activity.ele('activity-status', {
    code: CONVENTION_STATUS[statusAt(source.duration, source.today)],
  });
  activityDates(activity, conventionDates(source));
  recipientCountries(activity, source);
  sectors(activity, source, DEFAULT_DAC_SECTOR, source.axes);
  financeDefaults(activity);
  const link = activity.ele('document-link', { url: source.conventionUrl, format: 'text/html' });
  textElement(link, 'title', convention.title);
  link.ele('category', { code: CONVENTION_DOCUMENT });
  link.ele('language', { code: 'fr' });
  if (convention.signature_date)
    link.ele('document-date', { 'iso-date': convention.signature_date });
  for (const action of source.actions) {
    activity.ele('related-activity', {
      ref: iatiActionIdentifier(scheme, reporter.id, action.action.id),
      type: '2',
    });
  }
  results(activity, source);
}

// ——— Results (A6): agreed indicators, grouped by axis ———

function results(activity: XMLBuilder, source: IatiSource): void {
  const firstTerm = termsOf(source.duration)[0];
  const groups = [
    ...source.axes.map((axis) => ({
      title: axis.title,
      indicators: source.indicators.filter((indicator) => indicator.row.axis_id === axis.id),
    })),
    {
      title: 'Programme',
      indicators: source.indicators.filter(
        (indicator) =>
          indicator.row.axis_id === null ||
          !source.axes.some((axis) => axis.id === indicator.row.axis_id),
      ),
    },
  ];
  for (const group of groups) {
    if (group.indicators.length === 0) continue;
    const result = activity.ele('result', { type: RESULT_OUTPUT });
    textElement(result, 'title', group.title);
    for (const indicator of group.indicators) {
      indicatorElement(result, indicator, firstTerm?.startDate ?? source.today);
    }
  }
}

/** The baseline is the value at the start of the first term (or today, while unsigned). */
function indicatorElement(result: XMLBuilder, indicator: IatiIndicator, baselineDate: IsoDate) {
  const { row } = indicator;
  const element = result.ele('indicator', {
    measure: measureOf(row.unit),
    ascending: row.direction === 'INCREASE' ? 'true' : 'false',
  });
  textElement(element, 'title', row.name);
  textElement(element, 'description', `Unité : ${row.unit}`);
  element.ele('reference', { vocabulary: '99', code: row.code });
  const years = [
    ...new Set([...indicator.targets, ...indicator.actuals].map((entry) => entry.year)),
  ].sort((a, b) => a - b);
  element.ele('baseline', {
    year: String(yearOf(baselineDate)),
    'iso-date': baselineDate,
    value: plainDecimal(row.baseline),
  });
  for (const year of years) {
    const period = element.ele('period');
    period.ele('period-start', { 'iso-date': firstOfYear(year) });
    period.ele('period-end', { 'iso-date': lastOfYear(year) });
    for (const target of indicator.targets.filter((entry) => entry.year === year))
      period.ele('target', { value: plainDecimal(target.value) });
    for (const actual of indicator.actuals.filter((entry) => entry.year === year)) {
      const element = period.ele('actual', { value: plainDecimal(actual.value) });
      textElement(
        element,
        'comment',
        actual.measuredBy
          ? `Mesure de ${actual.measuredBy}`
          : 'Calculé par Coop à partir des données',
      );
    }
  }
}

// ——— Actions: one activity each (hierarchy 2) ———

function actionDates(source: IatiSource, action: IatiAction): { type: string; date: IsoDate }[] {
  const { status } = action.action;
  const start = action.action.start_date as IsoDate | null;
  const end = action.action.end_date as IsoDate | null;
  const dates: { type: string; date: IsoDate }[] = [];
  if (start) {
    dates.push({ type: DATE_TYPE.PLANNED_START, date: start });
    if ((status === 'IN_PROGRESS' || status === 'COMPLETED') && notAfter(start, source.today))
      dates.push({ type: DATE_TYPE.ACTUAL_START, date: start });
  }
  if (end) {
    dates.push({ type: DATE_TYPE.PLANNED_END, date: end });
    if (status === 'COMPLETED' && notAfter(end, source.today))
      dates.push({ type: DATE_TYPE.ACTUAL_END, date: end });
  }
  if (dates.length === 0) {
    // Not dated yet: planned from the convention's start (or planned start of its axes).
    const [planned] = conventionDates(source);
    if (planned) dates.push({ type: DATE_TYPE.PLANNED_START, date: planned.date });
  }
  return dates;
}

function actionActivity(root: XMLBuilder, source: IatiSource, action: IatiAction): void {
  const { scheme, reporter, convention } = source;
  const row = action.action;
  const activity = root.ele('iati-activity', {
    'last-updated-datetime': row.updated_at.toISOString(),
    'xml:lang': 'fr',
    'default-currency': convention.reporting_currency.trim(),
    hierarchy: '2',
  });
  activity.ele('iati-identifier').txt(iatiActionIdentifier(scheme, reporter.id, row.id));
  textElement(activity, 'reporting-org', reporter.name, {
    ref: iatiOrganisationRef(scheme, reporter.id),
    type: LOCAL_GOVERNMENT,
  });
  textElement(activity, 'title', row.title);
  textElement(activity, 'description', row.description.trim() || row.title, { type: '1' });
  const contributors = new Set(
    action.budget.contributions.filter(isPartyContribution).map((c) => Number(c.party)),
  );
  participatingOrgs(activity, [
    ...source.parties
      .filter((party) => contributors.has(party.id))
      .map((party) => collectivityParticipant(source, ROLE.FUNDING, party)),
    ...fundersOf(source, action).map((funder) => organisationParticipant(ROLE.FUNDING, funder)),
    ...source.parties.map((party) => collectivityParticipant(source, ROLE.IMPLEMENTING, party)),
    ...action.organizations.map((association) =>
      organisationParticipant(roleOfAssociation(association.role), association.organization),
    ),
  ]);
  activity.ele('activity-status', { code: ACTION_STATUS[row.status] });
  activityDates(activity, actionDates(source, action));
  recipientCountries(activity, source);
  const dac =
    row.dac_sector && /^\d{5}$/.test(row.dac_sector) ? row.dac_sector : DEFAULT_DAC_SECTOR;
  sectors(
    activity,
    source,
    dac,
    source.axes.filter((axis) => axis.id === row.axis_id),
  );
  financeDefaults(activity);
  for (const budget of yearlyBudgets(source, action)) {
    const element = activity.ele('budget', {
      type: BUDGET_ORIGINAL,
      status: action.budgetAgreed ? BUDGET_STATUS.COMMITTED : BUDGET_STATUS.INDICATIVE,
    });
    element.ele('period-start', { 'iso-date': budget.start });
    element.ele('period-end', { 'iso-date': budget.end });
    value(element, budget.amount, budget.start);
  }
  for (const transaction of transactions(source, action)) {
    const element = activity.ele('transaction');
    element.ele('transaction-type', { code: transaction.type });
    element.ele('transaction-date', { 'iso-date': transaction.date });
    value(element, transaction.amount, transaction.date);
    textElement(element, 'description', transaction.description);
    if (transaction.provider)
      textElement(
        element,
        'provider-org',
        transaction.provider.name,
        transaction.provider.attributes,
      );
    if (transaction.receiver)
      textElement(
        element,
        'receiver-org',
        transaction.receiver.name,
        transaction.receiver.attributes,
      );
  }
  activity.ele('related-activity', {
    ref: iatiConventionIdentifier(scheme, reporter.id, convention.id),
    type: '1',
  });
}

// ——— The document ———

/** The whole file: the convention first, then one activity per action. */
export function iatiActivitiesXml(source: IatiSource): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('iati-activities', {
    version: '2.03',
    'generated-datetime': source.generatedAt.toISOString(),
  });
  conventionActivity(root, source);
  for (const action of source.actions) actionActivity(root, source, action);
  return root.end({ prettyPrint: true });
}
