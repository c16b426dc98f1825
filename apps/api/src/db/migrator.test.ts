import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase } from '../../test/engines.js';
import { migrateToLatest } from './migrator.js';
import { migrations } from './migrations/index.js';

for (const engine of ENGINES) {
  describe(`migrations on ${engine}`, () => {
    it('run from an empty database, undo completely, and run again', async () => {
      const connection = await openTestDatabase(engine, { empty: true });
      try {
        const { db } = connection;
        expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
        expect(await migrateToLatest(db)).toEqual([]);

        const migrator = new Migrator({
          db,
          provider: { getMigrations: () => Promise.resolve(migrations) },
        });
        for (let step = 0; step < Object.keys(migrations).length; step++) {
          const { error } = await migrator.migrateDown();
          expect(error).toBeUndefined();
        }
        const { rows } = await sql<{ count: number }>`
          select count(*)::int as count from information_schema.tables
          where table_schema = 'public' and table_name not like 'kysely_%'
        `.execute(db);
        expect(rows[0]?.count).toBe(0);

        expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
      } finally {
        await connection.close();
      }
    });
  });
}
