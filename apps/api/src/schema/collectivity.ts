import { parseCurrency } from '@coop/domain';
import { builder } from '../builder.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import { runMutation } from '../mutation.js';
import { InputCheck } from './input-check.js';
import type { CollectivityRow } from '../db/tables/collectivity.js';
import {
  countCollectivitiesMatching,
  findCollectivitiesByIds,
  insertCollectivity,
  listCollectivities,
} from '../repositories/collectivity.js';
import { pageOf, readPageArgs, type Page } from './pagination.js';
import { loadByDbIds, NODE_LOADER_OPTIONS } from './node-loading.js';

/** The directory of collectivities: names and countries are visible to anyone signed in. */
export const Collectivity = builder.loadableNode('Collectivity', {
  description: 'A local government: a city, a region…',
  id: { resolve: (row: CollectivityRow) => row.id },
  loaderOptions: NODE_LOADER_OPTIONS,
  load: (keys: (string | number)[], context) =>
    loadByDbIds(keys, (ids) =>
      context.access.signedIn ? findCollectivitiesByIds(context.db, ids) : Promise.resolve([]),
    ),
  fields: (t) => ({
    name: t.exposeString('name'),
    countryCode: t.exposeString('country_code', { description: 'ISO 3166-1 alpha-2: "FR", "MA".' }),
    currency: t.exposeString('currency', {
      description: 'ISO 4217: the currency its own budget is kept in.',
    }),
    locale: t.exposeString('locale', { description: 'BCP 47: the language its staff work in.' }),
    timeZone: t.exposeString('time_zone'),
  }),
});

const CollectivityConnection = builder.connectionObject(
  { type: Collectivity, name: 'CollectivityConnection' },
  { name: 'CollectivityEdge' },
);

builder.objectField(CollectivityConnection, 'totalCount', (t) =>
  t.int({ resolve: (connection) => (connection as unknown as Page<CollectivityRow>).totalCount() }),
);

builder.queryField('collectivities', (t) =>
  t.field({
    type: CollectivityConnection,
    description: 'The directory of collectivities (names and countries), for anyone signed in.',
    authScopes: { signedIn: true },
    args: {
      first: t.arg.int({ description: 'At most 100.' }),
      after: t.arg.string(),
      search: t.arg.string({ description: 'Part of the name, any case.' }),
    },
    resolve: async (_root, args, context) => {
      const page = readPageArgs(args);
      const search = args.search?.trim() || null;
      const rows = await listCollectivities(context.db, {
        afterId: page.afterId,
        limit: page.limit + 1,
        search,
      });
      return pageOf(rows, page, () => countCollectivitiesMatching(context.db, search));
    },
  }),
);

const CreateCollectivityInput = builder.inputType('CreateCollectivityInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    countryCode: t.string({ required: true, description: 'ISO 3166-1 alpha-2.' }),
    currency: t.string({ required: true, description: 'ISO 4217.' }),
    locale: t.string({ required: true, description: 'BCP 47: "fr-FR", "ar-MA".' }),
    timeZone: t.string({ required: true, description: 'IANA: "Europe/Paris".' }),
  }),
});

builder.mutationField('createCollectivity', (t) =>
  t.field({
    type: Collectivity,
    description: 'The platform’s administrators add a collectivity to the directory.',
    args: { input: t.arg({ type: CreateCollectivityInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError], dataField: { name: 'collectivity' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'createCollectivity', async ({ trx, audit }) => {
        if (!context.access.isPlatformAdmin)
          throw new ForbiddenError('Only the platform’s administrators add collectivities');
        const check = new InputCheck();
        const name = check.text(['input', 'name'], input.name, 200);
        const countryCode = input.countryCode.trim().toUpperCase();
        const region = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
        if (
          !/^[A-Z]{2}$/.test(countryCode) ||
          [undefined, 'Unknown Region'].includes(region.of(countryCode))
        ) {
          check.add(['input', 'countryCode'], 'Not an ISO 3166-1 country code', 'UNKNOWN_COUNTRY');
        }
        const currency = parseCurrency(input.currency.trim().toUpperCase());
        if (!currency.ok)
          check.add(['input', 'currency'], currency.error.message, currency.error.code);
        let locale = input.locale.trim();
        try {
          locale = Intl.getCanonicalLocales(locale)[0] ?? locale;
        } catch {
          check.add(['input', 'locale'], 'Not a BCP 47 language tag', 'INVALID_LOCALE');
        }
        if (
          !Intl.supportedValuesOf('timeZone').includes(input.timeZone.trim()) &&
          input.timeZone.trim() !== 'UTC'
        ) {
          check.add(['input', 'timeZone'], 'Not an IANA time zone', 'INVALID_TIME_ZONE');
        }
        check.done();
        const row = await insertCollectivity(trx, {
          name,
          country_code: countryCode,
          currency: currency.ok ? currency.value : input.currency,
          locale,
          time_zone: input.timeZone.trim(),
        });
        await audit({
          conventionId: null,
          subjectType: 'Collectivity',
          subjectId: row.id,
          before: null,
          after: row,
        });
        return row;
      }),
  }),
);
