import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { CalendarFeedRow } from '../db/tables/platform.js';

export async function insertCalendarFeed(
  db: Executor,
  feed: { collectivityId: number; createdBy: number | null; name: string; tokenHash: string },
): Promise<CalendarFeedRow> {
  return db
    .insertInto('calendar_feed')
    .values({
      collectivity_id: feed.collectivityId,
      created_by: feed.createdBy,
      name: feed.name,
      token_hash: feed.tokenHash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A collectivity's feeds (all, or those among `ids`), revoked ones included, oldest first. */
export async function findCalendarFeedsOfCollectivity(
  db: Executor,
  collectivityId: number,
  ids?: readonly number[],
): Promise<CalendarFeedRow[]> {
  let query = db
    .selectFrom('calendar_feed')
    .selectAll()
    .where('collectivity_id', '=', collectivityId)
    .orderBy('id');
  if (ids) {
    if (ids.length === 0) return [];
    query = query.where('id', 'in', ids);
  }
  return query.execute();
}

export async function revokeCalendarFeed(
  db: Executor,
  id: number,
): Promise<CalendarFeedRow | undefined> {
  return db
    .updateTable('calendar_feed')
    .set({ revoked_at: sql<Date>`coalesce(revoked_at, now())` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export interface FeedHolder {
  readonly feedId: number;
  readonly collectivityId: number;
  readonly collectivityName: string;
  readonly timeZone: string;
}

/** The feed behind a secret, unless revoked: whose deadlines it shows. */
export async function findLiveCalendarFeed(
  db: Executor,
  tokenHash: string,
): Promise<FeedHolder | undefined> {
  return db
    .selectFrom('calendar_feed')
    .innerJoin('collectivity', 'collectivity.id', 'calendar_feed.collectivity_id')
    .select([
      'calendar_feed.id as feedId',
      'calendar_feed.collectivity_id as collectivityId',
      'collectivity.name as collectivityName',
      'collectivity.time_zone as timeZone',
    ])
    .where('calendar_feed.token_hash', '=', tokenHash)
    .where('calendar_feed.revoked_at', 'is', null)
    .executeTakeFirst();
}
