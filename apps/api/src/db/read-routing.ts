import type { Viewer } from '../access/viewer.js';
import type { Db } from './database.js';

/** What a server reads and writes: the primary, and optionally a streaming replica. */
export interface Databases {
  /** Every write, every sign-in, and the reads of whoever can write. */
  readonly primary: Db;
  /** DATABASE_READ_URL: the reads of read-only API tokens; null without a replica. */
  readonly replica: Db | null;
}

/**
 * Where a request reads from. Read-only API tokens — the reporting tools of partners and
 * co-funders, most of the reads of a national platform — read from the replica: they never write,
 * so there is no write of their own they could miss, and a replica a moment behind shows them what
 * the primary showed a moment before. Whoever can write (the admin app's sessions, read-write
 * tokens) reads from the primary, so that what they saved is what they see next. The lookup of the
 * token or session itself is always on the primary: a revoked token stops at once.
 */
export function readDatabaseOf(viewer: Viewer | null, databases: Databases): Db {
  return databases.replica && viewer?.kind === 'token' && !viewer.canWrite
    ? databases.replica
    : databases.primary;
}
