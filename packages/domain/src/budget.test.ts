import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BUDGET_POLICY,
  approveBudget,
  budgetTotals,
  budgetViolations,
  canApproveBudget,
  contributionValue,
  validateContribution,
  validateExpenseLine,
  type Budget,
  type BudgetViolation,
} from './budget.js';
import { asId } from './ids.js';
import { approvalStatus } from './joint-approval.js';
import { unwrap } from './result.js';
import {
  CHEFCHAOUEN,
  DIJON,
  IN_EUROS_2017,
  MAD,
  MAINZ,
  PARTIES,
  SSE_FUND,
  coachingBudget,
  d,
  eur,
  mad,
} from './test-fixtures/dijon-chefchaouen.js';

const codes = (violations: BudgetViolation[]) => violations.map((v) => v.code);
const violationsOf = (budget: Budget, policy = DEFAULT_BUDGET_POLICY) =>
  budgetViolations(budget, policy, IN_EUROS_2017);

const oneCurrency: Budget = {
  parties: PARTIES,
  lines: [{ category: 'TRAINING', label: 'Formation', amount: eur('1000.00') }],
  contributions: [
    { kind: 'PARTY_CASH', party: DIJON, amount: eur('600.00') },
    { kind: 'PARTY_IN_KIND', party: CHEFCHAOUEN, amount: eur('400.00'), description: 'Salle' },
  ],
};

describe('contributions', () => {
  it('values staff time as days × daily cost, rounded half to even', () => {
    expect(
      contributionValue({
        kind: 'STAFF_TIME',
        party: DIJON,
        days: '2.5',
        dailyCost: eur('180.25'),
      }),
    ).toEqual(eur('450.62'));
  });

  it('refuses a contribution from a collectivity that is not a party', () => {
    expect(
      validateContribution({ kind: 'PARTY_CASH', party: MAINZ, amount: eur('10.00') }, PARTIES),
    ).toMatchObject({ ok: false, error: { code: 'NOT_A_PARTY', party: MAINZ } });
  });

  it('refuses a negative amount, a wrong number of days, an in-kind gift without description', () => {
    expect(
      validateContribution({ kind: 'PARTY_CASH', party: DIJON, amount: eur('-1.00') }, PARTIES),
    ).toMatchObject({ ok: false, error: { code: 'NEGATIVE_AMOUNT' } });
    expect(
      validateContribution(
        { kind: 'STAFF_TIME', party: DIJON, days: 'deux', dailyCost: eur('100.00') },
        PARTIES,
      ),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_DAYS' } });
    expect(
      validateContribution(
        { kind: 'PARTY_IN_KIND', party: DIJON, amount: eur('1.00'), description: ' ' },
        PARTIES,
      ),
    ).toMatchObject({ ok: false, error: { code: 'EMPTY_DESCRIPTION' } });
    expect(
      validateContribution(
        { kind: 'PARTY_CASH', party: DIJON, amount: eur('1.00'), executed: mad('1.00') },
        PARTIES,
      ),
    ).toMatchObject({ ok: false, error: { code: 'CURRENCY_MISMATCH' } });
  });

  it('refuses an expense line without label or with a negative amount', () => {
    expect(
      validateExpenseLine({ category: 'OTHER', label: '', amount: eur('1.00') }),
    ).toMatchObject({
      ok: false,
      error: { code: 'EMPTY_LABEL' },
    });
    expect(
      validateExpenseLine({ category: 'OTHER', label: 'x', amount: eur('-1.00') }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NEGATIVE_AMOUNT' },
    });
  });
});

describe('budget totals', () => {
  it('keeps each currency exact and reports in euros with the dated rate', () => {
    const totals = budgetTotals(coachingBudget, IN_EUROS_2017);
    expect(totals.expenses).toEqual({
      byCurrency: [eur('12000.00'), mad('54061.50')],
      reporting: eur('17000.00'),
    });
    expect(totals.resources.reporting).toEqual(eur('17000.00'));
    expect(totals.balance).toEqual({
      byCurrency: [eur('0.00'), mad('0.00')],
      reporting: eur('0.00'),
    });
    expect(totals.balanced).toBe(true);
  });

  it('gives each party and funder its total and share', () => {
    const totals = budgetTotals(coachingBudget, IN_EUROS_2017);
    expect(totals.parties.map((p) => [p.party, p.planned.reporting, p.sharePercent])).toEqual([
      [DIJON, eur('7000.00'), '41.18'],
      [CHEFCHAOUEN, eur('5000.00'), '29.41'],
    ]);
    expect(totals.funders).toMatchObject([
      {
        funder: SSE_FUND,
        funderName: 'Fonds du MEAE',
        statuses: ['GRANTED'],
        sharePercent: '29.41',
      },
    ]);
  });

  it('cannot report without a rate, and says which one is missing', () => {
    const totals = budgetTotals(coachingBudget, { ...IN_EUROS_2017, rates: [] });
    expect(totals.expenses.reporting).toBeNull();
    expect(totals.balanced).toBeNull();
    expect(totals.missingRates).toMatchObject([
      { code: 'MISSING_EXCHANGE_RATE', from: MAD, to: 'EUR' },
    ]);
  });

  it('does not depend on the order of lines and contributions', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...coachingBudget.lines], { minLength: 3, maxLength: 3 }),
        fc.shuffledSubarray([...coachingBudget.contributions], { minLength: 3, maxLength: 3 }),
        (lines, contributions) => {
          const shuffled = budgetTotals({ ...coachingBudget, lines, contributions }, IN_EUROS_2017);
          const original = budgetTotals(coachingBudget, IN_EUROS_2017);
          expect(shuffled.expenses).toEqual(original.expenses);
          expect(shuffled.resources).toEqual(original.resources);
          expect(shuffled.balance).toEqual(original.balance);
        },
      ),
    );
  });
});

