import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { Selectable } from 'kysely';
import type { Context } from '../context.js';
import type { Database } from '../db/database.js';
import {
  countsOfConventions,
  pagesOfConventions,
  type ConventionList,
} from '../repositories/convention-pages.js';
import { listsOfConventions, type ConventionLists } from '../repositories/convention-lists.js';
import { findCollectivitiesByIds } from '../repositories/collectivity.js';
import type { CollectivityRow } from '../db/tables/collectivity.js';
import type { ApprovalRow } from '../db/tables/evaluation.js';
import { Collectivity } from './collectivity.js';
import { SettledLoader, whenSettled, type MaybePromise } from './settled-loader.js';

/**
 * Per-request batch loaders for the lists under a convention: however many conventions a query
 * returns, each list costs one statement (no N+1). They are only ever asked for conventions the
 * viewer already loaded through a visibility-checked path.
 */
export function perRequest<V>(batch: (context: Context, ids: readonly number[]) => Promise<V[]>) {
  return createContextCache((context: Context) => {
    const loader = new SettledLoader<number, V>((ids) => batch(context, ids));
    // A mutation forgets what was read before it (mutation.ts).
    context.loaded.add(loader);
    return loader;
  });
}

/** Collectivities by ID, for names and countries inside computations (not access-checked: the directory is public to anyone signed in). */
export const collectivityRowLoader = createContextCache(
  (context: Context) =>
    new DataLoader<number, CollectivityRow | null>(async (ids) => {
      const rows = await findCollectivitiesByIds(context.db, ids);
      return ids.map((id) => rows.find((row) => row.id === id) ?? null);
    }),
);

/**
 * The short lists under conventions (parties and their collectivities, axes, deliberations,
 * renewals, evaluations) come together, in one statement for every convention of the request:
 * a convention page reads them all. The collectivities are primed for the fields that show them.
 */
const listsLoader = perRequest(async (context, ids) => {
  const lists = await listsOfConventions(context.db, ids);
  for (const list of lists) primeCollectivities(context, list);
  return lists;
});

function primeCollectivities(context: Context, lists: ConventionLists): void {
  const nodes = Collectivity.getDataloader(context);
  const rows = collectivityRowLoader(context);
  for (const collectivity of lists.collectivities) {
    nodes.prime(collectivity.id, collectivity);
    rows.prime(collectivity.id, collectivity);
  }
}

/** Lists read with their convention (repositories/convention.ts): not read again. */
export function primeLists(context: Context, conventionId: number, lists: ConventionLists): void {
  listsLoader(context).prime(conventionId, lists);
  primeCollectivities(context, lists);
}

/** One of the short lists, read through the lists' loader: at once when they are there. */
function listLoader<K extends keyof ConventionLists>(key: K) {
  return (context: Context) => ({
    load: (id: number): MaybePromise<ConventionLists[K]> =>
      whenSettled(listsLoader(context).load(id), (lists) => lists[key]),
    loadMany: async (ids: readonly number[]): Promise<(ConventionLists[K] | Error)[]> =>
      (await listsLoader(context).loadMany(ids)).map((lists) =>
        lists instanceof Error ? lists : lists[key],
      ),
  });
}

export const partiesLoader = listLoader('parties');
export const axesLoader = listLoader('axes');
export const deliberationsLoader = listLoader('deliberations');
export const renewalsLoader = listLoader('renewals');
export const evaluationsLoader = listLoader('evaluations');

/**
 * A paged list under conventions (a GraphQL connection): one loader per page shape
 * (first/after), so the pages of every listed convention come in one statement, with their total
 * counts on a first page (primed into the list's count loader: `totalCount` then costs nothing).
 * A page of actions asked with `budgetApprovals` brings its budgets' approvals along, handed to
 * `primeBudgetApprovals` (a shape of its own: other pages do not pay for them).
 */
export function conventionPagesLoader<T extends ConventionList>(
  list: T,
  primeBudgetApprovals?: (context: Context, approvals: ReadonlyMap<number, ApprovalRow[]>) => void,
) {
  const counts = perRequest((context, ids) => countsOfConventions(context.db, list, ids));
  const loaders = createContextCache(
    (_context: Context) => new Map<string, DataLoader<number, Selectable<Database[T]>[]>>(),
  );
  return {
    counts,
    pages(
      context: Context,
      page: { afterId: number | null; limit: number; budgetApprovals?: boolean },
    ): DataLoader<number, Selectable<Database[T]>[]> {
      const byShape = loaders(context);
      const budgetApprovals = page.budgetApprovals === true && primeBudgetApprovals !== undefined;
      const key = `${page.afterId ?? ''}:${page.limit}:${budgetApprovals}`;
      let loader = byShape.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          const result = await pagesOfConventions(context.db, list, ids, {
            afterId: page.afterId,
            limit: page.limit + 1,
            budgetApprovals,
          });
          result.totals?.forEach((total, index) =>
            counts(context).prime(ids[index] as number, total),
          );
          if (result.budgetApprovals) primeBudgetApprovals?.(context, result.budgetApprovals);
          return result.pages;
        });
        byShape.set(key, loader);
        context.loaded.add(loader);
      }
      return loader;
    },
  };
}
