import type { Context } from '../context.js';
import type { MutationScope } from '../mutation.js';
import type { ImportedRow, RefusedRow, RowOutcome } from './import-report.js';

/** What an import runs in: the mutation's transaction, for one convention the viewer may edit. */
export interface ImportScope extends MutationScope {
  readonly context: Context;
  readonly conventionId: number;
}

/** Every row read against what is stored: the report, and how to write what it says. */
export interface ImportPlan {
  readonly rows: number;
  readonly added: readonly ImportedRow[];
  readonly changed: readonly ImportedRow[];
  readonly unchanged: number;
  readonly refused: readonly RefusedRow[];
  /** Writes the added and changed rows, with their audit entries, in the scope's transaction. */
  readonly write: () => Promise<void>;
}

export function planOf<Write>(
  outcomes: readonly RowOutcome<Write>[],
  write: (writes: Write[]) => Promise<void>,
): ImportPlan {
  const added: ImportedRow[] = [];
  const changed: ImportedRow[] = [];
  const refused: RefusedRow[] = [];
  const writes: Write[] = [];
  let unchanged = 0;
  for (const outcome of outcomes) {
    switch (outcome.kind) {
      case 'refused':
        refused.push(outcome.refused);
        break;
      case 'unchanged':
        unchanged++;
        break;
      case 'added':
      case 'changed':
        (outcome.kind === 'added' ? added : changed).push(outcome.row);
        writes.push(outcome.write);
        break;
    }
  }
  return {
    rows: outcomes.length,
    added,
    changed,
    unchanged,
    refused,
    write: () => (writes.length > 0 ? write(writes) : Promise.resolve()),
  };
}
