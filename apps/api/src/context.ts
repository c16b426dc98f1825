import { today, type IsoDate } from '@coop/domain';
import type { Transaction } from 'kysely';
import { Access } from './access/policy.js';
import type { Viewer } from './access/viewer.js';
import type { Database, Db, Executor } from './db/database.js';
import { StatementCounter } from './db/statement-counter.js';

/** What every resolver of one request shares. A fresh one per request: loaders cache per request. */
export interface Context {
  /**
   * Where this request reads and writes: the open transaction while a mutation runs, else the
   * database it reads from (db/read-routing.ts: a replica for read-only tokens), and the primary
   * once it has written. Loaders and access checks inside a mutation so see its own writes, and
   * never wait for a second connection (PGlite has only one).
   */
  readonly db: Executor;
  /** The primary itself, counting this request's statements: where transactions start. */
  readonly pool: Db;
  readonly statements: StatementCounter;
  readonly viewer: Viewer | null;
  readonly access: Access;
  /** Today in the viewer's collectivity's time zone: statuses and deadlines are computed for it. */
  readonly today: IsoDate;
  /** The caller's network address, for rate limiting sign-ins. */
  readonly remoteAddress: string;
  readonly secureCookies: boolean;
  /** The request's batch loaders, so that a mutation can forget what was read before it. */
  readonly loaded: Set<{ clearAll(): unknown }>;
  /** Set-Cookie values the response must carry (login, logout). */
  readonly responseCookies: string[];
  /** Runs `work` with `db` pointing at `trx`. */
  inTransaction<T>(trx: Transaction<Database>, work: () => Promise<T>): Promise<T>;
}

export function createContext(options: {
  /** The primary. */
  db: Db;
  /** Where the request reads until it writes (db/read-routing.ts); the primary when absent. */
  reads?: Db;
  viewer: Viewer | null;
  remoteAddress: string;
  secureCookies: boolean;
  statements?: StatementCounter;
}): Context {
  const statements = options.statements ?? new StatementCounter();
  const pool = options.db.withPlugin(statements);
  let reads: Executor =
    options.reads && options.reads !== options.db ? options.reads.withPlugin(statements) : pool;
  let transaction: Transaction<Database> | null = null;
  return {
    // A plain field, switched on the object the resolvers receive: GraphQL Yoga copies the
    // context's fields into its own object, so a getter would be read once, at the copy, and
    // loaders inside a mutation would read outside its transaction (and wait forever on PGlite).
    db: reads,
    pool,
    statements,
    viewer: options.viewer,
    access: new Access(() => transaction ?? reads, options.viewer),
    today: today(options.viewer?.timeZone ?? 'UTC'),
    remoteAddress: options.remoteAddress,
    secureCookies: options.secureCookies,
    responseCookies: [],
    loaded: new Set(),
    async inTransaction(this: { db: Executor }, trx, work) {
      transaction = trx;
      this.db = trx;
      try {
        return await work();
      } finally {
        // A request that wrote reads from the primary from then on: its answer shows the write
        // even when a replica has not replayed it yet.
        transaction = null;
        reads = pool;
        this.db = pool;
      }
    },
  };
}
