import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, inject } from 'vitest';
import { openPglite, openPostgres, type Connection, type Engine } from '../src/db/connection.js';
import type { Db } from '../src/db/database.js';
import { createApp, type App } from '../src/yoga.js';
import { withAdminClient } from './postgres-admin.js';

/** Every engine the database tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const ENGINES: readonly Engine[] = inject('postgresTemplate')
  ? ['pglite', 'postgres']
  : ['pglite'];

/**
 * A fresh database private to the calling test file: holding the migrated demo, or, with
 * `empty`, nothing at all (for the migrations' own tests).
 */
export async function openTestDatabase(
  engine: Engine,
  options: { empty?: boolean } = {},
): Promise<Connection & { url?: string }> {
  if (engine === 'pglite') {
    if (options.empty) return openPglite();
    const template = new Blob([readFileSync(inject('pgliteTemplate'))]);
    return openPglite({ loadDataDir: template });
  }
  const url = process.env.TEST_DATABASE_URL;
  const template = inject('postgresTemplate');
  if (!url || !template) throw new TypeError('PostgreSQL tests need TEST_DATABASE_URL');
  const name = `coop_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(url, (admin) =>
    admin.query(`create database "${name}"${options.empty ? '' : ` template "${template}"`}`),
  );
  const fileUrl = new URL(url);
  fileUrl.pathname = `/${name}`;
  const connection = openPostgres({ url: fileUrl.toString(), maxConnections: 4 });
  return {
    ...connection,
    url: fileUrl.toString(),
    async close() {
      await connection.close();
      await withAdminClient(url, (admin) =>
        admin.query(`drop database if exists "${name}" with (force)`),
      );
    },
  };
}

export interface TestApp {
  readonly engine: Engine;
  readonly db: Db;
  readonly app: App;
}

/**
 * Opens a database and the app on it before the file's tests, closes both after. Tests in one file
 * share the database: each creates what it changes.
 */
export function useTestApp(engine: Engine): TestApp {
  let connection: Connection | undefined;
  let app: App | undefined;
  beforeAll(async () => {
    connection = await openTestDatabase(engine);
    app = createApp({ db: connection.db, exposeSqlCount: true });
  });
  afterAll(async () => {
    await connection?.close();
  });
  return {
    engine,
    get db() {
      if (!connection) throw new TypeError('the test database is not open yet');
      return connection.db;
    },
    get app() {
      if (!app) throw new TypeError('the app is not created yet');
      return app;
    },
  };
}
