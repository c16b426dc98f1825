import {
  apdDeclaration,
  asId,
  formatMoney,
  type ApdAction,
  type ApdDeclaration,
  type CurrencyCode,
  type IsoDate,
  type Money,
} from '@coop/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Executor } from '../../db/database.js';
import type { CollectivityRow } from '../../db/tables/collectivity.js';
import { budgetOf } from '../../mapping/budget.js';
import { budgetsOfActions } from '../../repositories/budget.js';
import { findCollectivitiesByIds } from '../../repositories/collectivity.js';
import { partiesOfConventions } from '../../repositories/convention.js';
import { exchangeRatesOfConventions } from '../../repositories/exchange-rate.js';
import { actionsOfConventions, conventionsOfCollectivity } from '../../repositories/export.js';
import { rateOf } from '../../schema/exchange-rate.js';
import { CSV_CONTENT_TYPE, decimalComma, frenchCsv } from './budget-csv.js';
import { dbIdOf } from './convention-export.js';
import { slug, type DownloadResult, type DownloadRoute, type SignedInRequest } from './download.js';

/** A year a declaration may be asked for: anything else is answered as not found. */
export function isDeclarableYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1900 && year <= 2999;
}

/**
 * The year's APD declaration of a collectivity (its OWN funds spent on cooperation, by partner
 * country), computed by the domain's apdDeclaration over every convention it is party to.
 * Statements: a fixed handful, whatever the number of conventions and actions.
 *
 * Rates: the domain takes one list. It gets the platform's rates and those each of the
 * collectivity's conventions recorded; should two conventions record different rates for the
 * same currencies and day, the one recorded first is used.
 */
export async function apdDeclarationOf(
  db: Executor,
  collectivity: CollectivityRow,
  year: number,
): Promise<ApdDeclaration> {
  const conventions = await conventionsOfCollectivity(db, collectivity.id);
  const conventionIds = conventions.map((convention) => convention.id);
  const [parties, actions, rates] = await Promise.all([
    partiesOfConventions(db, conventionIds),
    actionsOfConventions(db, conventionIds),
    exchangeRatesOfConventions(db, conventionIds),
  ]);
  const partyIdsOf = new Map(
    conventionIds.map((id, index) => [id, (parties[index] ?? []).map((p) => p.collectivity_id)]),
  );
  const countries = new Map(
    (await findCollectivitiesByIds(db, [...new Set([...partyIdsOf.values()].flat())])).map(
      (row) => [row.id, row.country_code.trim()],
    ),
  );
  const budgets = await budgetsOfActions(
    db,
    actions.map((action) => action.id),
  );
  const apdActions = actions.map((action, index): ApdAction => {
    const partyIds = partyIdsOf.get(action.convention_id) ?? [];
    const partners = partyIds.filter((id) => id !== collectivity.id);
    return {
      id: asId<'Action'>(action.id),
      title: action.title,
      partnerCountries: [...new Set(partners.flatMap((id) => countries.get(id) ?? []))],
      endDate: action.end_date as IsoDate | null,
      budget: budgetOf(budgets[index] ?? { lines: [], contributions: [], staff: [] }, partyIds),
    };
  });
  const uniqueRates = new Map(rates.flat().map((row) => [row.id, row]));
  return apdDeclaration({
    collectivity: asId<'Collectivity'>(collectivity.id),
    currency: collectivity.currency.trim() as CurrencyCode,
    year,
    actions: apdActions,
    rates: [...uniqueRates.values()].map(rateOf),
  });
}

export const APD_CSV_COLUMNS = [
  'year',
  'row_type',
  'country_code',
  'action_id',
  'action_title',
  'cash',
  'in_kind',
  'staff_time',
  'total',
  'currency',
  'note',
] as const;

type ApdCsvRow = Record<(typeof APD_CSV_COLUMNS)[number], string>;

const amount = (money: Money): string => decimalComma(formatMoney(money));

/**
 * One row per action and partner country (ACTION), each country's total (COUNTRY_TOTAL), the
 * declaration's total (TOTAL), then what could not be declared: executed contributions with no
 * date (UNDATED) and currencies with no rate (MISSING_RATE). Sum the ACTION rows, or read the totals.
 */
export function apdCsvRows(declaration: ApdDeclaration): ApdCsvRow[] {
  const base = {
    year: String(declaration.year),
    currency: declaration.currency,
    action_id: '',
    action_title: '',
    cash: '',
    in_kind: '',
    staff_time: '',
    total: '',
    note: '',
  };
  const rows: ApdCsvRow[] = [];
  for (const country of declaration.countries) {
    for (const line of country.actions) {
      rows.push({
        ...base,
        row_type: 'ACTION',
        country_code: country.country,
        action_id: encodeGlobalID('Action', line.actionId),
        action_title: line.title,
        cash: amount(line.cash),
        in_kind: amount(line.inKind),
        staff_time: amount(line.staffTime),
        total: amount(line.total),
      });
    }
    rows.push({
      ...base,
      row_type: 'COUNTRY_TOTAL',
      country_code: country.country,
      total: amount(country.total),
    });
  }
  rows.push({ ...base, row_type: 'TOTAL', country_code: '', total: amount(declaration.total) });
  for (const undated of declaration.undated) {
    rows.push({
      ...base,
      row_type: 'UNDATED',
      country_code: '',
      action_id: encodeGlobalID('Action', undated.actionId),
      note: `${undated.kind} exécutée sans date : à dater pour la déclarer`,
    });
  }
  for (const missing of declaration.missingRates) {
    rows.push({
      ...base,
      row_type: 'MISSING_RATE',
      country_code: '',
      note: `Aucun taux ${missing.from} → ${missing.to} au ${missing.date} : montants en ${missing.from} non déclarés`,
    });
  }
  return rows;
}

/** GET /exports/collectivities/{id}/apd/{year}.csv — only the viewer's own collectivity's. */
async function apdCsv(request: SignedInRequest): Promise<DownloadResult> {
  const [globalId = '', yearText = ''] = request.params;
  const id = dbIdOf(globalId, 'Collectivity');
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
  if (id === null || id !== request.viewer.collectivityId || !isDeclarableYear(year)) {
    return 'NOT_FOUND';
  }
  const [collectivity] = await findCollectivitiesByIds(request.db, [id]);
  if (!collectivity) return 'NOT_FOUND';
  const declaration = await apdDeclarationOf(request.db, collectivity, year);
  return {
    body: frenchCsv(APD_CSV_COLUMNS, apdCsvRows(declaration)),
    contentType: CSV_CONTENT_TYPE,
    fileName: `apd-${year}-${slug(collectivity.name)}.csv`,
  };
}

export const apdCsvRoute: DownloadRoute = {
  pattern: /^\/exports\/collectivities\/([^/]+)\/apd\/([^/]+)\.csv$/,
  signIn: true,
  handle: apdCsv,
};
