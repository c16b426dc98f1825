import type { Executor } from '../db/database.js';
import type { EvaluationRow } from '../db/tables/evaluation.js';

/** The evaluations of several conventions, one statement, grouped per convention. */
export async function evaluationsOfConventions(
  db: Executor,
  ids: readonly number[],
): Promise<EvaluationRow[][]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('evaluation')
    .selectAll()
    .where('convention_id', 'in', ids)
    .orderBy('scope')
    .orderBy('year')
    .orderBy('term_number')
    .execute();
  return ids.map((id) => rows.filter((row) => row.convention_id === id));
}
