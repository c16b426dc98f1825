import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrator.js';
import { loadDemo } from '../src/demo/seed.js';
import { TEMPLATE_SUFFIX, withAdminClient } from './postgres-admin.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dumped PGlite data folder, migrated and holding the demo: each test file starts from it. */
    pgliteTemplate: string;
    /** The PostgreSQL database each test file clones, when TEST_DATABASE_URL is set. */
    postgresTemplate: string | null;
  }
}

/**
 * Migrates once per run and keeps the result as a template: PGlite takes seconds to start and
 * migrate, loading a dump takes under one; PostgreSQL clones a template database in milliseconds.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const folder = mkdtempSync(join(tmpdir(), 'coop-test-'));
  const pglite = await openPglite();
  await migrateToLatest(pglite.db);
  await loadDemo(pglite.db);
  const dump = await pglite.pglite.dumpDataDir('none');
  const templatePath = join(folder, 'pglite-template.tar');
  writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  project.provide('pgliteTemplate', templatePath);

  const url = process.env.TEST_DATABASE_URL;
  let postgresTemplate: string | null = null;
  if (url) {
    postgresTemplate = `${new URL(url).pathname.slice(1)}${TEMPLATE_SUFFIX}`;
    await withAdminClient(url, async (admin) => {
      await admin.query(`drop database if exists "${postgresTemplate}"`);
      await admin.query(`create database "${postgresTemplate}"`);
    });
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${postgresTemplate}`;
    const postgres = openPostgres({ url: templateUrl.toString() });
    await migrateToLatest(postgres.db);
    await loadDemo(postgres.db);
    await postgres.close();
    console.log(`[test] PostgreSQL tests run on clones of ${postgresTemplate} (TEST_DATABASE_URL)`);
  } else {
    console.log('[test] TEST_DATABASE_URL is not set: database tests run on PGlite only');
  }
  project.provide('postgresTemplate', postgresTemplate);

  return async () => {
    rmSync(folder, { recursive: true, force: true });
    if (url && postgresTemplate) {
      const name = postgresTemplate;
      await withAdminClient(url, (admin) => admin.query(`drop database if exists "${name}"`));
    }
  };
}
