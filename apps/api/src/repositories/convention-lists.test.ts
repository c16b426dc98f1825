import { describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase } from '../../test/engines.js';
import { findCollectivitiesByIds } from './collectivity.js';
import { listsOfConventions } from './convention-lists.js';
import {
  axesOfConventions,
  deliberationsOfConventions,
  partiesOfConventions,
  renewalsOfConventions,
} from './convention.js';
import { evaluationsOfConventions } from './evaluation.js';

for (const engine of ENGINES) {
  describe(`a convention's lists in one statement, on ${engine}`, () => {
    it('are exactly what each list’s own statement reads, rows, types and order', async () => {
      const connection = await openTestDatabase(engine);
      const { db } = connection;
      try {
        const ids = (await db.selectFrom('convention').select('id').orderBy('id').execute()).map(
          (row) => row.id,
        );
        // The demo holds parties, axes, deliberations, renewals and evaluations: none is empty.
        const [parties, axes, deliberations, renewals, evaluations] = await Promise.all([
          partiesOfConventions(db, ids),
          axesOfConventions(db, ids),
          deliberationsOfConventions(db, ids),
          renewalsOfConventions(db, ids),
          evaluationsOfConventions(db, ids),
        ]);
        for (const list of [parties, axes, deliberations, renewals, evaluations]) {
          expect(list.flat().length).toBeGreaterThan(0);
        }
        const lists = await listsOfConventions(db, [...ids, 999_999]);
        for (const [index, id] of ids.entries()) {
          const partyIds = (parties[index] ?? []).map((party) => party.collectivity_id);
          const collectivities = await findCollectivitiesByIds(db, partyIds);
          expect(lists[index], `convention ${id}`).toEqual({
            parties: parties[index],
            collectivities: collectivities.sort((a, b) => a.id - b.id),
            axes: axes[index],
            deliberations: deliberations[index],
            renewals: renewals[index],
            evaluations: evaluations[index],
          });
        }
        expect(lists.at(-1)).toEqual({
          parties: [],
          collectivities: [],
          axes: [],
          deliberations: [],
          renewals: [],
          evaluations: [],
        });
        // One convention is asked by another statement (plain equality): the same lists.
        for (const [index, id] of ids.entries()) {
          expect(await listsOfConventions(db, [id]), `convention ${id} alone`).toEqual([
            lists[index],
          ]);
        }
        expect(await listsOfConventions(db, [999_999])).toEqual([lists.at(-1)]);
        expect(await listsOfConventions(db, [])).toEqual([]);
      } finally {
        await connection.close();
      }
    });
  });
}
