import { builder } from '../builder.js';
import type { CollectivityRow } from '../db/tables/collectivity.js';
import { findCollectivitiesByIds } from '../repositories/collectivity.js';
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
