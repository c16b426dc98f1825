import { describe, expect, it } from 'vitest';
import {
  actionPeriodFlags,
  actionRunsInYear,
  checkActionPeriod,
  checkActionTransition,
  isSpecificConventionSigned,
  validateParticipatoryActivity,
} from './action.js';
import { AXES, d } from './test-fixtures/dijon-chefchaouen.js';

const ready = { budgetAgreed: true, specificConventionSigned: true };
const axis = AXES[0]!;

describe('starting an action (A4.1)', () => {
  it('starts once the budget is agreed and the specific convention signed', () => {
    expect(checkActionTransition('PLANNED', 'IN_PROGRESS', ready)).toEqual({
      ok: true,
      value: 'IN_PROGRESS',
    });
  });

  it('cannot start without an agreed budget', () => {
    expect(
      checkActionTransition('PLANNED', 'IN_PROGRESS', { ...ready, budgetAgreed: false }),
    ).toMatchObject({
      ok: false,
      error: { code: 'ACTION_STARTED_WITHOUT_AGREED_BUDGET' },
    });
  });

  it('cannot start without a signed specific convention', () => {
    expect(
      checkActionTransition('PLANNED', 'IN_PROGRESS', {
        ...ready,
        specificConventionSigned: false,
      }),
    ).toMatchObject({ ok: false, error: { code: 'ACTION_STARTED_WITHOUT_SPECIFIC_CONVENTION' } });
  });

  it('names both conditions when both are missing', () => {
    expect(
      checkActionTransition('PLANNED', 'IN_PROGRESS', {
        budgetAgreed: false,
        specificConventionSigned: false,
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'ACTION_STARTED_WITHOUT_AGREED_BUDGET',
        blockers: [
          'ACTION_STARTED_WITHOUT_AGREED_BUDGET',
          'ACTION_STARTED_WITHOUT_SPECIFIC_CONVENTION',
        ],
      },
    });
  });

  it('can be cancelled or completed without conditions, but never reopened', () => {
    const none = { budgetAgreed: false, specificConventionSigned: false };
    expect(checkActionTransition('PLANNED', 'CANCELLED', none).ok).toBe(true);
    expect(checkActionTransition('IN_PROGRESS', 'COMPLETED', none).ok).toBe(true);
    expect(checkActionTransition('COMPLETED', 'PLANNED', ready)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ACTION_TRANSITION', from: 'COMPLETED', to: 'PLANNED' },
    });
    expect(checkActionTransition('PLANNED', 'COMPLETED', ready).ok).toBe(false);
    expect(checkActionTransition('PLANNED', 'PLANNED', ready).ok).toBe(false);
  });

  it('counts a specific convention as signed from its signature date on', () => {
    const specific = { reference: 'CS-2017-01', signedOn: d('2017-02-15') };
    expect(isSpecificConventionSigned(specific, d('2017-02-14'))).toBe(false);
    expect(isSpecificConventionSigned(specific, d('2017-02-15'))).toBe(true);
    expect(
      isSpecificConventionSigned({ reference: 'CS-2017-02', signedOn: null }, d('2020-01-01')),
    ).toBe(false);
    expect(isSpecificConventionSigned(null, d('2020-01-01'))).toBe(false);
  });
});

describe('action period (A2)', () => {
  it('is not flagged inside its axis period 2016–2020', () => {
    expect(
      actionPeriodFlags({ startDate: d('2017-03-01'), endDate: d('2018-06-30') }, axis),
    ).toEqual([]);
  });

  it('is allowed but flagged when it runs past its axis period', () => {
    expect(
      actionPeriodFlags({ startDate: d('2020-09-01'), endDate: d('2021-03-31') }, axis),
    ).toMatchObject([
      { code: 'OUTSIDE_AXIS_PERIOD', startsBeforeAxis: false, endsAfterAxis: true },
    ]);
    expect(actionPeriodFlags({ startDate: d('2015-11-01'), endDate: null }, axis)).toMatchObject([
      { code: 'OUTSIDE_AXIS_PERIOD', startsBeforeAxis: true },
    ]);
  });

  it('is flagged as undated while it has no dates', () => {
    expect(actionPeriodFlags({ startDate: null, endDate: null }, axis)).toMatchObject([
      { code: 'UNDATED' },
    ]);
  });

  it('refuses an end before the start', () => {
    expect(
      checkActionPeriod({ startDate: d('2018-01-01'), endDate: d('2017-12-31') }),
    ).toMatchObject({
      ok: false,
      error: { code: 'END_BEFORE_START' },
    });
  });

  it('runs in every calendar year it touches', () => {
    const action = { startDate: d('2017-10-01'), endDate: d('2019-02-28') };
    expect([2016, 2017, 2018, 2019, 2020].map((y) => actionRunsInYear(action, y))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
  });
});

describe('participatory activities (A3)', () => {
  it('accepts a consultation of the medina’s residents', () => {
    expect(
      validateParticipatoryActivity({
        kind: 'CONSULTATION',
        date: '2017-05-12',
        audience: 'Habitants de la médina',
        participants: 85,
      }),
    ).toEqual({
      ok: true,
      value: {
        kind: 'CONSULTATION',
        date: '2017-05-12',
        audience: 'Habitants de la médina',
        participants: 85,
      },
    });
  });

  it.each([
    [
      { kind: 'LOBBYING', date: '2017-05-12', audience: 'x', participants: 1 },
      'INVALID_ACTIVITY_KIND',
    ],
    [{ kind: 'INFORMATION', date: '2021-02-30', audience: 'x', participants: 1 }, 'INVALID_DATE'],
    [
      { kind: 'INFORMATION', date: '2017-05-12', audience: '  ', participants: 1 },
      'EMPTY_AUDIENCE',
    ],
    [
      { kind: 'INFORMATION', date: '2017-05-12', audience: 'x', participants: -3 },
      'INVALID_PARTICIPANTS',
    ],
    [
      { kind: 'INFORMATION', date: '2017-05-12', audience: 'x', participants: 2.5 },
      'INVALID_PARTICIPANTS',
    ],
  ])('refuses %j (%s)', (input, code) => {
    expect(validateParticipatoryActivity(input)).toMatchObject({ ok: false, error: { code } });
  });
});
