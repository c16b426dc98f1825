import type { Budget } from '@coop/domain';
import type { Executor } from '../../db/database.js';
import type { ActionRow } from '../../db/tables/action.js';
import type { CollectivityRow } from '../../db/tables/collectivity.js';
import type { ConventionPartyRow, ConventionRow } from '../../db/tables/convention.js';
import { NotFoundError } from '../../errors.js';
import { budgetOf } from '../../mapping/budget.js';
import { budgetsOfActions, type BudgetRows } from '../../repositories/budget.js';
import { findCollectivitiesByIds } from '../../repositories/collectivity.js';
import { findParties, findVisibleConventions } from '../../repositories/convention.js';
import { actionsOfConventions } from '../../repositories/export.js';
import { requireDbId } from '../../schema/global-id.js';
import type { SignedInRequest } from './download.js';

/** The database ID behind a global ID of this type; null for anything else (answered 404). */
export function dbIdOf(globalId: string, typename: string): number | null {
  try {
    return requireDbId(globalId, typename);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/**
 * The convention named by the path's global ID, if the viewer's collectivity is party to it —
 * decided by Access, as for GraphQL; null for a missing one and for another tenant's alike.
 */
export async function visibleConvention(
  request: SignedInRequest,
  globalId: string,
): Promise<ConventionRow | null> {
  const id = dbIdOf(globalId, 'Convention');
  if (id === null || !(await request.access.canRead(id))) return null;
  const [convention] = await findVisibleConventions(request.db, request.viewer, [id]);
  return convention ?? null;
}

export interface ConventionParties {
  readonly rows: ConventionPartyRow[];
  readonly ids: number[];
  /** The parties' collectivities, by ID, in the order the text names them. */
  readonly collectivities: Map<number, CollectivityRow>;
}

export async function partiesOf(db: Executor, conventionId: number): Promise<ConventionParties> {
  const rows = await findParties(db, conventionId);
  const ids = rows.map((row) => row.collectivity_id);
  const found = await findCollectivitiesByIds(db, ids);
  const collectivities = new Map(
    ids.flatMap((id) => {
      const row = found.find((candidate) => candidate.id === id);
      return row ? [[id, row] as const] : [];
    }),
  );
  return { rows, ids, collectivities };
}

/** An action with its budget rows and the domain's budget built from them (A4). */
export interface ActionBudget {
  readonly action: ActionRow;
  readonly rows: BudgetRows;
  readonly budget: Budget;
}

/** Every action of the convention with its budget: four statements, whatever their number. */
export async function actionBudgetsOf(
  db: Executor,
  conventionId: number,
  partyIds: readonly number[],
): Promise<ActionBudget[]> {
  const actions = await actionsOfConventions(db, [conventionId]);
  const budgets = await budgetsOfActions(
    db,
    actions.map((action) => action.id),
  );
  return actions.map((action, index) => {
    const rows = budgets[index] ?? { lines: [], contributions: [], staff: [] };
    return { action, rows, budget: budgetOf(rows, partyIds) };
  });
}
