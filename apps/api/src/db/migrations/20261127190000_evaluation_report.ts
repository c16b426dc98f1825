import { sql, type Kysely } from 'kysely';

/**
 * The report of an evaluation as it was submitted: the parties approve one version (joint
 * approval), so the figures they approve, and later communicate to their councils, must not move
 * when a measurement or a budget line changes afterwards. A draft's report is computed from the
 * data as it stands; a revision back to draft drops the frozen one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evaluation_report')
    .addColumn('evaluation_id', 'integer', (col) =>
      col.primaryKey().references('evaluation.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (col) => col.notNull())
    // json, not jsonb: jsonb reorders an object's keys, and the report's order is what is shown.
    .addColumn('report', 'json', (col) => col.notNull())
    .addColumn('frozen_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('evaluation_report').execute();
}
