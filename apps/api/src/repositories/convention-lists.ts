import { sql } from 'kysely';
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

interface ListsRow {
  id: number;
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
 * Every short list of several conventions in **one** statement (each as a JSON array, in the
 * order the per-list functions of convention.ts and evaluation.ts give; a test checks they agree):
 * a convention page needs them all, and each statement costs more than the rows it brings. JSON
 * carries dates as the same ISO strings the driver gives, and timestamps as text made Dates here.
 * Only ever asked for conventions the viewer already loaded through a visibility-checked path.
 */
export async function listsOfConventions(
  db: Executor,
  ids: readonly number[],
): Promise<ConventionLists[]> {
  if (ids.length === 0) return [];
  // One convention (a page, an evaluation) is asked by plain equality: PostgreSQL then keeps one
  // generic plan for the prepared statement. With an array it plans the six subqueries again on
  // every call (a generic plan for "any length" looks dearer than a custom one for one id):
  // 0.45 ms of its CPU per page, more than running them.
  const which =
    ids.length === 1 ? sql`c.id = ${ids[0]}::int` : sql`c.id = any(${[...ids]}::int[])`;
  const { rows } = await sql<ListsRow>`
    select c.id,
      coalesce((select json_agg(p order by p.position) from convention_party p
        where p.convention_id = c.id), '[]') as parties,
      coalesce((select json_agg(k order by k.id) from collectivity k
        where k.id in (select p.collectivity_id from convention_party p where p.convention_id = c.id)),
        '[]') as collectivities,
      coalesce((select json_agg(a order by a.position, a.id) from axis a
        where a.convention_id = c.id), '[]') as axes,
      coalesce((select json_agg(d order by d.date, d.id) from deliberation d
        where d.convention_id = c.id), '[]') as deliberations,
      coalesce((select json_agg(r order by r.term_number) from renewal r
        where r.convention_id = c.id), '[]') as renewals,
      coalesce((select json_agg(e order by e.scope, e.year, e.term_number) from evaluation e
        where e.convention_id = c.id), '[]') as evaluations
    from convention c
    where ${which}
  `.execute(db);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => {
    const row = byId.get(id);
    if (!row) {
      return {
        parties: [],
        collectivities: [],
        axes: [],
        deliberations: [],
        renewals: [],
        evaluations: [],
      };
    }
    return {
      parties: row.parties,
      collectivities: row.collectivities.map((k) => ({ ...k, created_at: date(k.created_at) })),
      axes: row.axes,
      deliberations: row.deliberations.map((d) => ({ ...d, created_at: date(d.created_at) })),
      renewals: row.renewals.map((r) => ({ ...r, created_at: date(r.created_at) })),
      evaluations: row.evaluations.map((e) => ({
        ...e,
        created_at: date(e.created_at),
        submitted_at: dateOrNull(e.submitted_at),
        approved_at: dateOrNull(e.approved_at),
      })),
    };
  });
}
