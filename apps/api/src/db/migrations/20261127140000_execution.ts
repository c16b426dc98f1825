import type { Kysely } from 'kysely';

/**
 * What was actually paid or given, beside what was planned: budget execution (A6) and the APD
 * declaration, which counts a collectivity's own funds in the year they were spent.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('contribution')
    .addColumn('executed_amount', 'bigint')
    .addColumn('executed_on', 'date')
    .execute();
  await db.schema
    .alterTable('staff_assignment')
    .addColumn('executed_days', 'numeric(8, 2)')
    .addColumn('executed_on', 'date')
    .execute();
  await db.schema.alterTable('expense_line').addColumn('executed_on', 'date').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('expense_line').dropColumn('executed_on').execute();
  await db.schema
    .alterTable('staff_assignment')
    .dropColumn('executed_days')
    .dropColumn('executed_on')
    .execute();
  await db.schema
    .alterTable('contribution')
    .dropColumn('executed_amount')
    .dropColumn('executed_on')
    .execute();
}
