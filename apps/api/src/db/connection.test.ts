import { describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase } from '../../test/engines.js';
import { gql, signIn } from '../../test/graphql-client.js';
import { TcpProxy } from '../../test/tcp-proxy.js';
import { createApp } from '../yoga.js';
import { openPostgres } from './connection.js';

describe.skipIf(!ENGINES.includes('postgres'))('when PostgreSQL goes away', () => {
  it('requests fail fast with a masked error, /health says so, and the server recovers by itself', async () => {
    const database = await openTestDatabase('postgres');
    const target = new URL(database.url ?? '');
    const proxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const port = await proxy.start();
    const viaProxy = new URL(target);
    viaProxy.port = String(port);
    const connection = openPostgres({
      url: viaProxy.toString(),
      connectionTimeoutMs: 1000,
      statementTimeoutMs: 2000,
    });
    try {
      const app = createApp({ db: connection.db });
      const cookie = await signIn(app, 'admin@dijon.demo');
      const query = '{ conventions { totalCount } }';
      expect((await gql(app, query, {}, { cookie })).data.conventions.totalCount).toBe(2);

      await proxy.stop();
      const down = await gql(app, query, {}, { cookie });
      expect(down.errors?.[0]).toMatchObject({
        message: 'Unexpected error.',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(JSON.stringify(down)).not.toMatch(/ECONNREFUSED|select|127\.0\.0\.1/i);
      const health = await app.fetch('http://coop.test/health');
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: 'degraded', database: 'unreachable' });

      await proxy.start(port);
      const back = await gql(app, query, {}, { cookie });
      expect(back.data.conventions.totalCount).toBe(2);
      expect((await app.fetch('http://coop.test/health')).status).toBe(200);
    } finally {
      await proxy.stop();
      await connection.close();
      await database.close();
    }
  });

  it('a statement that runs too long is cancelled by the statement timeout', async () => {
    const database = await openTestDatabase('postgres');
    const connection = openPostgres({ url: database.url ?? '', statementTimeoutMs: 200 });
    try {
      const { sql } = await import('kysely');
      await expect(sql`select pg_sleep(2)`.execute(connection.db)).rejects.toThrow(
        /statement timeout/,
      );
      expect(
        (await sql<{ one: number }>`select 1 as one`.execute(connection.db)).rows[0]?.one,
      ).toBe(1);
    } finally {
      await connection.close();
      await database.close();
    }
  });
});

describe.skipIf(!ENGINES.includes('postgres'))('prepared statements', () => {
  it('sends a query shape once per connection as a named statement, and can be turned off', async () => {
    const database = await openTestDatabase('postgres');
    const { sql } = await import('kysely');
    const preparedOf = async (preparedStatements: boolean) => {
      // One connection, so that the second query runs where the first was prepared.
      const connection = openPostgres({
        url: database.url ?? '',
        maxConnections: 1,
        preparedStatements,
      });
      try {
        const read = (id: number) =>
          connection.db.selectFrom('collectivity').select('name').where('id', '=', id).execute();
        expect((await read(1)).length + (await read(2)).length).toBe(2);
        const { rows } = await sql<{ statement: string }>`
          select statement from pg_prepared_statements`.execute(connection.db);
        return rows.map((row) => row.statement);
      } finally {
        await connection.close();
      }
    };
    try {
      const prepared = await preparedOf(true);
      expect(prepared.filter((text) => text.includes('from "collectivity"'))).toHaveLength(1);
      expect(await preparedOf(false)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