describe('budget violations (A4)', () => {
  it('accepts a balanced budget where both parties contribute', () => {
    expect(violationsOf(oneCurrency)).toEqual([]);
    expect(violationsOf(coachingBudget)).toEqual([]);
  });

  it('refuses a budget where Chefchaouen gives nothing, naming it', () => {
    const budget: Budget = {
      ...oneCurrency,
      contributions: [{ kind: 'PARTY_CASH', party: DIJON, amount: eur('1000.00') }],
    };
    expect(violationsOf(budget)).toMatchObject([
      { code: 'PARTY_CONTRIBUTES_NOTHING', blocking: true, parties: [CHEFCHAOUEN] },
    ]);
    expect(canApproveBudget(budget, DEFAULT_BUDGET_POLICY, IN_EUROS_2017)).toMatchObject({
      ok: false,
      error: { code: 'BUDGET_NOT_APPROVABLE' },
    });
  });

  it('counts a zero contribution as giving nothing', () => {
    const budget: Budget = {
      ...oneCurrency,
      contributions: [
        { kind: 'PARTY_CASH', party: DIJON, amount: eur('1000.00') },
        { kind: 'PARTY_CASH', party: CHEFCHAOUEN, amount: eur('0.00') },
      ],
    };
    expect(codes(violationsOf(budget))).toEqual(['PARTY_CONTRIBUTES_NOTHING']);
  });

  it('refuses an unbalanced budget and gives the difference', () => {
    const budget: Budget = {
      ...oneCurrency,
      lines: [
        ...oneCurrency.lines,
        { category: 'TRAVEL', label: 'Billets', amount: eur('250.50') },
      ],
    };
    expect(violationsOf(budget)).toMatchObject([
      {
        code: 'UNBALANCED',
        blocking: true,
        difference: eur('-250.50'),
        differenceByCurrency: [eur('-250.50')],
      },
    ]);
  });

  it('is balanced across currencies when each currency balances, whatever the rate', () => {
    const odd = { ...IN_EUROS_2017, rates: [{ ...IN_EUROS_2017.rates[0]!, rate: '10.8127' }] };
    expect(budgetViolations(coachingBudget, DEFAULT_BUDGET_POLICY, odd)).toEqual([]);
  });

  it('blocks approval when an exchange rate is missing', () => {
    const violations = budgetViolations(coachingBudget, DEFAULT_BUDGET_POLICY, {
      ...IN_EUROS_2017,
      date: d('2015-12-31'),
    });
    expect(violations).toMatchObject([
      { code: 'MISSING_EXCHANGE_RATE', from: MAD, blocking: true },
    ]);
  });

  it('refuses a budget without expenses', () => {
    expect(codes(violationsOf({ parties: PARTIES, lines: [], contributions: [] }))).toEqual([
      'NO_EXPENSES',
      'PARTY_CONTRIBUTES_NOTHING',
    ]);
  });

  it('warns when a funder covers more than its cap, without blocking approval', () => {
    const budget: Budget = {
      ...oneCurrency,
      contributions: [
        { kind: 'PARTY_CASH', party: DIJON, amount: eur('200.00') },
        { kind: 'PARTY_CASH', party: CHEFCHAOUEN, amount: eur('199.99') },
        { kind: 'FUNDER', funder: SSE_FUND, amount: eur('600.01'), status: 'GRANTED' },
      ],
    };
    expect(violationsOf(budget)).toMatchObject([
      {
        code: 'FUNDER_OVER_CAP',
        blocking: false,
        funder: SSE_FUND,
        sharePercent: '60.00',
        capPercent: 50,
      },
    ]);
    expect(
      codes(violationsOf(budget, { ...DEFAULT_BUDGET_POLICY, funderCapPercent: null })),
    ).toEqual([]);
    expect(canApproveBudget(budget, DEFAULT_BUDGET_POLICY, IN_EUROS_2017).ok).toBe(true);
  });

  it('accepts a funder at exactly its cap', () => {
    const budget: Budget = {
      ...oneCurrency,
      contributions: [
        { kind: 'PARTY_CASH', party: DIJON, amount: eur('250.00') },
        { kind: 'PARTY_CASH', party: CHEFCHAOUEN, amount: eur('250.00') },
        { kind: 'FUNDER', funder: SSE_FUND, amount: eur('500.00'), status: 'RECEIVED' },
      ],
    };
    expect(violationsOf(budget)).toEqual([]);
  });

  it('warns about a party below the minimum share of the policy', () => {
    const policy = { ...DEFAULT_BUDGET_POLICY, minimumPartySharePercent: 45 };
    expect(violationsOf(oneCurrency, policy)).toMatchObject([
      {
        code: 'PARTY_BELOW_MINIMUM_SHARE',
        parties: [CHEFCHAOUEN],
        sharePercent: '40.00',
        minimumPercent: 45,
      },
    ]);
  });

  it('counts requested funding toward the balance with a warning, or not at all', () => {
    const budget: Budget = {
      ...oneCurrency,
      contributions: [
        { kind: 'PARTY_CASH', party: DIJON, amount: eur('300.00') },
        { kind: 'PARTY_CASH', party: CHEFCHAOUEN, amount: eur('300.00') },
        { kind: 'FUNDER', funder: SSE_FUND, amount: eur('400.00'), status: 'REQUESTED' },
      ],
    };
    expect(violationsOf(budget)).toMatchObject([
      { code: 'REQUESTED_FUNDING_COUNTED', blocking: false, funders: [SSE_FUND] },
    ]);
    expect(
      violationsOf(budget, { ...DEFAULT_BUDGET_POLICY, countRequestedFunding: false }),
    ).toMatchObject([{ code: 'UNBALANCED', difference: eur('-400.00') }]);
  });

  it('flags a contributor that is not a party', () => {
    const budget: Budget = {
      ...oneCurrency,
      contributions: [
        ...oneCurrency.contributions,
        { kind: 'PARTY_CASH', party: MAINZ, amount: eur('0.00') },
      ],
    };
    expect(violationsOf(budget)).toMatchObject([
      { code: 'CONTRIBUTOR_NOT_A_PARTY', parties: [MAINZ] },
    ]);
  });
});

