import { sql, type Selectable } from 'kysely';
import type { Database, Executor } from '../db/database.js';
import type { ApprovalRow } from '../db/tables/evaluation.js';
import { approvalsColumn, approvalsFromJson, type ApprovalsJson } from './approval.js';

/** The lists paged under a convention (GraphQL connections), each keyed by `id`. */
export type ConventionList = 'action' | 'mission';

export interface ConventionPages<Row> {
  readonly pages: Row[][];
  /** Each convention's whole count, on a first page (no cursor); null after a cursor. */
  readonly totals: number[] | null;
  /** With `budgetApprovals`: the approvals of each action's budget, by action ID. */
  readonly budgetApprovals: ReadonlyMap<number, ApprovalRow[]> | null;
}

/**
 * One keyset page of a list for each of several conventions, in one statement however many
 * conventions a query lists: each convention's rows are numbered by id and cut at `limit`. On a
 * first page the same statement counts each convention's rows, so `totalCount` costs nothing
 * more. A page of actions can bring its budgets' approvals in the same statement (a convention
 * page shows each budget's approval state). Only ever asked for conventions the viewer already
 * loaded through a visibility-checked path.
 */
export async function pagesOfConventions<T extends ConventionList>(
  db: Executor,
  list: T,
  conventionIds: readonly number[],
  page: { afterId: number | null; limit: number; budgetApprovals?: boolean },
): Promise<ConventionPages<Selectable<Database[T]>>> {
  const withApprovals = list === 'action' && page.budgetApprovals === true;
  if (conventionIds.length === 0) {
    return {
      pages: [],
      totals: page.afterId === null ? [] : null,
      budgetApprovals: withApprovals ? new Map() : null,
    };
  }
  // One table or the other: Kysely cannot type a query over a union of tables.
  const table = list as 'action';
  let ranked = db
    .selectFrom(table)
    .selectAll()
    .select([
      sql<number>`(row_number() over (partition by convention_id order by id))::int`.as(
        'page_position',
      ),
      sql<number>`(count(*) over (partition by convention_id))::int`.as('list_total'),
    ])
    .where('convention_id', 'in', conventionIds);
  if (page.afterId !== null) ranked = ranked.where('id', '>', page.afterId);
  const rows = await db
    .selectFrom(ranked.as('ranked'))
    .selectAll()
    .$if(withApprovals, (query) =>
      query.select(approvalsColumn('BUDGET', 'ranked.id').as('budget_approvals')),
    )
    .where('page_position', '<=', page.limit)
    .orderBy('id')
    .execute();
  const groups = new Map<number, Selectable<Database['action']>[]>(
    conventionIds.map((id) => [id, []]),
  );
  const totals = new Map<number, number>();
  const budgetApprovals = new Map<number, ApprovalRow[]>();
  for (const { page_position: _position, list_total: total, ...columns } of rows) {
    const { budget_approvals: approvals, ...row } = columns as typeof columns & {
      budget_approvals?: ApprovalsJson;
    };
    groups.get(row.convention_id)?.push(row);
    totals.set(row.convention_id, total);
    if (approvals) budgetApprovals.set(row.id, approvalsFromJson(approvals));
  }
  return {
    budgetApprovals: withApprovals ? budgetApprovals : null,
    pages: conventionIds.map((id) => groups.get(id) ?? []) as Selectable<Database[T]>[][],
    // A convention absent from a first page has no rows at all.
    totals: page.afterId === null ? conventionIds.map((id) => totals.get(id) ?? 0) : null,
  };
}

/** How many rows of the list each convention holds, one statement. */
export async function countsOfConventions(
  db: Executor,
  list: ConventionList,
  conventionIds: readonly number[],
): Promise<number[]> {
  if (conventionIds.length === 0) return [];
  const rows = await db
    .selectFrom(list as 'action')
    .select(['convention_id', sql<number>`count(*)::int`.as('count')])
    .where('convention_id', 'in', conventionIds)
    .groupBy('convention_id')
    .execute();
  const counts = new Map(rows.map((row) => [row.convention_id, row.count]));
  return conventionIds.map((id) => counts.get(id) ?? 0);
}
