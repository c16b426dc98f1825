import type { Kysely, Transaction } from 'kysely';
import type { AccountTable, LoginAttemptTable, SessionTable } from './tables/account.js';
import type { CollectivityTable } from './tables/collectivity.js';
import type {
  AxisTable,
  ConventionPartyTable,
  ConventionTable,
  DeliberationTable,
  RenewalTable,
} from './tables/convention.js';

/** Every table Coop keeps, the same on PostgreSQL and on PGlite. */
export interface Database {
  collectivity: CollectivityTable;
  account: AccountTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  convention: ConventionTable;
  convention_party: ConventionPartyTable;
  deliberation: DeliberationTable;
  renewal: RenewalTable;
  axis: AxisTable;
}

/** What a repository function reads or writes through: the pool, or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;
export type Db = Kysely<Database>;
