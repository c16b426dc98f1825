import {
  asId,
  budgetTotals,
  budgetViolations,
  DEFAULT_BUDGET_POLICY,
  multiplyMoney,
  parseCurrency,
  parseIsoDate,
  parseRate,
  type Budget,
  type BudgetContext,
  type BudgetPolicy,
  type BudgetViolation,
  type Contribution,
  type ExchangeRate,
  type ExpenseCategory,
  type ExpenseLine,
  type FundingStatus,
  type ReportedAmount,
} from '@coop/domain';
import type { MoneyValue } from '../format/money.js';
import { moneyOf, moneyValueOf, readDecimal, readMoney } from '../format/money-input.js';

/**
 * The budget editor's state, as values the domain checks while the person types (A4): the saved
 * budget from the server with the edits of the open forms laid over it. The server decides again
 * when each change is sent; its answer replaces the preview.
 */

/** An action's budget as the API sends it (only what the rules read). */
export interface BudgetData {
  readonly lines: readonly {
    readonly id: string;
    readonly category: ExpenseCategory;
    readonly label: string;
    readonly amount: MoneyValue;
  }[];
  readonly contributions: readonly {
    readonly id: string;
    readonly kind: 'PARTY_CASH' | 'PARTY_IN_KIND' | 'FUNDER';
    readonly party: { readonly id: string } | null;
    readonly funder: { readonly id: string; readonly name: string } | null;
    readonly amount: MoneyValue;
    readonly description: string;
    readonly fundingStatus: FundingStatus | null;
  }[];
  readonly staffAssignments: readonly {
    readonly id: string;
    readonly collectivity: { readonly id: string };
    readonly days: string;
    readonly dailyCost: MoneyValue;
  }[];
}

/** What the rules of a convention's budgets depend on (its policy, rates and parties). */
export interface BudgetConvention {
  readonly reportingCurrency: string;
  readonly funderCapPercent: number | null;
  readonly minimumPartySharePercent: number;
  readonly exchangeRates: readonly {
    readonly from: string;
    readonly to: string;
    readonly rate: string;
    readonly validFrom: string;
  }[];
  readonly parties: readonly { readonly collectivity: { readonly id: string } }[];
}

/**
 * One open form of the editor: a new item (`id` null) or a change to a saved one. Amounts and
 * days are kept as typed; the domain reads them.
 */
export type BudgetItemDraft =
  | {
      readonly item: 'line';
      readonly id: string | null;
      readonly category: ExpenseCategory;
      readonly label: string;
      readonly amount: string;
      readonly currency: string;
    }
  | {
      readonly item: 'contribution';
      readonly id: string | null;
      readonly kind: 'PARTY_CASH' | 'PARTY_IN_KIND';
      readonly partyId: string;
      readonly description: string;
      readonly amount: string;
      readonly currency: string;
    }
  | {
      readonly item: 'funder';
      readonly id: string | null;
      readonly organizationId: string;
      readonly organizationName: string;
      readonly fundingStatus: FundingStatus;
      readonly amount: string;
      readonly currency: string;
    }
  | {
      readonly item: 'staff';
      readonly id: string | null;
      readonly partyId: string;
      readonly role: string;
      readonly days: string;
      readonly dailyCost: string;
      readonly currency: string;
    };

type Keyed<T> = { readonly key: string; readonly value: T };

function lineOf(draft: Extract<BudgetItemDraft, { item: 'line' }>): ExpenseLine | null {
  const amount = readMoney(draft.amount, draft.currency);
  return amount.ok ? { category: draft.category, label: draft.label, amount: amount.value } : null;
}

