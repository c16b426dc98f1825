import type { Action } from '../action.js';
import type { Budget, BudgetContext } from '../budget.js';
import type { Indicator } from '../indicator.js';
import type { Mission } from '../mission.js';
import type { Axis, ConventionDuration } from '../convention.js';
import { parseRate, type ExchangeRate } from '../exchange-rate.js';
import { asId } from '../ids.js';
import { parseIsoDate, type IsoDate } from '../iso-date.js';
import { currency, parseMoney, type Money } from '../money.js';
import { unwrap } from '../result.js';

/** A date literal of the fixtures, checked like any input. */
export function d(input: string): IsoDate {
  return unwrap(parseIsoDate(input));
}

/**
 * The founding convention's own facts. Its text leaves place and date blank ("Fait à ____, le
 * ____"); 2016-06-01 is the illustrative signature date used throughout Coop's examples.
 */
export const FOUNDING_SIGNATURE_DATE = d('2016-06-01');
export const DIJON_DELIBERATION_DATE = d('2016-03-21');

export const foundingDuration: ConventionDuration = {
  signature: { place: null, date: FOUNDING_SIGNATURE_DATE, originals: 6 },
  durationYears: 5,
  renewals: [],
};

// ---------------------------------------------------------------------------------------------
// Parties, currencies, axes and money of the founding convention.

export const DIJON = asId<'Collectivity'>('dijon');
export const CHEFCHAOUEN = asId<'Collectivity'>('chefchaouen');
/** A third city, party to nothing of Dijon–Chefchaouen. */
export const MAINZ = asId<'Collectivity'>('mainz');
export const PARTIES = [DIJON, CHEFCHAOUEN] as const;

/** Dijon budgets in euros, Chefchaouen in dirhams (A4.6). */
export const EUR = currency('EUR');
export const MAD = currency('MAD');

export function eur(amount: string): Money {
  return unwrap(parseMoney(amount, 'EUR', { allowNegative: true }));
}

export function mad(amount: string): Money {
  return unwrap(parseMoney(amount, 'MAD', { allowNegative: true }));
}

/** Illustrative rates recorded in the system: 1 EUR = 10.8123 MAD from 2016, 10.95 from 2019. */
export const RATES: readonly ExchangeRate[] = [
  unwrap(parseRate({ from: 'EUR', to: 'MAD', rate: '10.8123', validFrom: '2016-01-01' })),
  unwrap(parseRate({ from: 'EUR', to: 'MAD', rate: '10.95', validFrom: '2019-01-01' })),
];

export const IN_EUROS_2017: BudgetContext = {
  reportingCurrency: EUR,
  rates: RATES,
  date: d('2017-12-31'),
};

/** A2: the five axes, 2016–2020. */
export const AXES: readonly Axis[] = [
  'Développement économique et économie sociale et solidaire',
  'Attractivité et rayonnement des territoires',
  'Appui aux politiques publiques innovantes',
  'Éducation et jeunesse',
  'Développement social et solidarité',
].map((title, index) => ({
  id: asId<'Axis'>(`axis-${index + 1}`),
  title,
  description: title,
  periodStart: d('2016-01-01'),
  periodEnd: d('2020-12-31'),
}));

export const ECONOMY = asId<'Axis'>('axis-1');
export const YOUTH_AXIS = asId<'Axis'>('axis-4');

export const SSE_FUND = asId<'Organization'>('ministry-fund');
export const UNIVERSITY = asId<'Organization'>('universite-de-bourgogne');

/**
 * A cooperative-coaching action of axis 1, balanced across both currencies: 12,000.00 EUR and
 * 54,061.50 MAD (5,000.00 EUR at 10.8123) of expenses; Dijon 7,000 EUR cash and 5,000 EUR from
 * the ministry's fund, Chefchaouen 54,061.50 MAD in kind.
 */
