import { clearAllDataLoaders } from '@pothos/plugin-dataloader';
import type { Transaction } from 'kysely';
import type { Viewer } from './access/viewer.js';
import { writeAuditEntry, type AuditRecord } from './audit/audit-log.js';
import type { Context } from './context.js';
import type { Database } from './db/database.js';
import { ForbiddenError } from './errors.js';

export interface MutationScope {
  readonly trx: Transaction<Database>;
  readonly viewer: Viewer;
  /** Records what changed; the entry commits or rolls back with the change. */
  readonly audit: (record: Omit<AuditRecord, 'operation'>) => Promise<void>;
}

/**
 * Every mutation runs here: one transaction for the change and its audit entries, so bad input or
 * a refused rule leaves nothing half-written. A typed error thrown inside rolls back and reaches the
 * client as the mutation's error result.
 */
export async function runMutation<T>(
  context: Context,
  operation: string,
  work: (scope: MutationScope) => Promise<T>,
): Promise<T> {
  const viewer = context.viewer;
  if (!viewer) throw new ForbiddenError('Sign in first, or send an API token');
  if (!viewer.canWrite) throw new ForbiddenError('This API token is read-only');
  const result = await context.pool.transaction().execute((trx) =>
    context.inTransaction(trx, () =>
      work({
        trx,
        viewer,
        audit: (record) => writeAuditEntry(trx, viewer, { ...record, operation }),
      }),
    ),
  );
  // The change may have made the viewer a party to something new, and what was read before it
  // is stale: decide and answer on fresh data from now on, the objects loaded by ID (Pothos'
  // node loaders) as much as our own lists.
  context.access.refresh();
  for (const loader of context.loaded) loader.clearAll();
  clearAllDataLoaders(context);
  return result;
}
