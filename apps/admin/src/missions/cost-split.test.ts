import { describe, expect, it } from 'vitest';
import { costSplit, type CostDraft, type MissionCostData } from './cost-split.js';

const DIJON = 'Q29sbGVjdGl2aXR5OjE=';
const CHEFCHAOUEN = 'Q29sbGVjdGl2aXR5OjI=';

/** Dijon's delegation to Chefchaouen, with its plane tickets saved. */
const MISSION: MissionCostData = {
  origin: { id: DIJON },
  host: { id: CHEFCHAOUEN },
  costs: [
    {
      id: 'K1',
      category: 'INTERNATIONAL_TRANSPORT',
      label: 'Billets Lyon – Tanger',
      amount: { amount: '1260.00', currency: 'EUR' },
      payer: { id: DIJON },
      exception: null,
    },
  ],
};

const accommodation = (changes: Partial<CostDraft> = {}): CostDraft => ({
  id: null,
  category: 'ACCOMMODATION',
  label: 'Hôtel',
  amount: '7500',
  currency: 'MAD',
  payerId: '',
  reason: '',
  ...changes,
});

describe('the split of a mission’s costs while typing (A4.5)', () => {
  it('splits the saved lines: international transport is paid by the travelling party', () => {
    const split = costSplit(MISSION, null);
    expect(split.preview).toBe(false);
    expect(split.shares).toEqual([
      { party: DIJON, amounts: [{ amount: '1260.00', currency: 'EUR' }] },
      { party: CHEFCHAOUEN, amounts: [] },
    ]);
  });

  it('gives a stay cost to the host, and adds it to the host’s share in its own currency', () => {
    const split = costSplit(MISSION, accommodation());
    expect(split.draft?.payerByRule).toBe(CHEFCHAOUEN);
    expect(split.draft?.payer).toEqual({ ok: true, value: CHEFCHAOUEN, exception: false });
    expect(split.preview).toBe(true);
    expect(split.shares).toEqual([
      { party: DIJON, amounts: [{ amount: '1260.00', currency: 'EUR' }] },
      { party: CHEFCHAOUEN, amounts: [{ amount: '7500.00', currency: 'MAD' }] },
    ]);
  });

  it('refuses an exception without a written reason, and keeps the saved split meanwhile', () => {
    const split = costSplit(MISSION, accommodation({ payerId: DIJON }));
    expect(split.draft?.payer).toMatchObject({
      ok: false,
      error: { code: 'OVERRIDE_WITHOUT_REASON' },
    });
    expect(split.preview).toBe(false);
    expect(split.shares?.[1]).toEqual({ party: CHEFCHAOUEN, amounts: [] });
  });

  it('shows an exception with its reason as the other party’s cost', () => {
    const split = costSplit(
      MISSION,
      accommodation({ payerId: DIJON, reason: 'Invitation du maire de Dijon' }),
    );
    expect(split.draft?.payer).toEqual({ ok: true, value: DIJON, exception: true });
    expect(split.shares?.[0]).toEqual({
      party: DIJON,
      amounts: [
        { amount: '1260.00', currency: 'EUR' },
        { amount: '7500.00', currency: 'MAD' },
      ],
    });
  });

  it('replaces a saved line being edited, and leaves out an amount that does not read', () => {
    const edited = costSplit(MISSION, {
      ...accommodation(),
      id: 'K1',
      category: 'INTERNATIONAL_TRANSPORT',
      amount: '1300',
      currency: 'EUR',
    });
    expect(edited.shares?.[0]?.amounts).toEqual([{ amount: '1300.00', currency: 'EUR' }]);
    const unreadable = costSplit(MISSION, accommodation({ amount: '75,001' }));
    expect(unreadable.draft?.amount).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_DECIMALS' },
    });
    expect(unreadable.preview).toBe(false);
    // The payer still shows while the amount is being corrected.
    expect(unreadable.draft?.payer).toEqual({ ok: true, value: CHEFCHAOUEN, exception: false });
  });

  it('keeps the exceptions of saved lines with their reasons', () => {
    const withException: MissionCostData = {
      ...MISSION,
      costs: [
        ...MISSION.costs,
        {
          id: 'K2',
          category: 'MEALS',
          label: 'Dîner officiel',
          amount: { amount: '900.00', currency: 'MAD' },
          payer: { id: DIJON },
          exception: { reason: 'Dîner offert par Dijon' },
        },
      ],
    };
    expect(costSplit(withException, null).shares?.[0]?.amounts).toEqual([
      { amount: '1260.00', currency: 'EUR' },
      { amount: '900.00', currency: 'MAD' },
    ]);
  });
});