describe('approving a budget (A4.1)', () => {
  const subject = { ...oneCurrency, version: 1, approvals: [] };

  it('is agreed once both parties approved the same version', () => {
    const once = unwrap(
      approveBudget(
        subject,
        { party: DIJON, actingFor: DIJON, version: 1 },
        DEFAULT_BUDGET_POLICY,
        IN_EUROS_2017,
      ),
    );
    const both = unwrap(
      approveBudget(
        once,
        { party: CHEFCHAOUEN, actingFor: CHEFCHAOUEN, version: 1 },
        DEFAULT_BUDGET_POLICY,
        IN_EUROS_2017,
      ),
    );
    expect(approvalStatus(both).state).toBe('AGREED');
  });

  it('is refused while the budget is unbalanced', () => {
    const unbalanced = {
      ...subject,
      lines: [{ category: 'OTHER' as const, label: 'x', amount: eur('1.00') }],
    };
    expect(
      approveBudget(
        unbalanced,
        { party: DIJON, actingFor: DIJON, version: 1 },
        DEFAULT_BUDGET_POLICY,
        IN_EUROS_2017,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'BUDGET_NOT_APPROVABLE', violations: [{ code: 'UNBALANCED' }] },
    });
  });

  it('is refused for another party', () => {
    expect(
      approveBudget(
        subject,
        { party: CHEFCHAOUEN, actingFor: DIJON, version: 1 },
        DEFAULT_BUDGET_POLICY,
        IN_EUROS_2017,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_YOUR_PARTY' },
    });
  });
});

describe('funders', () => {
  it('adds up every contribution of one funder', () => {
    const other = asId<'Organization'>('afd');
    const totals = budgetTotals(
      {
        ...oneCurrency,
        contributions: [
          ...oneCurrency.contributions,
          { kind: 'FUNDER', funder: other, amount: eur('10.00'), status: 'GRANTED' },
          { kind: 'FUNDER', funder: other, amount: eur('5.00'), status: 'RECEIVED' },
        ],
      },
      IN_EUROS_2017,
    );
    expect(totals.funders).toMatchObject([
      { funder: other, planned: { reporting: eur('15.00') }, statuses: ['GRANTED', 'RECEIVED'] },
    ]);
  });
});