function contributionOf(draft: BudgetItemDraft): Contribution | null {
  switch (draft.item) {
    case 'line':
      return null;
    case 'contribution': {
      const amount = readMoney(draft.amount, draft.currency);
      if (!amount.ok) return null;
      const party = asId<'Collectivity'>(draft.partyId);
      return draft.kind === 'PARTY_CASH'
        ? { kind: 'PARTY_CASH', party, amount: amount.value }
        : { kind: 'PARTY_IN_KIND', party, amount: amount.value, description: draft.description };
    }
    case 'funder': {
      const amount = readMoney(draft.amount, draft.currency);
      if (!amount.ok || !draft.organizationId) return null;
      return {
        kind: 'FUNDER',
        funder: asId<'Organization'>(draft.organizationId),
        funderName: draft.organizationName,
        amount: amount.value,
        status: draft.fundingStatus,
      };
    }
    case 'staff': {
      const dailyCost = readMoney(draft.dailyCost, draft.currency);
      const days = readDecimal(draft.days);
      if (!dailyCost.ok || days === null) return null;
      return {
        kind: 'STAFF_TIME',
        party: asId<'Collectivity'>(draft.partyId),
        days,
        dailyCost: dailyCost.value,
      };
    }
  }
}

/** Saved items replaced by their open edit when it reads, then the new items that read. */
function overlay<T>(saved: readonly Keyed<T>[], drafts: readonly Keyed<T | null>[]): T[] {
  const edits = new Map(drafts.map((draft) => [draft.key, draft.value]));
  const kept = saved.map((item) => edits.get(item.key) ?? item.value);
  const added = drafts
    .filter((draft) => !saved.some((item) => item.key === draft.key))
    .flatMap((draft) => (draft.value ? [draft.value] : []));
  return [...kept, ...added];
}

/** The domain's budget: the saved one, with every open form's values laid over it. */
export function budgetWithDrafts(
  data: BudgetData,
  convention: Pick<BudgetConvention, 'parties'>,
  drafts: readonly BudgetItemDraft[] = [],
): Budget {
  const keyOf = (draft: BudgetItemDraft, index: number) => draft.id ?? `new:${index}`;
  const lines = overlay(
    data.lines.map((line) => ({
      key: line.id,
      value: { category: line.category, label: line.label, amount: moneyOf(line.amount) },
    })),
    drafts.flatMap((draft, index) =>
      draft.item === 'line' ? [{ key: keyOf(draft, index), value: lineOf(draft) }] : [],
    ),
  );
  const saved: Keyed<Contribution>[] = [
    ...data.contributions.map((row) => ({ key: row.id, value: savedContribution(row) })),
    ...data.staffAssignments.map((row) => ({
      key: row.id,
      value: {
        kind: 'STAFF_TIME' as const,
        party: asId<'Collectivity'>(row.collectivity.id),
        days: row.days,
        dailyCost: moneyOf(row.dailyCost),
      },
    })),
  ];
  const contributions = overlay(
    saved,
    drafts.flatMap((draft, index) =>
      draft.item === 'line' ? [] : [{ key: keyOf(draft, index), value: contributionOf(draft) }],
    ),
  );
  return {
    parties: convention.parties.map((party) => asId<'Collectivity'>(party.collectivity.id)),
    lines,
    contributions,
  };
}

function savedContribution(row: BudgetData['contributions'][number]): Contribution {
  const amount = moneyOf(row.amount);
  if (row.kind === 'FUNDER') {
    return {
      kind: 'FUNDER',
      funder: asId<'Organization'>(row.funder?.id ?? ''),
      funderName: row.funder?.name ?? null,
      amount,
      status: row.fundingStatus ?? 'REQUESTED',
    };
  }
  const party = asId<'Collectivity'>(row.party?.id ?? '');
  return row.kind === 'PARTY_CASH'
    ? { kind: 'PARTY_CASH', party, amount }
    : { kind: 'PARTY_IN_KIND', party, amount, description: row.description };
}

/** The convention's policy (A4.2, A4.3), the domain's defaults for the rest, as the API does. */
export function budgetPolicyOf(convention: BudgetConvention): BudgetPolicy {
  return {
    ...DEFAULT_BUDGET_POLICY,
    funderCapPercent: convention.funderCapPercent,
    minimumPartySharePercent: convention.minimumPartySharePercent,
  };
}

