import { describe, expect, it } from 'vitest';
import {
  annualEvaluation,
  approveEvaluation,
  programmeEvaluation,
  recordCommunication,
  reviseEvaluation,
  submitEvaluation,
  type Evaluation,
  type EvaluationInput,
} from './evaluation.js';
import { unwrap } from './result.js';
import { termsOf } from './term.js';
import {
  AXES,
  CHEFCHAOUEN,
  DIJON,
  ECONOMY,
  IN_EUROS_2017,
  PARTIES,
  YOUTH_AXIS,
  coachingAction,
  d,
  eur,
  foundingDuration,
  indicators,
  mad,
  missions,
  youthAction,
} from './test-fixtures/dijon-chefchaouen.js';

const draft: Evaluation = {
  scope: 'ANNUAL',
  year: 2017,
  termNumber: null,
  status: 'DRAFT',
  communication: null,
  version: 1,
  parties: PARTIES,
  approvals: [],
};

describe('evaluation workflow (A6)', () => {
  it('is submitted, then approved by both parties, then communicated to a council', () => {
    const submitted = unwrap(submitEvaluation(draft));
    expect(submitted.status).toBe('SUBMITTED');
    const half = unwrap(
      approveEvaluation(submitted, { party: DIJON, actingFor: DIJON, version: 1 }),
    );
    expect(half.status).toBe('SUBMITTED');
    const approved = unwrap(
      approveEvaluation(half, { party: CHEFCHAOUEN, actingFor: CHEFCHAOUEN, version: 1 }),
    );
    expect(approved.status).toBe('APPROVED');
    const communicated = unwrap(
      recordCommunication(approved, { body: 'Conseil municipal de Dijon', date: d('2018-03-26') }),
    );
    expect(communicated.communication).toEqual({
      body: 'Conseil municipal de Dijon',
      date: '2018-03-26',
    });
  });

  it('submits only a draft', () => {
    const submitted = unwrap(submitEvaluation(draft));
    expect(submitEvaluation(submitted)).toMatchObject({
      ok: false,
      error: { code: 'EVALUATION_NOT_A_DRAFT' },
    });
  });

  it('is approved only once submitted, and only by each party for itself', () => {
    expect(approveEvaluation(draft, { party: DIJON, actingFor: DIJON, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'EVALUATION_NOT_SUBMITTED' },
    });
    const submitted = unwrap(submitEvaluation(draft));
    expect(
      approveEvaluation(submitted, { party: CHEFCHAOUEN, actingFor: DIJON, version: 1 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_YOUR_PARTY' },
    });
  });

  it('needs approvals afresh once revised', () => {
    const submitted = unwrap(submitEvaluation(draft));
    const half = unwrap(
      approveEvaluation(submitted, { party: DIJON, actingFor: DIJON, version: 1 }),
    );
    const revised = unwrap(reviseEvaluation(half));
    expect(revised).toMatchObject({ status: 'DRAFT', version: 2, approvals: [] });
    const resubmitted = unwrap(submitEvaluation(revised));
    expect(
      approveEvaluation(resubmitted, { party: DIJON, actingFor: DIJON, version: 1 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'STALE_VERSION' },
    });
  });

  it('communicates only an approved evaluation, once', () => {
    expect(
      recordCommunication(draft, { body: 'Conseil municipal', date: d('2018-01-01') }),
    ).toMatchObject({
      ok: false,
      error: { code: 'EVALUATION_NOT_APPROVED' },
    });
    const approved: Evaluation = { ...draft, status: 'APPROVED' };
    const once = unwrap(
      recordCommunication(approved, { body: 'Conseil municipal', date: d('2018-01-01') }),
    );
    expect(
      recordCommunication(once, { body: 'Conseil communal', date: d('2018-02-01') }),
    ).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_COMMUNICATED' },
    });
    expect(reviseEvaluation(approved)).toMatchObject({
      ok: false,
      error: { code: 'EVALUATION_ALREADY_APPROVED' },
    });
  });
});