export const coachingBudget: Budget = {
  parties: PARTIES,
  lines: [
    { category: 'TRAINING', label: 'Coaching des coopératives', amount: eur('9000.00') },
    { category: 'TRAVEL', label: 'Billets Lyon–Tanger', amount: eur('3000.00') },
    { category: 'EVENTS', label: 'Salle et logistique à Chefchaouen', amount: mad('54061.50') },
  ],
  contributions: [
    { kind: 'PARTY_CASH', party: DIJON, amount: eur('7000.00') },
    {
      kind: 'FUNDER',
      funder: SSE_FUND,
      funderName: 'Fonds du MEAE',
      amount: eur('5000.00'),
      status: 'GRANTED',
    },
    {
      kind: 'PARTY_IN_KIND',
      party: CHEFCHAOUEN,
      amount: mad('54061.50'),
      description: 'Salle municipale, logistique',
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// A programme under the convention: two actions, missions, indicators.

/** Axis 1, 2017: coaching of cooperatives, with what was spent and paid by the end of 2017. */
export const coachingAction: Action = {
  id: asId<'Action'>('coaching'),
  axisId: ECONOMY,
  title: 'Accompagnement des coopératives',
  status: 'COMPLETED',
  startDate: d('2017-03-01'),
  endDate: d('2017-11-30'),
  budget: {
    ...coachingBudget,
    lines: coachingBudget.lines.map((line, index) => ({
      ...line,
      executed: [eur('8000.00'), eur('2500.00'), mad('54061.50')][index] ?? null,
    })),
    contributions: [
      {
        kind: 'PARTY_CASH',
        party: DIJON,
        amount: eur('7000.00'),
        executed: eur('5500.00'),
        executedOn: d('2017-06-30'),
      },
      {
        kind: 'FUNDER',
        funder: SSE_FUND,
        funderName: 'Fonds du MEAE',
        amount: eur('5000.00'),
        status: 'RECEIVED',
        executed: eur('5000.00'),
      },
      {
        kind: 'PARTY_IN_KIND',
        party: CHEFCHAOUEN,
        amount: mad('54061.50'),
        description: 'Salle municipale, logistique',
        executed: mad('54061.50'),
      },
    ],
  },
  specificConvention: { reference: 'CS-2017-01', signedOn: d('2017-02-15') },
  organizations: [
    { organizationId: SSE_FUND, role: 'FUNDING' },
    { organizationId: UNIVERSITY, role: 'ACADEMIC' },
  ],
  participatoryActivities: [
    { kind: 'CONSULTATION', date: d('2017-05-12'), audience: 'Coopératives', participants: 40 },
    { kind: 'INFORMATION', date: d('2017-09-20'), audience: 'Habitants', participants: 120 },
  ],
};

/** Axis 4, 2018–2019: a youth exchange, Dijon's staff time included, requested funding. */
export const youthAction: Action = {
  id: asId<'Action'>('youth'),
  axisId: YOUTH_AXIS,
  title: 'Échanges de jeunes',
  status: 'IN_PROGRESS',
  startDate: d('2018-04-01'),
  endDate: d('2019-07-31'),
  budget: {
    parties: PARTIES,
    lines: [
      {
        category: 'TRAVEL',
        label: 'Voyages des jeunes',
        amount: eur('4000.00'),
        executed: eur('1000.00'),
      },
      { category: 'STAFF', label: 'Animateurs', amount: eur('900.00') },
    ],
    contributions: [
      {
        kind: 'STAFF_TIME',
        party: DIJON,
        days: '5',
        dailyCost: eur('180.00'),
        executed: eur('540.00'),
        executedOn: d('2018-07-15'),
      },
      { kind: 'PARTY_CASH', party: CHEFCHAOUEN, amount: eur('1000.00') },
      {
        kind: 'FUNDER',
        funder: asId<'Organization'>('ofaj'),
        amount: eur('3000.00'),
        status: 'REQUESTED',
      },
    ],
  },
  specificConvention: { reference: 'CS-2018-01', signedOn: d('2018-03-01') },
  organizations: [{ organizationId: UNIVERSITY, role: 'ACADEMIC' }],
  participatoryActivities: [
    {
      kind: 'COLLABORATION',
      date: d('2018-05-05'),
      audience: 'Maisons de jeunes',
      participants: 25,
    },
  ],
};

export const missions: readonly Mission[] = [
  {
    origin: DIJON,
    host: CHEFCHAOUEN,
    departureDate: d('2017-04-10'),
    returnDate: d('2017-04-15'),
    delegates: [{ category: 'ELECTED' }, { category: 'TECHNICIAN' }, { category: 'TECHNICIAN' }],
    costs: [],
  },
  {
    origin: CHEFCHAOUEN,
    host: DIJON,
    departureDate: d('2017-10-02'),
    returnDate: d('2017-10-08'),
    delegates: [
      { category: 'ELECTED' },
      { category: 'YOUTH' },
      { category: 'YOUTH' },
      { category: 'ARTIST' },
    ],
    costs: [],
  },
  {
    origin: CHEFCHAOUEN,
    host: DIJON,
    departureDate: d('2018-07-01'),
    returnDate: d('2018-07-14'),
    delegates: [{ category: 'YOUTH' }, { category: 'YOUTH' }, { category: 'YOUTH' }],
    costs: [],
  },
];

const agreedByBoth = {
  version: 1,
  parties: PARTIES,
  approvals: [
    { party: DIJON, version: 1 },
    { party: CHEFCHAOUEN, version: 1 },
  ],
};

export const indicators: readonly Indicator[] = [
  {
    ...agreedByBoth,
    id: asId<'Indicator'>('cooperatives'),
    code: 'COOP',
    name: 'Coopératives accompagnées',
    unit: 'coopératives',
    baseline: '0',
    direction: 'INCREASE',
    aggregation: 'LAST',
    targets: [
      { year: 2017, value: '10' },
      { year: 2018, value: '20' },
    ],
    measurements: [
      { year: 2017, value: '8' },
      { year: 2018, value: '21' },
    ],
  },
  {
    ...agreedByBoth,
    id: asId<'Indicator'>('young-people'),
    code: 'YOUTH',
    name: 'Jeunes échangés',
    unit: 'jeunes',
    baseline: '0',
    direction: 'INCREASE',
    aggregation: 'SUM',
    targets: [
      { year: 2017, value: '4' },
      { year: 2018, value: '4' },
    ],
    measurements: [],
    computed: 'YOUNG_PEOPLE_EXCHANGED',
  },
  {
    version: 2,
    parties: PARTIES,
    approvals: [
      { party: DIJON, version: 2 },
      { party: CHEFCHAOUEN, version: 1 },
    ],
    id: asId<'Indicator'>('tourists'),
    code: 'TOUR',
    name: 'Touristes dijonnais à Chefchaouen',
    unit: 'visiteurs',
    baseline: '300',
    direction: 'INCREASE',
    aggregation: 'SUM',
    targets: [{ year: 2017, value: '400' }],
    measurements: [{ year: 2017, value: '350' }],
  },
];
