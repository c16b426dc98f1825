import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MISSION_COST_CATEGORIES,
  assignPayers,
  costSharing,
  delegatesByCategory,
  payerByRule,
  validateMission,
  type Mission,
  type MissionCost,
} from './mission.js';
import { sumByCurrency } from './money.js';
import { unwrap } from './result.js';
import {
  CHEFCHAOUEN,
  DIJON,
  EUR,
  MAD,
  MAINZ,
  d,
  eur,
  mad,
} from './test-fixtures/dijon-chefchaouen.js';

/** A Dijon delegation visiting Chefchaouen for the coaching of cooperatives. */
const visit: Mission = {
  origin: DIJON,
  host: CHEFCHAOUEN,
  departureDate: d('2017-04-10'),
  returnDate: d('2017-04-15'),
  purpose: 'Coaching des coopératives',
  delegates: [
    { name: 'Élu délégué', category: 'ELECTED' },
    { category: 'TECHNICIAN' },
    { category: 'TECHNICIAN' },
  ],
  costs: [
    { category: 'INTERNATIONAL_TRANSPORT', label: 'Vols Lyon–Tanger', amount: eur('1260.00') },
    { category: 'VISA_INSURANCE', amount: eur('90.00') },
    { category: 'ACCOMMODATION', label: 'Hôtel, 5 nuits', amount: mad('7500.00') },
    { category: 'MEALS', amount: mad('2250.00') },
    { category: 'LOCAL_TRANSPORT', amount: mad('800.00') },
    { category: 'INTERPRETING', amount: mad('1500.00') },
  ],
};

describe('shared-cost rule for trips (A4.5)', () => {
  it('international transport is paid by the travelling party', () => {
    expect(payerByRule('INTERNATIONAL_TRANSPORT', visit)).toBe(DIJON);
    expect(payerByRule('INTERNATIONAL_TRANSPORT', { origin: CHEFCHAOUEN, host: DIJON })).toBe(
      CHEFCHAOUEN,
    );
  });

  it('stay costs are paid by the host', () => {
    for (const category of [
      'ACCOMMODATION',
      'MEALS',
      'LOCAL_TRANSPORT',
      'INTERPRETING',
      'OTHER_STAY',
    ] as const) {
      expect(payerByRule(category, visit)).toBe(CHEFCHAOUEN);
    }
  });

  it('visas and travel insurance follow the traveller', () => {
    expect(payerByRule('VISA_INSURANCE', visit)).toBe(DIJON);
  });

  it('shares the visit’s costs: Dijon its travel in euros, Chefchaouen the stay in dirhams', () => {
    expect(unwrap(costSharing(visit))).toEqual([
      { party: DIJON, amounts: [eur('1350.00')] },
      { party: CHEFCHAOUEN, amounts: [mad('12050.00')] },
    ]);
  });

  it('lists a party that pays nothing with no amounts', () => {
    const onlyTickets = { ...visit, costs: visit.costs.slice(0, 1) };
    expect(unwrap(costSharing(onlyTickets))).toEqual([
      { party: DIJON, amounts: [eur('1260.00')] },
      { party: CHEFCHAOUEN, amounts: [] },
    ]);
  });

  it('keeps a payer set against the rule visible as an exception with its reason', () => {
    const costs: MissionCost[] = [
      {
        category: 'INTERNATIONAL_TRANSPORT',
        amount: mad('4000.00'),
        payerOverride: {
          payer: DIJON,
          reason: 'Billets des jeunes pris en charge par Dijon (délibération 2017-12)',
        },
      },
    ];
    const youthVisit = { ...visit, origin: CHEFCHAOUEN, host: DIJON, costs };
    expect(unwrap(assignPayers(youthVisit))).toEqual([
      {
        cost: costs[0],
        payer: DIJON,
        payerByRule: CHEFCHAOUEN,
        exception: { reason: 'Billets des jeunes pris en charge par Dijon (délibération 2017-12)' },
      },
    ]);
    expect(unwrap(costSharing(youthVisit))).toEqual([
      { party: CHEFCHAOUEN, amounts: [] },
      { party: DIJON, amounts: [mad('4000.00')] },
    ]);
  });

  it('refuses another payer without a written reason', () => {
    const costs: MissionCost[] = [
      { category: 'MEALS', amount: mad('100.00') },
      {
        category: 'ACCOMMODATION',
        amount: mad('900.00'),
        payerOverride: { payer: DIJON, reason: '   ' },
      },
    ];
    expect(assignPayers({ ...visit, costs })).toMatchObject({
      ok: false,
      error: { code: 'OVERRIDE_WITHOUT_REASON', index: 1 },
    });
  });

  it('refuses a payer that neither travels nor hosts', () => {
    const costs: MissionCost[] = [
      {
        category: 'MEALS',
        amount: mad('100.00'),
        payerOverride: { payer: MAINZ, reason: 'Invitation' },
      },
    ];
    expect(costSharing({ ...visit, costs })).toMatchObject({
      ok: false,
      error: { code: 'PAYER_NOT_IN_MISSION', payer: MAINZ },
    });
  });

  it('needs no exception when the override names the rule’s own payer', () => {
    const costs: MissionCost[] = [
      { category: 'MEALS', amount: mad('1.00'), payerOverride: { payer: CHEFCHAOUEN, reason: '' } },
    ];
    expect(unwrap(assignPayers({ ...visit, costs }))[0]).toMatchObject({
      payer: CHEFCHAOUEN,
      exception: null,
    });
  });

  it('shares every cost line, whatever the overrides: the shares add up to the whole', () => {
    const line = fc.record({
      category: fc.constantFrom(...MISSION_COST_CATEGORIES),
      amount: fc.oneof(
        fc.bigInt({ min: 0n, max: 10n ** 9n }).map((amount) => ({ amount, currency: MAD })),
        fc.bigInt({ min: 0n, max: 10n ** 9n }).map((amount) => ({ amount, currency: EUR })),
      ),
      payerOverride: fc.option(
        fc.constantFrom(DIJON, CHEFCHAOUEN).map((payer) => ({ payer, reason: 'accord écrit' })),
      ),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (costs) => {
        const shares = unwrap(costSharing({ ...visit, costs }));
        expect(shares.map((s) => s.party)).toEqual([DIJON, CHEFCHAOUEN]);
        expect(sumByCurrency(shares.flatMap((s) => s.amounts))).toEqual(
          sumByCurrency(costs.map((c) => c.amount)),
        );
      }),
    );
  });
});

