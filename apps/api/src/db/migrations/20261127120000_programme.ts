import { sql, type Kysely } from 'kysely';

/**
 * Everything under a convention (A3–A6): actions and their budgets, specific conventions,
 * organisations and participatory activities, missions, indicators, evaluations, joint approvals,
 * exchange rates; and the platform's own: API tokens, calendar feeds, the audit log.
 * Money is bigint minor units beside its ISO 4217 currency (A4.6), never a float.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('convention')
    .addColumn('reporting_currency', 'char(3)', (c) => c.notNull().defaultTo('EUR'))
    .addColumn('funder_cap_percent', 'integer', (c) =>
      c.defaultTo(50).check(sql`funder_cap_percent between 0 and 100`),
    )
    .addColumn('minimum_party_share_percent', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`minimum_party_share_percent between 0 and 100`),
    )
    .execute();

  await db.schema
    .createTable('organization')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('country_code', 'char(2)')
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('GOVERNMENT', 'MULTILATERAL', 'PUBLIC_BODY', 'ASSOCIATION', 'UNIVERSITY', 'COMPANY', 'OTHER')`,
        ),
    )
    .addColumn('iati_identifier', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('organization_name_idx')
    .on('organization')
    .expression(sql`lower(name)`)
    .execute();

  await db.schema
    .createTable('action')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('convention_id', 'integer', (c) =>
      c.notNull().references('convention.id').onDelete('cascade'),
    )
    .addColumn('axis_id', 'integer', (c) => c.notNull().references('axis.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('PLANNED')
        .check(sql`status in ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')`),
    )
    .addColumn('start_date', 'date')
    .addColumn('end_date', 'date')
    .addColumn('dac_sector', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    /** The joint-approval version of the budget: any change to a line or contribution bumps it. */
    .addColumn('budget_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'action_dates_check',
      sql`start_date is null or end_date is null or start_date <= end_date`,
    )
    .execute();
  await db.schema
    .createIndex('action_convention_idx')
    .on('action')
    .columns(['convention_id', 'id'])
    .execute();
  await db.schema.createIndex('action_axis_idx').on('action').column('axis_id').execute();

  await db.schema
    .createTable('specific_convention')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('action_id', 'integer', (c) =>
      c.notNull().unique().references('action.id').onDelete('cascade'),
    )
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('expense_line')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('action_id', 'integer', (c) =>
      c.notNull().references('action.id').onDelete('cascade'),
    )
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn('executed_amount', 'bigint', (c) => c.check(sql`executed_amount >= 0`))
    .addColumn('year', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('expense_line_action_idx')
    .on('expense_line')
    .columns(['action_id', 'id'])
    .execute();

  await db.schema
    .createTable('contribution')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('action_id', 'integer', (c) =>
      c.notNull().references('action.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('PARTY_CASH', 'PARTY_IN_KIND', 'FUNDER')`),
    )
    .addColumn('collectivity_id', 'integer', (c) => c.references('collectivity.id'))
    .addColumn('organization_id', 'integer', (c) => c.references('organization.id'))
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('funding_status', 'text', (c) =>
      c.check(sql`funding_status in ('REQUESTED', 'GRANTED', 'RECEIVED')`),
    )
    .addColumn('year', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    // A party's own money names the party; a co-funder's names the funder, with a status (A4.3).
    .addCheckConstraint(
      'contribution_source_check',
      sql`(kind = 'FUNDER' and organization_id is not null and collectivity_id is null and funding_status is not null)
        or (kind <> 'FUNDER' and collectivity_id is not null and organization_id is null and funding_status is null)`,
    )
    .execute();
  await db.schema
    .createIndex('contribution_action_idx')
    .on('contribution')
    .columns(['action_id', 'id'])
    .execute();

  await db.schema
    .createTable('staff_assignment')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('action_id', 'integer', (c) =>
      c.notNull().references('action.id').onDelete('cascade'),
    )
    .addColumn('collectivity_id', 'integer', (c) => c.notNull().references('collectivity.id'))
    .addColumn('role', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('days', 'numeric(8, 2)', (c) => c.notNull().check(sql`days > 0`))
    .addColumn('daily_cost', 'bigint', (c) => c.notNull().check(sql`daily_cost >= 0`))
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('staff_assignment_action_idx')
    .on('staff_assignment')
    .columns(['action_id', 'id'])
    .execute();

  await db.schema
    .createTable('action_organization')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('action_id', 'integer', (c) =>
      c.notNull().references('action.id').onDelete('cascade'),
    )
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organization.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addUniqueConstraint('action_organization_key', ['action_id', 'organization_id', 'role'])
    .execute();

  await db.schema
    .createTable('participatory_activity')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('action_id', 'integer', (c) =>
      c.notNull().references('action.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('INFORMATION', 'CONSULTATION', 'COLLABORATION')`),
    )
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('participants', 'integer', (c) => c.notNull().check(sql`participants >= 0`))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('participatory_activity_action_idx')
    .on('participatory_activity')
    .column('action_id')
    .execute();

  await db.schema
    .createTable('mission')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('convention_id', 'integer', (c) =>
      c.notNull().references('convention.id').onDelete('cascade'),
    )
    .addColumn('action_id', 'integer', (c) => c.references('action.id').onDelete('set null'))
    .addColumn('origin_collectivity_id', 'integer', (c) =>
      c.notNull().references('collectivity.id'),
    )
    .addColumn('host_collectivity_id', 'integer', (c) => c.notNull().references('collectivity.id'))
    .addColumn('departure_date', 'date', (c) => c.notNull())
    .addColumn('return_date', 'date', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('mission_dates_check', sql`departure_date <= return_date`)
    .addCheckConstraint(
      'mission_parties_check',
      sql`origin_collectivity_id <> host_collectivity_id`,
    )
    .execute();
  await db.schema
    .createIndex('mission_convention_idx')
    .on('mission')
    .columns(['convention_id', 'id'])
    .execute();

  await db.schema
    .createTable('delegate')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('mission_id', 'integer', (c) =>
      c.notNull().references('mission.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) =>
      c.notNull().check(sql`category in ('ELECTED', 'TECHNICIAN', 'YOUTH', 'ARTIST', 'OTHER')`),
    )
    .addColumn('position', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('delegate_mission_idx').on('delegate').column('mission_id').execute();

  await db.schema
    .createTable('mission_cost')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('mission_id', 'integer', (c) =>
      c.notNull().references('mission.id').onDelete('cascade'),
    )
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    /** Set only for an exception to the shared-cost rule (A4.5), always with its written reason. */
    .addColumn('payer_collectivity_id', 'integer', (c) => c.references('collectivity.id'))
    .addColumn('exception_reason', 'text')
    .addCheckConstraint(
      'mission_cost_exception_check',
      sql`(payer_collectivity_id is null and exception_reason is null)
        or (payer_collectivity_id is not null and length(trim(exception_reason)) > 0)`,
    )
    .execute();
  await db.schema
    .createIndex('mission_cost_mission_idx')
    .on('mission_cost')
    .column('mission_id')
    .execute();

  await db.schema
    .createTable('indicator')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('convention_id', 'integer', (c) =>
      c.notNull().references('convention.id').onDelete('cascade'),
    )
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('baseline', 'numeric(20, 4)', (c) => c.notNull().defaultTo(0))
    .addColumn('direction', 'text', (c) =>
      c
        .notNull()
        .defaultTo('INCREASE')
        .check(sql`direction in ('INCREASE', 'DECREASE')`),
    )
    .addColumn('aggregation', 'text', (c) =>
      c
        .notNull()
        .defaultTo('SUM')
        .check(sql`aggregation in ('SUM', 'LAST', 'AVERAGE', 'MAX')`),
    )
    .addColumn('computed_kind', 'text')
    .addColumn('axis_id', 'integer', (c) => c.references('axis.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('indicator_code_key', ['convention_id', 'code'])
    .execute();

  await db.schema
    .createTable('indicator_target')
    .addColumn('indicator_id', 'integer', (c) =>
      c.notNull().references('indicator.id').onDelete('cascade'),
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('value', 'numeric(20, 4)', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_target_pkey', ['indicator_id', 'year'])
    .execute();

  await db.schema
    .createTable('measurement')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('indicator_id', 'integer', (c) =>
      c.notNull().references('indicator.id').onDelete('cascade'),
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('value', 'numeric(20, 4)', (c) => c.notNull())
    /** A party measures only in its own name (A6, "Access"). */
    .addColumn('collectivity_id', 'integer', (c) => c.notNull().references('collectivity.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('measurement_key', ['indicator_id', 'year', 'collectivity_id'])
    .execute();

  await db.schema
    .createTable('evaluation')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('convention_id', 'integer', (c) =>
      c.notNull().references('convention.id').onDelete('cascade'),
    )
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('ANNUAL', 'PROGRAMME')`))
    /** The programme year of an annual evaluation; the term number of a programme evaluation. */
    .addColumn('year', 'integer')
    .addColumn('term_number', 'integer')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('DRAFT')
        .check(sql`status in ('DRAFT', 'SUBMITTED', 'APPROVED')`),
    )
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('approved_at', 'timestamptz')
    .addColumn('communicated_on', 'date')
    .addColumn('communicated_to', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'evaluation_scope_period_check',
      sql`(scope = 'ANNUAL' and year is not null and term_number is null)
        or (scope = 'PROGRAMME' and term_number is not null and year is null)`,
    )
    .execute();
  await db.schema
    .createIndex('evaluation_annual_key')
    .on('evaluation')
    .columns(['convention_id', 'year'])
    .unique()
    .where(sql.ref('scope'), '=', 'ANNUAL')
    .execute();
  await db.schema
    .createIndex('evaluation_programme_key')
    .on('evaluation')
    .columns(['convention_id', 'term_number'])
    .unique()
    .where(sql.ref('scope'), '=', 'PROGRAMME')
    .execute();

  await db.schema
    .createTable('evaluation_axis_narrative')
    .addColumn('evaluation_id', 'integer', (c) =>
      c.notNull().references('evaluation.id').onDelete('cascade'),
    )
    .addColumn('axis_id', 'integer', (c) => c.notNull().references('axis.id').onDelete('cascade'))
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('evaluation_axis_narrative_pkey', ['evaluation_id', 'axis_id'])
    .execute();

  /** Per-party approvals of a jointly decided subject, per version ("d'un commun accord"). */
  await db.schema
    .createTable('approval')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('subject_type', 'text', (c) =>
      c.notNull().check(sql`subject_type in ('BUDGET', 'INDICATOR', 'EVALUATION')`),
    )
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('collectivity_id', 'integer', (c) => c.notNull().references('collectivity.id'))
    .addColumn('account_id', 'integer', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('approved_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('approval_key', [
      'subject_type',
      'subject_id',
      'version',
      'collectivity_id',
    ])
    .execute();

  /**
   * Dated rates "1 from = rate to". A convention's own rates, agreed by its parties, come before the
   * platform's (convention_id null), which only a platform administrator records.
   */
  await db.schema
    .createTable('exchange_rate')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('convention_id', 'integer', (c) => c.references('convention.id').onDelete('cascade'))
    .addColumn('from_currency', 'char(3)', (c) => c.notNull())
    .addColumn('to_currency', 'char(3)', (c) => c.notNull())
    .addColumn('rate', 'numeric(24, 10)', (c) => c.notNull().check(sql`rate > 0`))
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('exchange_rate_currencies_check', sql`from_currency <> to_currency`)
    .execute();
  await db.schema
    .createIndex('exchange_rate_key')
    .on('exchange_rate')
    .expression(sql`coalesce(convention_id, 0), from_currency, to_currency, valid_from`)
    .unique()
    .execute();

  await db.schema
    .createTable('api_token')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('collectivity_id', 'integer', (c) => c.notNull().references('collectivity.id'))
    .addColumn('created_by', 'integer', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('access', 'text', (c) => c.notNull().check(sql`access in ('READ', 'READ_WRITE')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('last_used_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('api_token_collectivity_idx')
    .on('api_token')
    .column('collectivity_id')
    .execute();

  await db.schema
    .createTable('calendar_feed')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('collectivity_id', 'integer', (c) => c.notNull().references('collectivity.id'))
    .addColumn('created_by', 'integer', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('audit_entry')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('convention_id', 'integer', (c) => c.references('convention.id').onDelete('cascade'))
    .addColumn('actor_collectivity_id', 'integer', (c) => c.references('collectivity.id'))
    .addColumn('actor_account_id', 'integer', (c) =>
      c.references('account.id').onDelete('set null'),
    )
    .addColumn('actor_token_id', 'integer', (c) =>
      c.references('api_token.id').onDelete('set null'),
    )
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer')
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .execute();
  await db.schema
    .createIndex('audit_entry_convention_idx')
    .on('audit_entry')
    .columns(['convention_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_entry',
    'calendar_feed',
    'api_token',
    'exchange_rate',
    'approval',
    'evaluation_axis_narrative',
    'evaluation',
    'measurement',
    'indicator_target',
    'indicator',
    'mission_cost',
    'delegate',
    'mission',
    'participatory_activity',
    'action_organization',
    'staff_assignment',
    'contribution',
    'expense_line',
    'specific_convention',
    'action',
    'organization',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema
    .alterTable('convention')
    .dropColumn('reporting_currency')
    .dropColumn('funder_cap_percent')
    .dropColumn('minimum_party_share_percent')
    .execute();
}
