import { describe, expect, it } from 'vitest';
import {
  budgetFigures,
  budgetWithDrafts,
  staffValueOf,
  type BudgetConvention,
  type BudgetData,
  type BudgetItemDraft,
} from './budget-draft.js';

const DIJON = 'Q29sbGVjdGl2aXR5OjE=';
const CHEFCHAOUEN = 'Q29sbGVjdGl2aXR5OjI=';

/** The founding convention's policy: EUR reporting, a co-funder at most 50%, the 2026 rate. */
const CONVENTION: BudgetConvention = {
  reportingCurrency: 'EUR',
  funderCapPercent: 50,
  minimumPartySharePercent: 0,
  exchangeRates: [{ from: 'EUR', to: 'MAD', rate: '10.7015', validFrom: '2026-01-01' }],
  parties: [{ collectivity: { id: DIJON } }, { collectivity: { id: CHEFCHAOUEN } }],
};

const eur = (amount: string) => ({ amount, currency: 'EUR' });
const reported = (amount: string) => ({ byCurrency: [eur(amount)], reporting: eur(amount) });

/** A workshop of 1,000 € that only Dijon funds so far, as the server answers it. */
const SAVED: BudgetData & Parameters<typeof budgetFigures>[0] = {
  lines: [{ id: 'L1', category: 'TRAINING', label: 'Ateliers', amount: eur('1000.00') }],
  contributions: [
    {
      id: 'C1',
      kind: 'PARTY_CASH',
      party: { id: DIJON },
      funder: null,
      amount: eur('600.00'),
      description: '',
      fundingStatus: null,
    },
  ],
  staffAssignments: [],
  totals: {
    date: '2026-12-01',
    expenses: reported('1000.00'),
    resources: reported('600.00'),
    requestedFunding: { byCurrency: [], reporting: eur('0.00') },
    balance: reported('-400.00'),
    balanced: false,
    parties: [
      { collectivity: { id: DIJON }, planned: reported('600.00'), sharePercent: '60.00' },
      {
        collectivity: { id: CHEFCHAOUEN },
        planned: { byCurrency: [], reporting: eur('0.00') },
        sharePercent: '0.00',
      },
    ],
    funders: [],
  },
  violations: [
    {
      code: 'PARTY_CONTRIBUTES_NOTHING',
      blocking: true,
      parties: [{ id: CHEFCHAOUEN }],
      funders: [],
      difference: null,
      sharePercent: null,
      missingRate: null,
    },
    {
      code: 'UNBALANCED',
      blocking: true,
      parties: [],
      funders: [],
      difference: eur('-400.00'),
      sharePercent: null,
      missingRate: null,
    },
  ],
};

const chefchaouenCash = (amount: string): BudgetItemDraft => ({
  item: 'contribution',
  id: null,
  kind: 'PARTY_CASH',
  partyId: CHEFCHAOUEN,
  description: '',
  amount,
  currency: 'MAD',
});