/** The reporting currency, the convention's dated rates and the date the server totals at. */
export function budgetContextOf(convention: BudgetConvention, date: string): BudgetContext | null {
  const currency = parseCurrency(convention.reportingCurrency);
  const day = parseIsoDate(date);
  if (!currency.ok || !day.ok) return null;
  const rates = convention.exchangeRates.flatMap((rate): ExchangeRate[] => {
    const parsed = parseRate(rate);
    return parsed.ok ? [parsed.value] : [];
  });
  return { reportingCurrency: currency.value, rates, date: day.value };
}

// ——— What the screen shows, from the domain's preview or the server's answer alike ———

export interface ReportedView {
  readonly byCurrency: readonly MoneyValue[];
  readonly reporting: MoneyValue | null;
}

export interface ViolationView {
  readonly code: BudgetViolation['code'];
  readonly blocking: boolean;
  /** The parties concerned, by ID. */
  readonly parties: readonly string[];
  /** The co-funders concerned, by name. */
  readonly funders: readonly string[];
  /** UNBALANCED: resources − expenses in the reporting currency. */
  readonly difference: MoneyValue | null;
  readonly sharePercent: string | null;
  readonly missingRate: {
    readonly from: string;
    readonly to: string;
    readonly date: string;
  } | null;
}

export interface BudgetFigures {
  /** `preview`: the domain on the open forms, not saved yet; `saved`: the server's answer. */
  readonly source: 'preview' | 'saved';
  readonly expenses: ReportedView;
  readonly resources: ReportedView;
  readonly requestedFunding: ReportedView;
  readonly balance: ReportedView;
  readonly balanced: boolean | null;
  readonly parties: readonly {
    readonly id: string;
    readonly planned: ReportedView;
    readonly sharePercent: string | null;
  }[];
  readonly funders: readonly {
    readonly name: string;
    readonly planned: ReportedView;
    readonly sharePercent: string | null;
  }[];
  readonly violations: readonly ViolationView[];
}

function reportedView(amount: ReportedAmount): ReportedView {
  return {
    byCurrency: amount.byCurrency.map(moneyValueOf),
    reporting: amount.reporting ? moneyValueOf(amount.reporting) : null,
  };
}

function violationView(violation: BudgetViolation): ViolationView {
  const base = {
    code: violation.code,
    blocking: violation.blocking,
    parties: [] as string[],
    funders: [] as string[],
    difference: null,
    sharePercent: null,
    missingRate: null,
  };
  switch (violation.code) {
    case 'PARTY_CONTRIBUTES_NOTHING':
    case 'CONTRIBUTOR_NOT_A_PARTY':
      return { ...base, parties: violation.parties };
    case 'PARTY_BELOW_MINIMUM_SHARE':
      return { ...base, parties: violation.parties, sharePercent: violation.sharePercent };
    case 'UNBALANCED':
      return { ...base, difference: moneyValueOf(violation.difference) };
    case 'MISSING_EXCHANGE_RATE':
      return {
        ...base,
        missingRate: { from: violation.from, to: violation.to, date: violation.date },
      };
    case 'FUNDER_OVER_CAP':
      return {
        ...base,
        funders: [violation.funderName ?? violation.funder],
        sharePercent: violation.sharePercent,
      };
    case 'REQUESTED_FUNDING_COUNTED':
      return base;
    case 'NO_EXPENSES':
      return base;
  }
}

