import { sql } from 'kysely';
import { partyToColumn } from '../access/visibility.js';
import type { Executor } from '../db/database.js';
import type { ApiTokenRow, TokenAccess } from '../db/tables/platform.js';

export interface TokenHolder {
  tokenId: number;
  name: string;
  access: TokenAccess;
  collectivityId: number;
  timeZone: string;
  lastUsedAt: Date | null;
  partyTo: number[];
}

/** The live token with this hash: not revoked, not expired. */
export async function findLiveToken(
  db: Executor,
  tokenHash: string,
): Promise<TokenHolder | undefined> {
  return db
    .selectFrom('api_token')
    .innerJoin('collectivity', 'collectivity.id', 'api_token.collectivity_id')
    .select([
      'api_token.id as tokenId',
      'api_token.name as name',
      'api_token.access as access',
      'api_token.collectivity_id as collectivityId',
      'collectivity.time_zone as timeZone',
      'api_token.last_used_at as lastUsedAt',
      partyToColumn('api_token.collectivity_id').as('partyTo'),
    ])
    .where('api_token.token_hash', '=', tokenHash)
    .where('api_token.revoked_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('api_token.expires_at', 'is', null),
        eb('api_token.expires_at', '>', sql<Date>`now()`),
      ]),
    )
    .executeTakeFirst();
}

export async function touchToken(db: Executor, tokenId: number): Promise<void> {
  await db
    .updateTable('api_token')
    .set({ last_used_at: sql<Date>`now()` })
    .where('id', '=', tokenId)
    .execute();
}

export async function insertApiToken(
  db: Executor,
  token: {
    collectivityId: number;
    createdBy: number | null;
    name: string;
    tokenHash: string;
    access: TokenAccess;
    expiresAt: Date | null;
  },
): Promise<ApiTokenRow> {
  return db
    .insertInto('api_token')
    .values({
      collectivity_id: token.collectivityId,
      created_by: token.createdBy,
      name: token.name,
      token_hash: token.tokenHash,
      access: token.access,
      expires_at: token.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findApiTokensOfCollectivity(
  db: Executor,
  collectivityId: number,
  ids?: readonly number[],
): Promise<ApiTokenRow[]> {
  let query = db
    .selectFrom('api_token')
    .selectAll()
    .where('collectivity_id', '=', collectivityId)
    .orderBy('id');
  if (ids) {
    if (ids.length === 0) return [];
    query = query.where('id', 'in', ids);
  }
  return query.execute();
}

export async function revokeApiToken(db: Executor, id: number): Promise<ApiTokenRow | undefined> {
  return db
    .updateTable('api_token')
    .set({ revoked_at: sql<Date>`coalesce(revoked_at, now())` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}
