import type { ApdActionLine, ApdCountry, ApdDeclaration, MissingExchangeRate } from '@coop/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { builder } from '../builder.js';
import { apdDeclarationOf, isDeclarableYear } from '../http/exports/apd.js';
import { Collectivity } from './collectivity.js';
import { MoneyRef } from './money.js';

const ApdActionLineRef = builder.objectRef<ApdActionLine>('ApdActionLine').implement({
  description: 'What the collectivity itself spent on one action for one partner country.',
  fields: (t) => ({
    actionId: t.id({
      description: 'The global ID of the Action.',
      resolve: (line) => encodeGlobalID('Action', line.actionId),
    }),
    title: t.exposeString('title'),
    cash: t.field({ type: MoneyRef, resolve: (line) => line.cash }),
    inKind: t.field({ type: MoneyRef, resolve: (line) => line.inKind }),
    staffTime: t.field({ type: MoneyRef, resolve: (line) => line.staffTime }),
    total: t.field({ type: MoneyRef, resolve: (line) => line.total }),
  }),
});

const ApdCountryRef = builder.objectRef<ApdCountry>('ApdCountry').implement({
  fields: (t) => ({
    countryCode: t.string({
      nullable: true,
      description: 'ISO 3166-1 alpha-2 of the partner country; null when none is recorded.',
      resolve: (country) => country.country || null,
    }),
    actions: t.field({ type: [ApdActionLineRef], resolve: (country) => country.actions }),
    total: t.field({ type: MoneyRef, resolve: (country) => country.total }),
  }),
});

const ApdUndatedRef = builder
  .objectRef<ApdDeclaration['undated'][number]>('ApdUndatedContribution')
  .implement({
    description: 'An executed contribution with no date to place it in a year: not declared.',
    fields: (t) => ({
      actionId: t.id({ resolve: (undated) => encodeGlobalID('Action', undated.actionId) }),
      kind: t.exposeString('kind', { description: 'PARTY_CASH, PARTY_IN_KIND or STAFF_TIME.' }),
    }),
  });

const ApdMissingRateRef = builder.objectRef<MissingExchangeRate>('ApdMissingRate').implement({
  description: 'Amounts in `from` are left out: no rate to `to` is recorded by `date`.',
  fields: (t) => ({
    from: t.exposeString('from'),
    to: t.exposeString('to'),
    date: t.expose('date', { type: 'Date' }),
  }),
});

const ApdDeclarationRef = builder.objectRef<ApdDeclaration>('ApdDeclaration').implement({
  description:
    'A year’s development-assistance (APD) declaration: the collectivity’s OWN executed funds (cash, in kind, staff time; co-funders left out) by partner country, in its currency, converted at the rate of 31 December.',
  fields: (t) => ({
    year: t.exposeInt('year'),
    currency: t.exposeString('currency'),
    countries: t.field({ type: [ApdCountryRef], resolve: (declaration) => declaration.countries }),
    total: t.field({ type: MoneyRef, resolve: (declaration) => declaration.total }),
    undated: t.field({ type: [ApdUndatedRef], resolve: (declaration) => declaration.undated }),
    missingRates: t.field({
      type: [ApdMissingRateRef],
      resolve: (declaration) => declaration.missingRates,
    }),
  }),
});

builder.objectField(Collectivity, 'apdDeclaration', (t) =>
  t.field({
    type: ApdDeclarationRef,
    nullable: true,
    description:
      'The year’s APD declaration, for the viewer’s own collectivity only (null for any other). Also as CSV: GET /exports/collectivities/{id}/apd/{year}.csv.',
    args: { year: t.arg.int({ required: true }) },
    resolve: async (collectivity, { year }, context) => {
      if (context.viewer?.collectivityId !== collectivity.id) return null;
      if (!isDeclarableYear(year)) {
        throw new GraphQLError('year must be a year from 1900 to 2999', {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      return apdDeclarationOf(context.db, collectivity, year);
    },
  }),
);
