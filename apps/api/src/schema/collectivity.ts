import { builder } from '../builder.js';
import type { CollectivityRow } from '../db/tables/collectivity.js';
import {
  countCollectivitiesMatching,
  findCollectivitiesByIds,
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
