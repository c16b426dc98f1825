import { describe, expect, it } from 'vitest';
import { approvalStatus, approve, revise, type JointSubject } from './joint-approval.js';
import { unwrap } from './result.js';
import { CHEFCHAOUEN, DIJON, MAINZ, PARTIES } from './test-fixtures/dijon-chefchaouen.js';

const budget: JointSubject = { version: 1, parties: PARTIES, approvals: [] };

describe('joint approval (d’un commun accord)', () => {
  it('is pending until every party approved the current version', () => {
    const once = unwrap(approve(budget, { party: DIJON, actingFor: DIJON, version: 1 }));
    expect(approvalStatus(once)).toEqual({
      state: 'PENDING',
      approvedBy: [DIJON],
      waitingFor: [CHEFCHAOUEN],
    });
    const twice = unwrap(
      approve(once, {
        party: CHEFCHAOUEN,
        actingFor: CHEFCHAOUEN,
        version: 1,
        at: '2016-09-01T10:00:00Z',
      }),
    );
    expect(approvalStatus(twice)).toEqual({
      state: 'AGREED',
      approvedBy: [DIJON, CHEFCHAOUEN],
      waitingFor: [],
    });
    expect(twice.approvals.at(-1)).toEqual({
      party: CHEFCHAOUEN,
      version: 1,
      approvedAt: '2016-09-01T10:00:00Z',
    });
  });

  it('does not count approvals of an earlier version', () => {
    const stale: JointSubject = {
      version: 2,
      parties: PARTIES,
      approvals: [
        { party: DIJON, version: 1 },
        { party: CHEFCHAOUEN, version: 2 },
      ],
    };
    expect(approvalStatus(stale)).toEqual({
      state: 'PENDING',
      approvedBy: [CHEFCHAOUEN],
      waitingFor: [DIJON],
    });
  });

  it('is never agreed without parties', () => {
    expect(approvalStatus({ version: 1, parties: [], approvals: [] }).state).toBe('PENDING');
  });

  it('refuses an approval given for another party', () => {
    expect(approve(budget, { party: CHEFCHAOUEN, actingFor: DIJON, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_YOUR_PARTY', party: CHEFCHAOUEN, actingFor: DIJON },
    });
  });

  it('refuses an approval from a collectivity that is not a party', () => {
    expect(approve(budget, { party: MAINZ, actingFor: MAINZ, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_PARTY', party: MAINZ },
    });
  });

  it('refuses an approval of a stale version', () => {
    expect(approve(revise(budget), { party: DIJON, actingFor: DIJON, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'STALE_VERSION', version: 1, currentVersion: 2 },
    });
  });

  it('refuses approving the same version twice', () => {
    const once = unwrap(approve(budget, { party: DIJON, actingFor: DIJON, version: 1 }));
    expect(approve(once, { party: DIJON, actingFor: DIJON, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_APPROVED' },
    });
  });

  it('clears every approval when the subject is revised', () => {
    const agreed = unwrap(
      approve(unwrap(approve(budget, { party: DIJON, actingFor: DIJON, version: 1 })), {
        party: CHEFCHAOUEN,
        actingFor: CHEFCHAOUEN,
        version: 1,
      }),
    );
    const revised = revise(agreed);
    expect(revised).toMatchObject({ version: 2, approvals: [] });
    expect(approvalStatus(revised).state).toBe('PENDING');
  });
});