describe('delegates', () => {
  it('are counted by category over one mission or many', () => {
    expect(delegatesByCategory(visit)).toEqual({
      ELECTED: 1,
      TECHNICIAN: 2,
      YOUTH: 0,
      ARTIST: 0,
      OTHER: 0,
    });
    const youth: Mission = {
      ...visit,
      delegates: [{ category: 'YOUTH' }, { category: 'YOUTH' }, { category: 'ARTIST' }],
    };
    expect(delegatesByCategory([visit, youth])).toEqual({
      ELECTED: 1,
      TECHNICIAN: 2,
      YOUTH: 2,
      ARTIST: 1,
      OTHER: 0,
    });
  });
});

describe('validateMission', () => {
  it('accepts the Dijon delegation’s visit', () => {
    expect(validateMission(visit, [DIJON, CHEFCHAOUEN])).toEqual({ ok: true, value: visit });
  });

  it('reports every problem at once', () => {
    const wrong: Mission = {
      ...visit,
      host: DIJON,
      returnDate: d('2017-04-09'),
      delegates: [],
      costs: [{ category: 'MEALS', amount: mad('-5.00') }],
    };
    const result = validateMission(wrong, [DIJON, CHEFCHAOUEN]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.map((e) => e.code)).toEqual([
        'RETURN_BEFORE_DEPARTURE',
        'SAME_ORIGIN_AND_HOST',
        'NO_DELEGATES',
        'NEGATIVE_COST',
      ]);
    }
  });

  it('refuses a trip from a city that is not a party', () => {
    expect(validateMission({ ...visit, origin: MAINZ }, [DIJON, CHEFCHAOUEN])).toMatchObject({
      ok: false,
      error: [{ code: 'ORIGIN_NOT_A_PARTY' }],
    });
  });
});