/** The domain's totals and violations of the budget as the open forms would make it. */
export function previewFigures(
  budget: Budget,
  convention: BudgetConvention,
  context: BudgetContext,
): BudgetFigures {
  const policy = budgetPolicyOf(convention);
  const totals = budgetTotals(budget, context, policy);
  const violations = budgetViolations(budget, policy, context, totals);
  const funderNames = new Map(
    budget.contributions.flatMap((contribution) =>
      contribution.kind === 'FUNDER'
        ? [[contribution.funder as string, contribution.funderName ?? '']]
        : [],
    ),
  );
  return {
    source: 'preview',
    expenses: reportedView(totals.expenses),
    resources: reportedView(totals.resources),
    requestedFunding: reportedView(totals.requestedFunding),
    balance: reportedView(totals.balance),
    balanced: totals.balanced,
    parties: totals.parties.map((party) => ({
      id: party.party,
      planned: reportedView(party.planned),
      sharePercent: party.sharePercent,
    })),
    funders: totals.funders.map((funder) => ({
      name: funder.funderName ?? funderNames.get(funder.funder) ?? '',
      planned: reportedView(funder.planned),
      sharePercent: funder.sharePercent,
    })),
    violations: violations.map(violationView),
  };
}

/** The server's figures for the saved budget, in the same shape as the preview. */
export interface ServerBudgetFigures {
  readonly totals: {
    readonly expenses: ReportedView;
    readonly resources: ReportedView;
    readonly requestedFunding: ReportedView;
    readonly balance: ReportedView;
    readonly balanced: boolean | null;
    readonly parties: readonly {
      readonly collectivity: { readonly id: string };
      readonly planned: ReportedView;
      readonly sharePercent: string | null;
    }[];
    readonly funders: readonly {
      readonly organization: { readonly name: string };
      readonly planned: ReportedView;
      readonly sharePercent: string | null;
    }[];
  };
  readonly violations: readonly {
    readonly code: BudgetViolation['code'];
    readonly blocking: boolean;
    readonly parties: readonly { readonly id: string }[];
    readonly funders: readonly { readonly name: string }[];
    readonly difference: MoneyValue | null;
    readonly sharePercent: string | null;
    readonly missingRate: {
      readonly from: string;
      readonly to: string;
      readonly date: string;
    } | null;
  }[];
}

export function savedFigures(budget: ServerBudgetFigures): BudgetFigures {
  const { totals } = budget;
  return {
    source: 'saved',
    expenses: totals.expenses,
    resources: totals.resources,
    requestedFunding: totals.requestedFunding,
    balance: totals.balance,
    balanced: totals.balanced,
    parties: totals.parties.map((party) => ({
      id: party.collectivity.id,
      planned: party.planned,
      sharePercent: party.sharePercent,
    })),
    funders: totals.funders.map((funder) => ({
      name: funder.organization.name,
      planned: funder.planned,
      sharePercent: funder.sharePercent,
    })),
    violations: budget.violations.map((violation) => ({
      code: violation.code,
      blocking: violation.blocking,
      parties: violation.parties.map((party) => party.id),
      funders: violation.funders.map((funder) => funder.name),
      difference: violation.difference,
      sharePercent: violation.sharePercent,
      missingRate: violation.missingRate,
    })),
  };
}

/**
 * What the screen shows: the server's figures while no open form changes the budget, else the
 * domain's preview of the budget as typed (null when the preview cannot be computed).
 */
export function budgetFigures(
  data: BudgetData & ServerBudgetFigures & { readonly totals: { readonly date: string } },
  convention: BudgetConvention,
  drafts: readonly BudgetItemDraft[],
): BudgetFigures {
  if (drafts.length === 0) return savedFigures(data);
  const context = budgetContextOf(convention, data.totals.date);
  if (!context) return savedFigures(data);
  return previewFigures(budgetWithDrafts(data, convention, drafts), convention, context);
}

/** The value of staff time as typed: days × daily cost, rounded once (A5), or null. */
export function staffValueOf(days: string, dailyCost: string, currency: string): MoneyValue | null {
  const cost = readMoney(dailyCost, currency);
  const decimalDays = readDecimal(days);
  return cost.ok && decimalDays !== null
    ? moneyValueOf(multiplyMoney(cost.value, decimalDays))
    : null;
}
