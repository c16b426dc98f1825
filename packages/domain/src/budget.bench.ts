import { bench, describe } from 'vitest';
import type { Action } from './action.js';
import {
  DEFAULT_BUDGET_POLICY,
  budgetViolations,
  type Budget,
  type Contribution,
} from './budget.js';
import { annualEvaluation, type EvaluationInput } from './evaluation.js';
import { asId, type CollectivityId } from './ids.js';
import type { Indicator } from './indicator.js';
import type { Mission } from './mission.js';
import type { Money } from './money.js';
import {
  AXES,
  EUR,
  IN_EUROS_2017,
  MAD,
  coachingBudget,
  d,
  indicators,
} from './test-fixtures/dijon-chefchaouen.js';

/*
 * National scale: a platform holding 12,000 conventions, each with 20 actions of 10 expense
 * lines (6 in EUR, 4 in MAD) and 4 contributions — 240,000 budgets, 2.4 million lines. The data
 * is generated once, deterministically, outside the measured functions.
 */
const CONVENTIONS = 12_000;
const ACTIONS = 20;
const LINES = 10;
const once = { time: 0, iterations: 3, warmupTime: 0, warmupIterations: 1 };

let seed = 42;
function next(max: number): bigint {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return BigInt(1 + (seed % max));
}

function budgetOf(french: CollectivityId, partner: CollectivityId): Budget {
  const lines = Array.from({ length: LINES }, (_, index) => {
    const amount: Money = { amount: next(500_000) * 100n, currency: index < 6 ? EUR : MAD };
    return {
      category: 'SERVICES' as const,
      label: `Ligne ${index}`,
      amount,
      executed: { amount: amount.amount / 2n, currency: amount.currency },
    };
  });
  const euros = lines.slice(0, 6).reduce((sum, line) => sum + line.amount.amount, 0n);
  const dirhams = lines.slice(6).reduce((sum, line) => sum + line.amount.amount, 0n);
  const funding = euros / 4n;
  const contributions: Contribution[] = [
    {
      kind: 'STAFF_TIME',
      party: french,
      days: '2.5',
      dailyCost: { amount: 18_000n, currency: EUR },
    },
    {
      kind: 'PARTY_CASH',
      party: french,
      amount: { amount: euros - funding - 45_000n, currency: EUR },
    },
    {
      kind: 'FUNDER',
      funder: asId('fund'),
      amount: { amount: funding, currency: EUR },
      status: 'GRANTED',
    },
    {
      kind: 'PARTY_IN_KIND',
      party: partner,
      amount: { amount: dirhams, currency: MAD },
      description: 'Logistique',
    },
  ];
  return { parties: [french, partner], lines, contributions };
}

interface ConventionData {
  readonly budgets: Budget[];
  readonly evaluation: EvaluationInput & { readonly year: number };
}

function nationalPlatform(): ConventionData[] {
  return Array.from({ length: CONVENTIONS }, (_, c) => {
    const french = asId<'Collectivity'>(`fr-${c}`);
    const partner = asId<'Collectivity'>(`ma-${c}`);
    const budgets = Array.from({ length: ACTIONS }, () => budgetOf(french, partner));
    const actions: Action[] = budgets.map((budget, a) => ({
      id: asId(`action-${c}-${a}`),
      axisId: AXES[a % AXES.length]?.id ?? asId('axis'),
      title: `Action ${a}`,
      status: 'IN_PROGRESS',
      startDate: d('2017-01-15'),
      endDate: d('2018-06-30'),
      budget,
      specificConvention: { reference: `CS-${a}`, signedOn: d('2017-01-10') },
      organizations: [{ organizationId: asId(`org-${a % 7}`), role: 'TECHNICAL' }],
      participatoryActivities: [],
    }));
    const missions: Mission[] = Array.from({ length: 6 }, (_, m) => ({
      origin: m % 2 === 0 ? french : partner,
      host: m % 2 === 0 ? partner : french,
      departureDate: d(`2017-0${m + 1}-10`),
      returnDate: d(`2017-0${m + 1}-15`),
      delegates: [{ category: 'ELECTED' }, { category: 'YOUTH' }],
      costs: [],
    }));
    const parties = [french, partner];
    const agreed = (indicator: Indicator): Indicator => ({
      ...indicator,
      parties,
      approvals: parties.map((party) => ({ party, version: indicator.version })),
    });
    return {
      budgets,
      evaluation: {
        year: 2017,
        parties,
        axes: AXES,
        narratives: [],
        indicators: indicators.map(agreed),
        actions,
        missions,
        context: IN_EUROS_2017,
      },
    };
  });
}

const platform = nationalPlatform();

describe('budget checks', () => {
  bench('one action budget (3 lines, 2 currencies)', () => {
    budgetViolations(coachingBudget, DEFAULT_BUDGET_POLICY, IN_EUROS_2017);
  });

  bench(
    `national scale: ${CONVENTIONS * ACTIONS} budgets, ${CONVENTIONS * ACTIONS * LINES} lines`,
    () => {
      for (const convention of platform) {
        for (const budget of convention.budgets) {
          budgetViolations(budget, DEFAULT_BUDGET_POLICY, IN_EUROS_2017);
        }
      }
    },
    once,
  );
});

describe('annual evaluation', () => {
  const [first] = platform;

  bench('one convention (20 actions, 6 missions, 3 indicators)', () => {
    if (first) annualEvaluation(first.evaluation);
  });

  bench(
    `national scale: ${CONVENTIONS} conventions × ${ACTIONS} actions × ${LINES} lines`,
    () => {
      for (const convention of platform) annualEvaluation(convention.evaluation);
    },
    once,
  );
});
