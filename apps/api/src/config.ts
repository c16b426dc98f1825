import { fileURLToPath } from 'node:url';

/** Everything the server reads from its environment, read once. */
export interface Config {
  /** Set → PostgreSQL through pg; unset → embedded PGlite in `dataDir`. */
  readonly databaseUrl: string | null;
  /**
   * DATABASE_READ_URL (PostgreSQL only): a streaming replica that read-only API tokens read from
   * (db/read-routing.ts). Unset: every request reads from DATABASE_URL.
   */
  readonly databaseReadUrl: string | null;
  readonly dataDir: string;
  readonly port: number;
  /** Demo accounts and data are loaded only in demo mode (on by default with the embedded database). */
  readonly demo: boolean;
  readonly production: boolean;
  /** The built admin app, served at `/`. */
  readonly adminDist: string;
  /** Longest a statement may run, and longest a request waits for a pooled connection. */
  readonly statementTimeoutMs: number;
  readonly connectionTimeoutMs: number;
  /** COOP_SQL_COUNT_HEADER=1: each response says how many SQL statements it took (benchmarks). */
  readonly exposeSqlCount: boolean;
  /**
   * COOP_WORKERS=n (PostgreSQL only): n server processes share the port, one per core. The API
   * keeps no state of its own (sessions, tokens and sign-in limits are in the database), so they
   * are replicas on one machine, exactly as on several.
   */
  readonly workers: number;
  /** COOP_PREPARED_STATEMENTS=0 behind a pooler that cannot keep prepared statements. */
  readonly preparedStatements: boolean;
  /**
   * COOP_ANSWER_CACHE_MB: what each server process may keep of the answers of single-convention
   * queries, in millions of characters of JSON (answer-cache/); 0 keeps none.
   */
  readonly answerCacheMb: number;
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const databaseReadUrl = env.DATABASE_READ_URL?.trim() || null;
  if (databaseReadUrl && !databaseUrl) {
    // A replica replays a primary: the embedded database has none.
    throw new ConfigError('DATABASE_READ_URL needs PostgreSQL as the primary (DATABASE_URL)');
  }
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a port number, got "${env.PORT ?? ''}"`);
  }
  return {
    databaseUrl,
    databaseReadUrl,
    dataDir: env.COOP_DATA_DIR?.trim() || `${repoRoot}.coop-data`,
    port,
    demo:
      env.COOP_DEMO === undefined
        ? databaseUrl === null
        : env.COOP_DEMO === '1' || env.COOP_DEMO === 'true',
    production: env.NODE_ENV === 'production',
    adminDist: env.COOP_ADMIN_DIST?.trim() || `${repoRoot}apps/admin/dist`,
    statementTimeoutMs: Number(env.COOP_STATEMENT_TIMEOUT_MS ?? 10_000),
    connectionTimeoutMs: Number(env.COOP_CONNECTION_TIMEOUT_MS ?? 5_000),
    exposeSqlCount: env.COOP_SQL_COUNT_HEADER === '1',
    workers: workersOf(env.COOP_WORKERS, databaseUrl),
    preparedStatements: env.COOP_PREPARED_STATEMENTS !== '0',
    answerCacheMb: answerCacheMbOf(env.COOP_ANSWER_CACHE_MB),
  };
}

function answerCacheMbOf(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 32;
  const mb = Number(value);
  if (!Number.isInteger(mb) || mb < 0 || mb > 4096) {
    throw new ConfigError(
      `COOP_ANSWER_CACHE_MB must be a whole number from 0 to 4096, got "${value}"`,
    );
  }
  return mb;
}

function workersOf(value: string | undefined, databaseUrl: string | null): number {
  if (value === undefined || value.trim() === '') return 1;
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
    throw new ConfigError(`COOP_WORKERS must be a whole number from 1 to 64, got "${value}"`);
  }
  if (workers > 1 && databaseUrl === null) {
    // The embedded database lives in one process: several would each open the same folder.
    throw new ConfigError('COOP_WORKERS above 1 needs PostgreSQL (DATABASE_URL)');
  }
  return workers;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
