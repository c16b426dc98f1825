import type { Access } from '../access/policy.js';
import type { Viewer } from '../access/viewer.js';
import type { Executor } from '../db/database.js';
import { partiesOf } from '../http/exports/convention-export.js';
import type { RowCheck } from './import-report.js';

/**
 * The convention's parties as a file names them: by the collectivity's name, as the exports
 * write it, in any case. An empty cell is the viewer's own collectivity, as in the mutations.
 */
export interface ConventionParties {
  readonly ids: readonly number[];
  readonly names: ReadonlyMap<number, string>;
  /** By lower-case name. */
  readonly byName: ReadonlyMap<string, number>;
  readonly viewerCollectivityId: number;
  /** A party contributes and measures only in its own name (access/policy.ts decides). */
  readonly mayActFor: (collectivityId: number) => boolean;
}

export async function conventionParties(
  db: Executor,
  conventionId: number,
  viewer: Viewer,
  access: Access,
): Promise<ConventionParties> {
  const parties = await partiesOf(db, conventionId);
  const names = new Map([...parties.collectivities].map(([id, row]) => [id, row.name]));
  return {
    ids: parties.ids,
    names,
    byName: new Map([...names].map(([id, name]) => [name.toLowerCase(), id])),
    viewerCollectivityId: viewer.collectivityId,
    mayActFor: (collectivityId) => access.canActFor(collectivityId),
  };
}

/**
 * The party a cell names, among the convention's; empty is the viewer's own collectivity. A name
 * that is no party's is an issue on the cell's column.
 */
export function partyNamed(
  check: RowCheck,
  parties: ConventionParties,
  column: string,
  name: string,
): number | null {
  const party = name === '' ? parties.viewerCollectivityId : parties.byName.get(name.toLowerCase());
  if (party === undefined) {
    check.add(column, `${name} is not a party to the convention`, 'UNKNOWN_PARTY');
    return null;
  }
  return party;
}
