import { sql, type Kysely } from 'kysely';

/**
 * How many changes each convention, and the platform's directory, have committed: what a kept
 * answer was computed from is still what the database holds while these counts have not moved
 * (answer-cache/, docs/architecture.md "Answers kept").
 *
 * The counts move inside the writing transaction, under the counted row's lock, so a reader sees
 * a new count exactly when it can see the change (a sequence would move before the commit). A
 * convention's count moves with each audit entry of the convention: every mutation writes one
 * with its change, in its transaction (mutation.ts). The directory — collectivities,
 * organizations, exchange rates — has no convention, and changes without an entry too (the
 * dataset generator, the demo): its count moves with any statement that writes one of its tables.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('convention_change_count')
    // No foreign key: the count must outlive a convention deleted by the change it counts.
    .addColumn('convention_id', 'integer', (c) => c.primaryKey())
    .addColumn('changes', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('directory_change_count')
    .addColumn('single', 'boolean', (c) =>
      c
        .primaryKey()
        .defaultTo(true)
        .check(sql`single`),
    )
    .addColumn('changes', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into directory_change_count (changes) values (0)`.execute(db);

  await sql`
    create function count_convention_change() returns trigger language plpgsql as $$
    begin
      if new.convention_id is not null then
        insert into convention_change_count (convention_id, changes) values (new.convention_id, 1)
        on conflict (convention_id)
        do update set changes = convention_change_count.changes + 1;
      end if;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger audit_entry_counts_change after insert on audit_entry
    for each row execute function count_convention_change()`.execute(db);

  await sql`
    create function count_directory_change() returns trigger language plpgsql as $$
    begin
      update directory_change_count set changes = changes + 1;
      return null;
    end
    $$`.execute(db);
  for (const table of DIRECTORY_TABLES) {
    await sql`
      create trigger ${sql.id(`${table}_counts_change`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function count_directory_change()`.execute(db);
  }
}

/** What the pages of one convention show that no convention owns. */
const DIRECTORY_TABLES = ['collectivity', 'organization', 'exchange_rate'] as const;

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of DIRECTORY_TABLES) {
    await sql`drop trigger ${sql.id(`${table}_counts_change`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop trigger audit_entry_counts_change on audit_entry`.execute(db);
  await sql`drop function count_directory_change()`.execute(db);
  await sql`drop function count_convention_change()`.execute(db);
  await db.schema.dropTable('directory_change_count').execute();
  await db.schema.dropTable('convention_change_count').execute();
}
