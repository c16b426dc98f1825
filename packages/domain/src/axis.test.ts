import { describe, expect, it } from 'vitest';
import { axesOutsidePeriod, checkAxisPeriod } from './axis.js';
import { termsOf } from './term.js';
import { AXES, d, foundingDuration } from './test-fixtures/dijon-chefchaouen.js';

describe('axes against a term (A2, A7)', () => {
  const [first, second] = termsOf({
    ...foundingDuration,
    renewals: [{ decidedOn: d('2021-03-29') }],
  });

  it('are all fine for the term they were written for', () => {
    expect(axesOutsidePeriod(AXES, first!)).toEqual([]);
  });

  it('are flagged for a renewed term that starts after they ended', () => {
    const flags = axesOutsidePeriod(AXES, second!);
    expect(flags).toHaveLength(5);
    expect(flags[0]).toMatchObject({ code: 'AXIS_ENDS_BEFORE_TERM', axis: { id: AXES[0]!.id } });
  });

  it('refuses an axis period that ends before it starts', () => {
    expect(
      checkAxisPeriod({ periodStart: d('2020-12-31'), periodEnd: d('2016-01-01') }),
    ).toMatchObject({
      ok: false,
      error: { code: 'AXIS_PERIOD_REVERSED' },
    });
  });
});
