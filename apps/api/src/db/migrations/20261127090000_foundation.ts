import { sql, type Kysely } from 'kysely';

/** Collectivities, accounts and sessions, conventions with their parties, deliberations, renewals and axes. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('collectivity')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('country_code', 'char(2)', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('collectivity_name_idx')
    .on('collectivity')
    .expression(sql`lower(name)`)
    .execute();

  await db.schema
    .createTable('account')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('collectivity_id', 'integer', (c) => c.notNull().references('collectivity.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('VIEWER', 'EDITOR', 'ADMIN', 'PLATFORM_ADMIN')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('disabled_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('account_email_key')
    .on('account')
    .expression(sql`lower(email)`)
    .unique()
    .execute();
  await db.schema
    .createIndex('account_collectivity_idx')
    .on('account')
    .column('collectivity_id')
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('account.id').onDelete('cascade'),
    )
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('login_attempt')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('attempted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('login_attempt_email_idx')
    .on('login_attempt')
    .columns(['email', 'attempted_at'])
    .execute();
  await db.schema
    .createIndex('login_attempt_address_idx')
    .on('login_attempt')
    .columns(['address', 'attempted_at'])
    .execute();

  await db.schema
    .createTable('convention')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('object', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('preamble', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('duration_years', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(5)
        .check(sql`duration_years between 1 and 99`),
    )
    .addColumn('signature_place', 'text')
    .addColumn('signature_date', 'date')
    .addColumn('signature_originals', 'integer', (c) => c.check(sql`signature_originals > 0`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('convention_party')
    .addColumn('convention_id', 'integer', (c) =>
      c.notNull().references('convention.id').onDelete('cascade'),
    )
    .addColumn('collectivity_id', 'integer', (c) => c.notNull().references('collectivity.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('signatory_name', 'text')
    .addColumn('signatory_office', 'text')
    .addPrimaryKeyConstraint('convention_party_pkey', ['convention_id', 'collectivity_id'])
    .execute();
  // Access is decided by party membership: "which conventions is this collectivity party to".
  await db.schema
    .createIndex('convention_party_collectivity_idx')
    .on('convention_party')
    .columns(['collectivity_id', 'convention_id'])
    .execute();

  await db.schema
    .createTable('deliberation')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('convention_id', 'integer', (c) =>
      c.notNull().references('convention.id').onDelete('cascade'),
    )
    .addColumn('collectivity_id', 'integer', (c) => c.notNull().references('collectivity.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('AUTHORISATION', 'RENEWAL', 'OTHER')`),
    )
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('deliberation_convention_idx')
    .on('deliberation')
    .columns(['convention_id', 'date'])
    .execute();

  await db.schema
    .createTable('renewal')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('convention_id', 'integer', (c) =>
      c.notNull().references('convention.id').onDelete('cascade'),
    )
    .addColumn('term_number', 'integer', (c) => c.notNull().check(sql`term_number >= 2`))
    .addColumn('decided_on', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('renewal_term_key', ['convention_id', 'term_number'])
    .execute();

  await db.schema
    .createTable('axis')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('convention_id', 'integer', (c) =>
      c.notNull().references('convention.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('period_start', 'date', (c) => c.notNull())
    .addColumn('period_end', 'date', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('axis_period_check', sql`period_start <= period_end`)
    .execute();
  await db.schema
    .createIndex('axis_convention_idx')
    .on('axis')
    .columns(['convention_id', 'position'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'axis',
    'renewal',
    'deliberation',
    'convention_party',
    'convention',
    'login_attempt',
    'session',
    'account',
    'collectivity',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
