import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase } from '../../test/engines.js';

/**
 * Foreign keys that may go without an index of their own: nothing reads by them, and the row they
 * point at is never deleted (so PostgreSQL never looks them up either). Any other foreign key
 * needs an index starting with its column: a page reading by it would otherwise scan the whole
 * country (the national-scale benchmark found two such scans).
 */
const UNINDEXED_BY_DESIGN = [
  'action_organization.organization_id', // read with action_id first (its index)
  'approval.account_id', // who clicked: shown, never searched
  'approval.collectivity_id', // read by subject
  'audit_entry.actor_account_id', // the audit trail is read by convention
  'audit_entry.actor_collectivity_id',
  'audit_entry.actor_token_id',
  'api_token.created_by',
  'calendar_feed.created_by',
  'contribution.collectivity_id', // read by action
  'contribution.organization_id',
  'deliberation.collectivity_id', // read by convention
  'evaluation_axis_narrative.axis_id', // read by evaluation
  'indicator.axis_id', // read by convention
  'measurement.collectivity_id', // read by indicator (its unique key starts with indicator_id)
  'mission.action_id', // read by convention
  'mission.host_collectivity_id',
  'mission.origin_collectivity_id',
  'mission_cost.payer_collectivity_id', // read by mission
  'staff_assignment.collectivity_id', // read by action
];

for (const engine of ENGINES) {
  describe(`indexes on ${engine}`, () => {
    it('every foreign key that is read by has an index starting with its column', async () => {
      const connection = await openTestDatabase(engine);
      try {
        const { rows } = await sql<{ key: string }>`
          select c.conrelid::regclass::text || '.' || a.attname as key
          from pg_constraint c
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
          where c.contype = 'f'
            and c.connamespace = 'public'::regnamespace
            and not exists (
              select 1 from pg_index i
              where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1] and i.indpred is null
            )
          order by 1
        `.execute(connection.db);
        expect(rows.map((row) => row.key)).toEqual([...UNINDEXED_BY_DESIGN].sort());
      } finally {
        await connection.close();
      }
    });
  });
}
