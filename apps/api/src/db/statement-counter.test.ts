import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase } from '../../test/engines.js';
import type { Connection } from './connection.js';
import { StatementCounter } from './statement-counter.js';

for (const engine of ENGINES) {
  describe(`counting SQL statements on ${engine}`, () => {
    let connection: Connection;
    beforeAll(async () => {
      connection = await openTestDatabase(engine);
    });
    afterAll(async () => {
      await connection.close();
    });

    it('counts each statement sent once, whatever subqueries it holds', async () => {
      const counter = new StatementCounter();
      const db = connection.db.withPlugin(counter);
      // Subqueries built on the counted database, as the repositories build them.
      const parties = db
        .selectFrom('convention_party')
        .select('convention_id')
        .where('collectivity_id', 'in', db.selectFrom('collectivity').select('id'));
      await db
        .selectFrom(db.selectFrom('convention').selectAll().as('listed'))
        .select('id')
        .where('id', 'in', parties)
        .execute();
      expect(counter.count).toBe(1);
      await sql`select 1`.execute(db);
      await db.transaction().execute(async (trx) => {
        await trx.selectFrom('axis').select('id').limit(1).execute();
        await trx.selectFrom('action').select('id').limit(1).execute();
      });
      expect(counter.count).toBe(4);
    });
  });
}
