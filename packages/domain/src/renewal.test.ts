import { describe, expect, it } from 'vitest';
import type { Deliberation } from './convention.js';
import { renew, renewalCheck, type RenewalCheckInput } from './renewal.js';
import { unwrap } from './result.js';
import { statusAt, termsOf } from './term.js';
import {
  CHEFCHAOUEN,
  DIJON,
  DIJON_DELIBERATION_DATE,
  PARTIES,
  d,
  foundingDuration,
} from './test-fixtures/dijon-chefchaouen.js';

const authorisation: Deliberation = {
  collectivityId: DIJON,
  kind: 'AUTHORISATION',
  body: 'Conseil municipal',
  date: DIJON_DELIBERATION_DATE,
  reference: null,
  subject: 'Convention de partenariat avec Chefchaouen',
};
const renewalBy = (collectivityId: typeof DIJON, date: string): Deliberation => ({
  collectivityId,
  kind: 'RENEWAL',
  body: collectivityId === DIJON ? 'Conseil municipal' : 'Conseil communal',
  date: d(date),
  reference: null,
  subject: 'Renouvellement de la convention',
});

const ready: RenewalCheckInput = {
  duration: foundingDuration,
  parties: PARTIES,
  deliberations: [
    authorisation,
    renewalBy(DIJON, '2021-02-08'),
    renewalBy(CHEFCHAOUEN, '2021-03-29'),
  ],
  programmeEvaluations: [{ termNumber: 1, status: 'APPROVED' }],
  date: d('2021-04-01'),
};
const codes = (input: RenewalCheckInput) => renewalCheck(input).blockers.map((b) => b.code);

describe('renewal (A7)', () => {
  it('is possible with a renewal deliberation of each party and an approved programme evaluation', () => {
    expect(renewalCheck(ready)).toMatchObject({
      eligible: true,
      blockers: [],
      term: { number: 1, endDate: '2021-05-31' },
    });
  });

  it('is impossible for an unsigned convention', () => {
    expect(codes({ ...ready, duration: { ...foundingDuration, signature: null } })).toEqual([
      'NOT_SIGNED',
    ]);
  });

  it('is impossible once the convention has lapsed: a new one must be signed', () => {
    expect(renewalCheck({ ...ready, date: d('2021-06-01') }).blockers).toMatchObject([
      { code: 'EXPIRED', lastDay: '2021-05-31' },
    ]);
  });

  it('names each party whose renewal deliberation is missing', () => {
    expect(renewalCheck({ ...ready, deliberations: [authorisation] }).blockers).toMatchObject([
      { code: 'MISSING_RENEWAL_DELIBERATION', party: DIJON },
      { code: 'MISSING_RENEWAL_DELIBERATION', party: CHEFCHAOUEN },
    ]);
  });

  it('does not count Dijon’s authorising deliberation of 2016-03-21 as a renewal', () => {
    expect(
      renewalCheck({
        ...ready,
        deliberations: [authorisation, renewalBy(CHEFCHAOUEN, '2021-03-29')],
      }).blockers,
    ).toMatchObject([{ code: 'MISSING_RENEWAL_DELIBERATION', party: DIJON }]);
  });

  it('counts only deliberations dated within the last term and by the day of the check', () => {
    const early = {
      ...ready,
      deliberations: [renewalBy(DIJON, '2016-05-31'), renewalBy(CHEFCHAOUEN, '2021-03-29')],
    };
    expect(codes(early)).toEqual(['MISSING_RENEWAL_DELIBERATION']);
    expect(codes({ ...ready, date: d('2021-03-01') })).toEqual(['MISSING_RENEWAL_DELIBERATION']);
  });

  it('needs the programme evaluation of the last term approved, not merely submitted', () => {
    expect(
      codes({ ...ready, programmeEvaluations: [{ termNumber: 1, status: 'SUBMITTED' }] }),
    ).toEqual(['NO_COMPLETED_PROGRAMME_EVALUATION']);
    expect(codes({ ...ready, programmeEvaluations: [] })).toEqual([
      'NO_COMPLETED_PROGRAMME_EVALUATION',
    ]);
  });

  it('opens the new term the day after the last one, decided by the last deliberation', () => {
    const { duration, renewal } = unwrap(renew(ready));
    expect(renewal).toEqual({ decidedOn: '2021-03-29' });
    expect(termsOf(duration).at(-1)).toEqual({
      number: 2,
      startDate: '2021-06-01',
      endDate: '2026-05-31',
    });
    expect(statusAt(duration, d('2021-06-01'))).toBe('IN_FORCE');
  });

  it('refuses to renew while something blocks it, saying what', () => {
    expect(renew({ ...ready, programmeEvaluations: [] })).toMatchObject({
      ok: false,
      error: {
        code: 'RENEWAL_NOT_ELIGIBLE',
        blockers: [{ code: 'NO_COMPLETED_PROGRAMME_EVALUATION' }],
      },
    });
  });
});
