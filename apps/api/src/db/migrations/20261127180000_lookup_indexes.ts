import type { Kysely } from 'kysely';

/**
 * Two lists read by convention had no index of their own: the national-scale benchmark showed
 * each convention page scanning every evaluation of the country (partial unique indexes on
 * `(convention_id, year)` do not serve a query without their `scope` predicate), and every
 * report scanning every exchange rate (the unique index starts with an expression). Sessions
 * (ended per account) and calendar feeds (listed per collectivity) grow with the country too.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('evaluation_convention_idx')
    .on('evaluation')
    .column('convention_id')
    .execute();
  // A btree also answers `convention_id is null`: the platform's own rates.
  await db.schema
    .createIndex('exchange_rate_convention_idx')
    .on('exchange_rate')
    .column('convention_id')
    .execute();
  await db.schema.createIndex('session_account_idx').on('session').column('account_id').execute();
  await db.schema
    .createIndex('calendar_feed_collectivity_idx')
    .on('calendar_feed')
    .column('collectivity_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('calendar_feed_collectivity_idx').execute();
  await db.schema.dropIndex('session_account_idx').execute();
  await db.schema.dropIndex('exchange_rate_convention_idx').execute();
  await db.schema.dropIndex('evaluation_convention_idx').execute();
}
