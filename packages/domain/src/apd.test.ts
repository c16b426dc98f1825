import { describe, expect, it } from 'vitest';
import { apdDeclaration, type ApdAction } from './apd.js';
import { asId } from './ids.js';
import {
  CHEFCHAOUEN,
  DIJON,
  EUR,
  MAD,
  RATES,
  coachingAction,
  eur,
  mad,
  youthAction,
} from './test-fixtures/dijon-chefchaouen.js';

const actions: ApdAction[] = [
  { ...coachingAction, partnerCountries: ['MA'] },
  { ...youthAction, partnerCountries: ['MA'] },
];

describe('APD declaration', () => {
  it('declares Dijon’s own funds spent in 2017 for Morocco, without the ministry’s grant', () => {
    const declaration = apdDeclaration({
      collectivity: DIJON,
      currency: EUR,
      year: 2017,
      actions,
      rates: RATES,
    });
    expect(declaration.countries).toEqual([
      {
        country: 'MA',
        actions: [
          {
            actionId: coachingAction.id,
            title: coachingAction.title,
            cash: eur('5500.00'),
            inKind: eur('0.00'),
            staffTime: eur('0.00'),
            total: eur('5500.00'),
          },
        ],
        total: eur('5500.00'),
      },
    ]);
    expect(declaration.total).toEqual(eur('5500.00'));
  });

  it('counts staff time in the year it was worked', () => {
    const declaration = apdDeclaration({
      collectivity: DIJON,
      currency: EUR,
      year: 2018,
      actions,
      rates: RATES,
    });
    expect(declaration.total).toEqual(eur('540.00'));
    expect(declaration.countries[0]?.actions[0]).toMatchObject({ staffTime: eur('540.00') });
  });

  it('declares in the collectivity’s own currency, dating undated spending by the action’s end', () => {
    const declaration = apdDeclaration({
      collectivity: CHEFCHAOUEN,
      currency: MAD,
      year: 2017,
      actions,
      rates: RATES,
    });
    expect(declaration.total).toEqual(mad('54061.50'));
  });

  it('converts at the rate of 31 December', () => {
    const declaration = apdDeclaration({
      collectivity: CHEFCHAOUEN,
      currency: EUR,
      year: 2017,
      actions,
      rates: RATES,
    });
    expect(declaration.total).toEqual(eur('5000.00'));
    expect(
      apdDeclaration({ collectivity: CHEFCHAOUEN, currency: EUR, year: 2017, actions, rates: [] })
        .missingRates,
    ).toMatchObject([{ from: 'MAD', to: 'EUR', date: '2017-12-31' }]);
  });

  it('splits an action between its partner countries without losing a cent', () => {
    const regional: ApdAction = {
      id: asId<'Action'>('regional'),
      title: 'Réseau méditerranéen',
      partnerCountries: ['MA', 'TN', 'DZ'],
      endDate: null,
      budget: {
        contributions: [
          {
            kind: 'PARTY_CASH',
            party: DIJON,
            amount: eur('100.00'),
            executed: eur('100.00'),
            executedOn: coachingAction.startDate,
          },
        ],
      },
    };
    const declaration = apdDeclaration({
      collectivity: DIJON,
      currency: EUR,
      year: 2017,
      actions: [regional],
      rates: [],
    });
    expect(declaration.countries.map((c) => [c.country, c.total])).toEqual([
      ['DZ', eur('33.33')],
      ['MA', eur('33.34')],
      ['TN', eur('33.33')],
    ]);
    expect(declaration.total).toEqual(eur('100.00'));
  });

  it('lists executed spending it cannot place in a year', () => {
    const undated: ApdAction = {
      id: asId<'Action'>('undated'),
      title: 'Sans dates',
      partnerCountries: ['MA'],
      endDate: null,
      budget: {
        contributions: [
          { kind: 'PARTY_CASH', party: DIJON, amount: eur('1.00'), executed: eur('1.00') },
        ],
      },
    };
    const declaration = apdDeclaration({
      collectivity: DIJON,
      currency: EUR,
      year: 2017,
      actions: [undated],
      rates: [],
    });
    expect(declaration.undated).toEqual([{ actionId: undated.id, kind: 'PARTY_CASH' }]);
    expect(declaration.total).toEqual(eur('0.00'));
  });
});
