import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db/database.js';
import type { Viewer } from './viewer.js';

/**
 * The one rule behind every read: a viewer sees a convention, and everything under it, only if its
 * collectivity is a party to it. Repositories put this sub-select in their WHERE clause, so an
 * object outside it is never even loaded — through node(id:), a nested field, a filter, a count or
 * an export alike.
 */
export function visibleConventionIds(db: Executor, viewer: Pick<Viewer, 'collectivityId'>) {
  return db
    .selectFrom('convention_party')
    .select('convention_party.convention_id')
    .where('convention_party.collectivity_id', '=', viewer.collectivityId);
}

/**
 * The same rule as a column of the statement that identifies the viewer (API token or session):
 * the conventions its collectivity is party to, so that a request's first access check costs no
 * statement of its own. `collectivityColumn` names the viewer's collectivity in that statement.
 */
export function partyToColumn(collectivityColumn: string): RawBuilder<number[]> {
  return sql<
    number[]
  >`array(select convention_party.convention_id from convention_party where convention_party.collectivity_id = ${sql.ref(collectivityColumn)})`;
}
