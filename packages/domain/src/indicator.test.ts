import { describe, expect, it } from 'vitest';
import {
  agreedIndicators,
  aggregateValues,
  allowedYearsOf,
  computeIndicator,
  programmeProgress,
  progress,
  recordMeasurement,
  validateIndicator,
  validateMeasurement,
  type ComputedIndicatorKind,
  type Indicator,
  type ProgrammeData,
} from './indicator.js';
import { unwrap } from './result.js';
import { termsOf } from './term.js';
import {
  IN_EUROS_2017,
  coachingAction,
  d,
  foundingDuration,
  indicators,
  missions,
  youthAction,
} from './test-fixtures/dijon-chefchaouen.js';

const cooperatives = indicators[0]!;
const term = termsOf(foundingDuration)[0]!;
const years = allowedYearsOf(term);

describe('measurements (A6)', () => {
  it('may be recorded for any year the term touches: 2016 to 2021', () => {
    expect(years).toEqual({ first: 2016, last: 2021 });
    expect(validateMeasurement(cooperatives, 2021, '25', years)).toEqual({
      ok: true,
      value: { year: 2021, value: '25' },
    });
  });

  it('are refused for a year outside the term', () => {
    for (const year of [2015, 2022]) {
      expect(validateMeasurement(cooperatives, year, '5', years)).toMatchObject({
        ok: false,
        error: { code: 'YEAR_OUTSIDE_TERM', year, allowedYears: { first: 2016, last: 2021 } },
      });
    }
  });

  it('are refused when the value is not a number', () => {
    expect(validateMeasurement(cooperatives, 2017, 'douze', years)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_VALUE' },
    });
    expect(validateMeasurement(cooperatives, 2017.5, '1', years)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_YEAR' },
    });
  });

  it('are refused for an indicator Coop computes from the data', () => {
    expect(validateMeasurement(indicators[1]!, 2017, '4', years)).toMatchObject({
      ok: false,
      error: { code: 'COMPUTED_INDICATOR', computed: 'YOUNG_PEOPLE_EXCHANGED' },
    });
  });

  it('replace the value already recorded for the same year', () => {
    const updated = unwrap(recordMeasurement(cooperatives, 2017, '9.50', years));
    expect(updated.measurements).toEqual([
      { year: 2017, value: '9.5' },
      { year: 2018, value: '21' },
    ]);
  });
});

describe('indicator definitions', () => {
  it('accept the cooperatives indicator as defined', () => {
    expect(validateIndicator(cooperatives, years)).toEqual({ ok: true, value: true });
  });

  it('list every problem of a definition', () => {
    const result = validateIndicator(
      {
        ...cooperatives,
        name: ' ',
        baseline: 'zéro',
        targets: [
          { year: 2017, value: '10' },
          { year: 2017, value: '12' },
          { year: 2025, value: '30' },
        ],
      },
      years,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.map((issue) => [issue.code, issue.path])).toEqual([
        ['EMPTY_FIELD', 'name'],
        ['INVALID_VALUE', 'baseline'],
        ['DUPLICATE_YEAR', 'targets[1]'],
        ['YEAR_OUTSIDE_TERM', 'targets[2]'],
      ]);
    }
  });
});

describe('only agreed indicators count', () => {
  it('leaves out an indicator whose current version one party has not approved', () => {
    expect(agreedIndicators(indicators).map((i) => i.code)).toEqual(['COOP', 'YOUTH']);
  });
});