describe('the budget editor’s figures', () => {
  it('shows the server’s answer while no form changes the budget', () => {
    const figures = budgetFigures(SAVED, CONVENTION, []);
    expect(figures.source).toBe('saved');
    expect(figures.violations.map((violation) => violation.code)).toEqual([
      'PARTY_CONTRIBUTES_NOTHING',
      'UNBALANCED',
    ]);
  });

  it('previews the budget as typed: each keystroke of Chefchaouen’s dirhams is checked (A4.2, A4.4)', () => {
    const typing = ['4', '4280', '4280,6', '4280,60'].map((typed) =>
      budgetFigures(SAVED, CONVENTION, [chefchaouenCash(typed)]),
    );
    expect(typing.map((figures) => figures.source)).toEqual([
      'preview',
      'preview',
      'preview',
      'preview',
    ]);
    // "4" MAD: Chefchaouen now gives something, the budget is still short.
    expect(typing[0]?.violations.map((violation) => violation.code)).toEqual(['UNBALANCED']);
    // 4 280,60 MAD at 10.7015 is exactly the 400 € missing: converted once, nothing lost.
    expect(typing[3]?.violations).toEqual([]);
    expect(typing[3]?.balanced).toBe(true);
    expect(typing[3]?.balance.byCurrency).toEqual([
      eur('-400.00'),
      { amount: '4280.60', currency: 'MAD' },
    ]);
    expect(typing[3]?.balance.reporting).toEqual(eur('0.00'));
    expect(typing[3]?.parties.map((party) => [party.id, party.sharePercent])).toEqual([
      [DIJON, '60.00'],
      [CHEFCHAOUEN, '40.00'],
    ]);
  });

  it('names what is short or in excess, in the reporting currency', () => {
    const short = budgetFigures(SAVED, CONVENTION, [chefchaouenCash('1070.15')]);
    expect(short.violations).toEqual([
      expect.objectContaining({ code: 'UNBALANCED', blocking: true, difference: eur('-300.00') }),
    ]);
    const over = budgetFigures(SAVED, CONVENTION, [chefchaouenCash('5350.75')]);
    expect(over.violations[0]?.difference).toEqual(eur('100.00'));
  });

  it('lays an edited line over the saved one, and keeps the saved one while the amount does not read', () => {
    const edit = (amount: string): BudgetItemDraft => ({
      item: 'line',
      id: 'L1',
      category: 'TRAINING',
      label: 'Ateliers',
      amount,
      currency: 'EUR',
    });
    expect(budgetWithDrafts(SAVED, CONVENTION, [edit('600')]).lines).toEqual([
      { category: 'TRAINING', label: 'Ateliers', amount: { amount: 60000n, currency: 'EUR' } },
    ]);
    // 12,345 € has one decimal too many: the saved 1 000 € stays in the preview.
    expect(budgetWithDrafts(SAVED, CONVENTION, [edit('12,345')]).lines[0]?.amount.amount).toBe(
      100000n,
    );
    const balanced = budgetFigures(SAVED, CONVENTION, [edit('600')]);
    expect(balanced.violations.map((violation) => violation.code)).toEqual([
      'PARTY_CONTRIBUTES_NOTHING',
    ]);
  });

  it('counts staff time as its employer’s contribution, days × daily cost (A5)', () => {
    const staff: BudgetItemDraft = {
      item: 'staff',
      id: null,
      partyId: CHEFCHAOUEN,
      role: 'Technicien',
      days: '2,5',
      dailyCost: '1712.24',
      currency: 'MAD',
    };
    const figures = budgetFigures(SAVED, CONVENTION, [staff]);
    expect(figures.parties.find((party) => party.id === CHEFCHAOUEN)?.planned.byCurrency).toEqual([
      { amount: '4280.60', currency: 'MAD' },
    ]);
    expect(figures.violations).toEqual([]);
    expect(staffValueOf('2,5', '180.25', 'EUR')).toEqual(eur('450.62'));
    expect(staffValueOf('deux', '180.25', 'EUR')).toBeNull();
  });

  it('warns about a co-funder above its cap and funding still requested (A4.3)', () => {
    const funder: BudgetItemDraft = {
      item: 'funder',
      id: null,
      organizationId: 'T3JnYW5pemF0aW9uOjE=',
      organizationName: 'DAECT',
      fundingStatus: 'REQUESTED',
      amount: '800',
      currency: 'EUR',
    };
    const figures = budgetFigures(SAVED, CONVENTION, [funder, chefchaouenCash('10')]);
    const codes = figures.violations.map((violation) => [violation.code, violation.blocking]);
    expect(codes).toContainEqual(['FUNDER_OVER_CAP', false]);
    expect(codes).toContainEqual(['REQUESTED_FUNDING_COUNTED', false]);
    expect(figures.violations.find((v) => v.code === 'FUNDER_OVER_CAP')?.funders).toEqual([
      'DAECT',
    ]);
    expect(figures.funders).toEqual([
      { name: 'DAECT', planned: reported('800.00'), sharePercent: '80.00' },
    ]);
  });

  it('says which rate is missing instead of guessing a total (A4.6)', () => {
    const noRates = { ...CONVENTION, exchangeRates: [] };
    const figures = budgetFigures(SAVED, noRates, [chefchaouenCash('4280.60')]);
    expect(figures.balanced).toBeNull();
    expect(figures.violations).toEqual([
      expect.objectContaining({
        code: 'MISSING_EXCHANGE_RATE',
        blocking: true,
        missingRate: { from: 'MAD', to: 'EUR', date: '2026-12-01' },
      }),
    ]);
  });
});
