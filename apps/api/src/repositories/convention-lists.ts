import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db/database.js';
import type { CollectivityRow } from '../db/tables/collectivity.js';
import type {
  AxisRow,
  ConventionPartyRow,
  DeliberationRow,
  RenewalRow,
} from '../db/tables/convention.js';
import type { EvaluationRow } from '../db/tables/evaluation.js';

/** The short lists under a convention that its pages, its status and its renewal check read. */
export interface ConventionLists {
  readonly parties: ConventionPartyRow[];
  readonly collectivities: CollectivityRow[];
  readonly axes: AxisRow[];
  readonly deliberations: DeliberationRow[];
  readonly renewals: RenewalRow[];
  readonly evaluations: EvaluationRow[];
}

/** The lists as JSON columns carry them: timestamps as text. */
export interface ListsColumns {
  parties: ConventionPartyRow[];
  collectivities: (Omit<CollectivityRow, 'created_at'> & { created_at: string })[];
  axes: AxisRow[];
  deliberations: (Omit<DeliberationRow, 'created_at'> & { created_at: string })[];
  renewals: (Omit<RenewalRow, 'created_at'> & { created_at: string })[];
  evaluations: (Omit<EvaluationRow, 'created_at' | 'submitted_at' | 'approved_at'> & {
    created_at: string;
    submitted_at: string | null;
    approved_at: string | null;
  })[];
}

const date = (value: string) => new Date(value);
const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

/**
 * Every short list of the convention `c` of a statement, each as a JSON array column, in the
 * order the per-list functions of convention.ts and evaluation.ts give (a test checks they
 * agree): a statement that reads conventions brings their lists along, since their pages, their
 * status and their dates all read them, and each statement costs more than the rows it brings.
 */
export const LIST_COLUMNS = [
  sql<ListsColumns['parties']>`coalesce((select json_agg(p order by p.position)
    from convention_party p where p.convention_id = c.id), '[]')`.as('parties'),
  sql<ListsColumns['collectivities']>`coalesce((select json_agg(k order by k.id) from collectivity k
    where k.id in (select p.collectivity_id from convention_party p where p.convention_id = c.id)),
    '[]')`.as('collectivities'),
  sql<ListsColumns['axes']>`coalesce((select json_agg(a order by a.position, a.id) from axis a
    where a.convention_id = c.id), '[]')`.as('axes'),
  sql<ListsColumns['deliberations']>`coalesce((select json_agg(d order by d.date, d.id)
    from deliberation d where d.convention_id = c.id), '[]')`.as('deliberations'),
  sql<ListsColumns['renewals']>`coalesce((select json_agg(r order by r.term_number) from renewal r
    where r.convention_id = c.id), '[]')`.as('renewals'),
  sql<
    ListsColumns['evaluations']
  >`coalesce((select json_agg(e order by e.scope, e.year, e.term_number)
    from evaluation e where e.convention_id = c.id), '[]')`.as('evaluations'),
] as const;

/** The lists of LIST_COLUMNS, timestamps made Dates (JSON carries dates as the driver does). */
export function listsOf(columns: ListsColumns): ConventionLists {
  return {
    parties: columns.parties,
    collectivities: columns.collectivities.map((k) => ({ ...k, created_at: date(k.created_at) })),
    axes: columns.axes,
    deliberations: columns.deliberations.map((d) => ({ ...d, created_at: date(d.created_at) })),
    renewals: columns.renewals.map((r) => ({ ...r, created_at: date(r.created_at) })),
    evaluations: columns.evaluations.map((e) => ({
      ...e,
      created_at: date(e.created_at),
      submitted_at: dateOrNull(e.submitted_at),
      approved_at: dateOrNull(e.approved_at),
    })),
  };
}

const noLists = (): ConventionLists => ({
  parties: [],
  collectivities: [],
  axes: [],
  deliberations: [],
  renewals: [],
  evaluations: [],
});

/**
 * The lists of several conventions in **one** statement, for conventions read without them (an
 * evaluation's). Only ever asked for conventions the viewer already loaded through a
 * visibility-checked path.
 */
export async function listsOfConventions(
  db: Executor,
  ids: readonly number[],
): Promise<ConventionLists[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('convention as c')
    .select('c.id')
    .select(LIST_COLUMNS)
    .where(oneOrMany(ids))
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => {
    const row = byId.get(id);
    return row ? listsOf(row) : noLists();
  });
}

/**
 * `c.id` among `ids`. One convention (a page, an evaluation) is asked by plain equality:
 * PostgreSQL then keeps one generic plan for the prepared statement. With an array it plans the
 * lists' subqueries again on every call (a generic plan for "any length" looks dearer than a
 * custom one for one id): 0.45 ms of its CPU per page, more than running them.
 */
export function oneOrMany(ids: readonly number[]): RawBuilder<boolean> {
  return ids.length === 1
    ? sql<boolean>`c.id = ${ids[0]}::int`
    : sql<boolean>`c.id = any(${[...ids]}::int[])`;
}