describe('progress toward the target', () => {
  const indicator = (overrides: Partial<Indicator>): Indicator => ({
    ...cooperatives,
    ...overrides,
  });

  it('is MET once the target is reached', () => {
    expect(progress(cooperatives, 2018)).toEqual({
      year: 2018,
      target: '20',
      actual: '21',
      baseline: '0',
      ratio: 1.05,
      status: 'MET',
    });
  });

  it('is ON_TRACK from 80% of the way from baseline to target, BEHIND below', () => {
    expect(progress(cooperatives, 2017)).toMatchObject({ ratio: 0.8, status: 'ON_TRACK' });
    const behind = indicator({ measurements: [{ year: 2017, value: '7.99' }] });
    expect(progress(behind, 2017)).toMatchObject({ ratio: 0.799, status: 'BEHIND' });
  });

  it('measures from the baseline, not from zero', () => {
    const tourists = indicators[2]!;
    expect(progress(tourists, 2017)).toMatchObject({ ratio: 0.5, status: 'BEHIND' });
  });

  it('reads a DECREASE indicator the other way round', () => {
    const delay = indicator({
      direction: 'DECREASE',
      baseline: '60',
      targets: [{ year: 2018, value: '30' }],
      measurements: [{ year: 2018, value: '35' }],
    });
    expect(progress(delay, 2018)).toMatchObject({ ratio: 0.8333, status: 'ON_TRACK' });
    expect(progress(delay, 2018, { actual: '29' })).toMatchObject({ status: 'MET' });
    expect(progress(delay, 2018, { actual: '65' })).toMatchObject({
      ratio: -0.1667,
      status: 'BEHIND',
    });
  });

  it('says when there is no target or no measurement for the year', () => {
    expect(progress(cooperatives, 2019)).toMatchObject({ status: 'NO_TARGET', ratio: null });
    expect(progress(indicator({ measurements: [] }), 2017)).toMatchObject({
      status: 'NO_MEASUREMENT',
    });
  });

  it('has no ratio when the target is the baseline', () => {
    const keep = indicator({ baseline: '10', targets: [{ year: 2017, value: '10' }] });
    expect(progress(keep, 2017, { actual: '10' })).toMatchObject({ ratio: null, status: 'MET' });
    expect(progress(keep, 2017, { actual: '9' })).toMatchObject({ ratio: null, status: 'BEHIND' });
  });
});

describe('over the whole programme', () => {
  it('aggregates yearly values as the indicator says', () => {
    const values = ['8', '21', '12.5'];
    expect(aggregateValues('SUM', values)).toBe('41.5');
    expect(aggregateValues('LAST', values)).toBe('12.5');
    expect(aggregateValues('MAX', values)).toBe('21');
    expect(aggregateValues('AVERAGE', values)).toBe('13.83');
    expect(aggregateValues('SUM', [])).toBeNull();
  });

  it('compares the aggregated measurements with the aggregated targets', () => {
    expect(programmeProgress(cooperatives, years)).toEqual({
      years,
      target: '20',
      actual: '21',
      baseline: '0',
      ratio: 1.05,
      status: 'MET',
    });
  });
});

describe('computed indicators', () => {
  const data: ProgrammeData = { missions, actions: [coachingAction, youthAction] };
  const context = { ...IN_EUROS_2017, date: d('2019-12-31') };
  const value = (kind: ComputedIndicatorKind, year: number) =>
    unwrap(computeIndicator(kind, data, year, context));

  it('count the missions held and their delegates in the year', () => {
    expect(value('MISSIONS_HELD', 2017).value).toBe('2');
    expect(value('DELEGATES', 2017)).toMatchObject({
      value: '7',
      breakdown: { ELECTED: 2, TECHNICIAN: 2, YOUTH: 2, ARTIST: 1, OTHER: 0 },
    });
    expect(value('YOUNG_PEOPLE_EXCHANGED', 2018).value).toBe('3');
  });

  it('count a mission only once it has departed', () => {
    const early = unwrap(
      computeIndicator('MISSIONS_HELD', data, 2017, { ...context, date: d('2017-06-01') }),
    );
    expect(early.value).toBe('1');
  });

  it('sum the co-financing granted or received, in the reporting currency', () => {
    expect(value('COFINANCING_OBTAINED', 2017)).toMatchObject({ value: '5000.00', unit: 'EUR' });
    expect(value('COFINANCING_OBTAINED', 2018).value).toBe('0.00'); // requested only
  });

  it('give the budget execution rate of the actions running in the year', () => {
    // 2017 at the rate of the report's date (10.95): 54,061.50 MAD = 4,937.12 EUR, so
    // executed 8,000 + 2,500 + 4,937.12 of 12,000 + 4,937.12 planned = 91.14%
    expect(value('BUDGET_EXECUTION_RATE', 2017)).toMatchObject({ value: '91.14', unit: '%' });
    expect(value('BUDGET_EXECUTION_RATE', 2020).value).toBe('0');
  });

  it('count distinct organisations and participatory activities', () => {
    expect(value('ORGANISATIONS_ASSOCIATED', 2017).value).toBe('2');
    expect(value('ORGANISATIONS_ASSOCIATED', 2019).value).toBe('1');
    expect(value('PARTICIPATORY_ACTIVITIES', 2017)).toMatchObject({
      value: '2',
      breakdown: { INFORMATION: 1, CONSULTATION: 1, COLLABORATION: 0 },
    });
  });

  it('report a missing exchange rate instead of a wrong amount', () => {
    expect(
      computeIndicator('BUDGET_EXECUTION_RATE', data, 2017, { ...context, rates: [] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'MISSING_EXCHANGE_RATE', from: 'MAD', to: 'EUR' },
    });
  });
});
