import { describe, expect, it } from 'vitest';
import { programmeBudget, type ProgrammeAction } from './programme-budget.js';

const eur = (amount: string) => ({ amount, currency: 'EUR' });
const PARTIES = [
  { id: 'dijon', name: 'Dijon' },
  { id: 'chefchaouen', name: 'Chefchaouen' },
];
const AXES = [
  { id: 'economy', title: 'Développement économique' },
  { id: 'culture', title: 'Attractivité et rayonnement' },
];

function action(
  status: ProgrammeAction['status'],
  axis: string,
  expenses: string | null,
  executed: string,
  dijon: [string, string],
  chefchaouen: [string, string],
): ProgrammeAction {
  return {
    status,
    axis: { id: axis },
    budget: {
      totals: {
        expenses: { reporting: expenses === null ? null : eur(expenses) },
        executedExpenses: { reporting: eur(executed) },
        parties: [
          {
            collectivity: { id: 'dijon' },
            planned: { reporting: eur(dijon[0]) },
            executed: { reporting: eur(dijon[1]) },
          },
          {
            collectivity: { id: 'chefchaouen' },
            planned: { reporting: eur(chefchaouen[0]) },
            executed: { reporting: eur(chefchaouen[1]) },
          },
        ],
      },
    },
  };
}

describe('the programme budget of the dashboard', () => {
  it('sums each party’s and each axis’ budget exactly, in the reporting currency', () => {
    const budget = programmeBudget(
      [
        action(
          'COMPLETED',
          'economy',
          '19097.23',
          '18851.03',
          ['8500.00', '8500.00'],
          ['5544.09', '5395.78'],
        ),
        action(
          'IN_PROGRESS',
          'culture',
          '15056.76',
          '4454.87',
          ['6120.00', '0.00'],
          ['6194.16', '2012.14'],
        ),
        action('IN_PROGRESS', 'culture', '0.10', '0.00', ['0.10', '0.00'], ['0.20', '0.00']),
      ],
      PARTIES,
      AXES,
      'EUR',
    );
    expect(budget.byParty).toEqual([
      { id: 'dijon', label: 'Dijon', planned: eur('14620.10'), executed: eur('8500.00') },
      {
        id: 'chefchaouen',
        label: 'Chefchaouen',
        planned: eur('11738.45'),
        executed: eur('7407.92'),
      },
    ]);
    expect(
      budget.byAxis.map((axis) => [axis.id, axis.planned.amount, axis.executed.amount]),
    ).toEqual([
      ['economy', '19097.23', '18851.03'],
      ['culture', '15056.86', '4454.87'],
    ]);
    expect(budget.unknown).toBe(0);
  });

  it('leaves cancelled actions out, and counts apart those a missing rate keeps unknown', () => {
    const budget = programmeBudget(
      [
        action('CANCELLED', 'economy', '1000.00', '0.00', ['500.00', '0.00'], ['500.00', '0.00']),
        action('PLANNED', 'culture', null, '0.00', ['100.00', '0.00'], ['0.00', '0.00']),
      ],
      PARTIES,
      AXES,
      'EUR',
    );
    expect(budget.byParty.map((party) => party.planned)).toEqual([eur('0.00'), eur('0.00')]);
    expect(budget.unknown).toBe(1);
  });
});