const input: EvaluationInput = {
  parties: PARTIES,
  axes: AXES,
  narratives: [{ axisId: ECONOMY, text: 'Dix coopératives accompagnées à Chefchaouen.' }],
  indicators,
  actions: [coachingAction, youthAction],
  missions,
  context: IN_EUROS_2017,
};

describe('annual evaluation report', () => {
  const report = annualEvaluation({ ...input, year: 2017 });

  it('sets every agreed indicator against the year’s target', () => {
    expect(report.indicators.map((i) => [i.code, i.progress.status, i.progress.actual])).toEqual([
      ['COOP', 'ON_TRACK', '8'],
      ['YOUTH', 'BEHIND', '2'],
    ]);
    expect(report.pendingIndicators).toMatchObject([{ code: 'TOUR', waitingFor: [CHEFCHAOUEN] }]);
  });

  it('gives the budget planned and executed per action running in the year', () => {
    expect(report.actions).toMatchObject([
      {
        id: coachingAction.id,
        planned: { byCurrency: [eur('12000.00'), mad('54061.50')], reporting: eur('17000.00') },
        executed: { reporting: eur('15500.00') },
        executionRatePercent: '91.18',
        flags: [],
      },
    ]);
  });

  it('gives each party’s planned and executed contributions', () => {
    expect(report.parties).toMatchObject([
      {
        party: DIJON,
        planned: { reporting: eur('7000.00') },
        executed: { reporting: eur('5500.00') },
      },
      {
        party: CHEFCHAOUEN,
        planned: { reporting: eur('5000.00') },
        executed: { reporting: eur('5000.00') },
      },
    ]);
  });

  it('lists the five axes with their narratives and actions', () => {
    expect(report.axes).toHaveLength(5);
    expect(report.axes[0]).toMatchObject({
      id: ECONOMY,
      narrative: 'Dix coopératives accompagnées à Chefchaouen.',
      actionIds: [coachingAction.id],
    });
    expect(report.axes[3]).toMatchObject({ id: YOUTH_AXIS, narrative: null, actionIds: [] });
  });

  it('adds up the rows it shows', () => {
    expect(report.totals).toMatchObject({
      planned: { reporting: eur('17000.00') },
      executed: { reporting: eur('15500.00') },
      executionRatePercent: '91.18',
      missionsHeld: 2,
      delegates: { ELECTED: 2, TECHNICIAN: 2, YOUTH: 2, ARTIST: 1, OTHER: 0 },
      actionsByStatus: { COMPLETED: 1, IN_PROGRESS: 0, PLANNED: 0, CANCELLED: 0 },
    });
    expect(report.missingRates).toEqual([]);
  });

  it('shows a missing rate instead of a wrong total', () => {
    const noRates = annualEvaluation({
      ...input,
      year: 2017,
      context: { ...IN_EUROS_2017, rates: [] },
    });
    expect(noRates.totals.planned.reporting).toBeNull();
    expect(noRates.missingRates).toMatchObject([{ from: 'MAD', to: 'EUR' }]);
  });
});

describe('programme evaluation report', () => {
  const term = termsOf(foundingDuration)[0]!;
  const report = programmeEvaluation({
    ...input,
    term,
    context: { ...IN_EUROS_2017, date: d('2021-03-01') },
  });

  it('covers the whole term: every action once, every year of every indicator', () => {
    expect(report.years).toEqual({ first: 2016, last: 2021 });
    expect(report.actions.map((a) => a.id)).toEqual([coachingAction.id, youthAction.id]);
    expect(report.totals.missionsHeld).toBe(3);
    const youth = report.indicators.find((i) => i.code === 'YOUTH')!;
    expect(youth.yearly.map((p) => p.actual)).toEqual(['0', '2', '3', '0', '0', '0']);
    expect(youth.progress).toMatchObject({ target: '8', actual: '5', status: 'BEHIND' });
  });
});
