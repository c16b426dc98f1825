import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { Context } from '../context.js';
import {
  axesOfConventions,
  deliberationsOfConventions,
  partiesOfConventions,
  renewalsOfConventions,
} from '../repositories/convention.js';
import { evaluationsOfConventions } from '../repositories/evaluation.js';
import { findCollectivitiesByIds } from '../repositories/collectivity.js';
import type { CollectivityRow } from '../db/tables/collectivity.js';

/**
 * Per-request batch loaders for the lists under a convention: however many conventions a query
 * returns, each list costs one statement (no N+1). They are only ever asked for conventions the
 * viewer already loaded through a visibility-checked path.
 */
export function perRequest<V>(batch: (context: Context, ids: readonly number[]) => Promise<V[]>) {
  return createContextCache(
    (context: Context) => new DataLoader<number, V>((ids) => batch(context, ids)),
  );
}

/** Collectivities by ID, for names and countries inside computations (not access-checked: the directory is public to anyone signed in). */
export const collectivityRowLoader = createContextCache(
  (context: Context) =>
    new DataLoader<number, CollectivityRow | null>(async (ids) => {
      const rows = await findCollectivitiesByIds(context.db, ids);
      return ids.map((id) => rows.find((row) => row.id === id) ?? null);
    }),
);

export const partiesLoader = perRequest((context, ids) => partiesOfConventions(context.db, ids));
export const axesLoader = perRequest((context, ids) => axesOfConventions(context.db, ids));
export const deliberationsLoader = perRequest((context, ids) =>
  deliberationsOfConventions(context.db, ids),
);
export const renewalsLoader = perRequest((context, ids) => renewalsOfConventions(context.db, ids));
export const evaluationsLoader = perRequest((context, ids) =>
  evaluationsOfConventions(context.db, ids),
);
