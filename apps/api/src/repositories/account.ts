import { sql } from 'kysely';
import { partyToColumn } from '../access/visibility.js';
import type { Executor } from '../db/database.js';
import type { AccountRow, NewAccount, Role } from '../db/tables/account.js';

export async function insertAccount(db: Executor, row: NewAccount): Promise<AccountRow> {
  return db.insertInto('account').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The account with this email (any case), with its collectivity's time zone. */
export async function findAccountByEmail(
  db: Executor,
  email: string,
): Promise<(AccountRow & { time_zone: string }) | undefined> {
  return db
    .selectFrom('account')
    .innerJoin('collectivity', 'collectivity.id', 'account.collectivity_id')
    .selectAll('account')
    .select('collectivity.time_zone')
    .where(sql<string>`lower(account.email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

export interface SessionAccount {
  accountId: number;
  email: string;
  displayName: string;
  role: Role;
  collectivityId: number;
  timeZone: string;
  /** The conventions its collectivity is party to (access/visibility.ts). */
  partyTo: number[];
}

export async function insertSession(
  db: Executor,
  session: { accountId: number; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('session')
    .values({
      account_id: session.accountId,
      token_hash: session.tokenHash,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The live account behind a session cookie, in one statement; none once expired or disabled. */
export async function findSessionAccount(
  db: Executor,
  tokenHash: string,
): Promise<SessionAccount | undefined> {
  return db
    .selectFrom('session')
    .innerJoin('account', 'account.id', 'session.account_id')
    .innerJoin('collectivity', 'collectivity.id', 'account.collectivity_id')
    .select([
      'collectivity.time_zone as timeZone',
      'account.id as accountId',
      'account.email as email',
      'account.display_name as displayName',
      'account.role as role',
      'account.collectivity_id as collectivityId',
      partyToColumn('account.collectivity_id').as('partyTo'),
    ])
    .where('session.token_hash', '=', tokenHash)
    .where('session.expires_at', '>', sql<Date>`now()`)
    .where('account.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

export async function recordFailedLogin(
  db: Executor,
  email: string,
  address: string,
): Promise<void> {
  await db
    .insertInto('login_attempt')
    .values({ email: email.trim().toLowerCase(), address })
    .execute();
}

/** Failures within the window, for this account and for this address, in one statement. */
export async function countRecentFailedLogins(
  db: Executor,
  email: string,
  address: string,
  windowSeconds: number,
): Promise<{ forAccount: number; forAddress: number }> {
  const row = await db
    .selectFrom('login_attempt')
    .select([
      sql<number>`(count(*) filter (where email = ${email.trim().toLowerCase()}))::int`.as(
        'forAccount',
      ),
      sql<number>`(count(*) filter (where address = ${address}))::int`.as('forAddress'),
    ])
    .where('attempted_at', '>', sql<Date>`now() - make_interval(secs => ${windowSeconds})`)
    .where((eb) =>
      eb.or([eb('email', '=', email.trim().toLowerCase()), eb('address', '=', address)]),
    )
    .executeTakeFirstOrThrow();
  return row;
}

export async function clearFailedLogins(db: Executor, email: string): Promise<void> {
  await db.deleteFrom('login_attempt').where('email', '=', email.trim().toLowerCase()).execute();
}

export async function findAccountsOfCollectivity(
  db: Executor,
  collectivityId: number,
  ids?: readonly number[],
): Promise<AccountRow[]> {
  let query = db
    .selectFrom('account')
    .selectAll()
    .where('collectivity_id', '=', collectivityId)
    .orderBy('id');
  if (ids) {
    if (ids.length === 0) return [];
    query = query.where('id', 'in', ids);
  }
  return query.execute();
}

export async function findAccountById(db: Executor, id: number): Promise<AccountRow | undefined> {
  return db.selectFrom('account').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateAccount(
  db: Executor,
  id: number,
  changes: {
    role?: Role;
    display_name?: string;
    disabled_at?: Date | null;
    password_hash?: string;
  },
): Promise<AccountRow> {
  return db
    .updateTable('account')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Signs an account out everywhere: after a password change, or when it is disabled. */
export async function deleteSessionsOf(
  db: Executor,
  accountId: number,
  except?: string,
): Promise<void> {
  let query = db.deleteFrom('session').where('account_id', '=', accountId);
  if (except) query = query.where('token_hash', '<>', except);
  await query.execute();
}
