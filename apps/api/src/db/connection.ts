import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type KyselyPlugin } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Db } from './database.js';

export type Engine = 'postgres' | 'pglite';

export interface Connection {
  readonly db: Db;
  readonly engine: Engine;
  close(): Promise<void>;
}

export interface PostgresOptions {
  readonly url: string;
  readonly statementTimeoutMs?: number;
  readonly connectionTimeoutMs?: number;
  readonly maxConnections?: number;
  readonly plugins?: KyselyPlugin[];
  /**
   * Send each statement as a named prepared statement (default): PostgreSQL parses and plans a
   * query shape once per connection instead of on every request. Turn off behind a pooler that
   * cannot keep prepared statements (PgBouncer in transaction mode before 1.21).
   */
  readonly preparedStatements?: boolean;
  /**
   * Every transaction read-only (a replica): a write sent here by mistake fails at once, even
   * when the address points at a primary.
   */
  readonly readOnly?: boolean;
}

/**
 * Both engines hand back the same JavaScript values: dates as "YYYY-MM-DD" strings (a calendar
 * date has no time zone to shift it), int8 as bigint (money in minor units can exceed 2^53),
 * numeric as its exact decimal string.
 */
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

const keepString = (value: string): string => value;
const toBigInt = (value: string): bigint => BigInt(value);

function postgresTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  types.setTypeParser(DATE_OID, keepString);
  types.setTypeParser(INT8_OID, toBigInt);
  types.setTypeParser(NUMERIC_OID, keepString);
  return types;
}

/** Enough for every query shape of the API; past it, a connection sends new shapes unnamed. */
const PREPARED_PER_CONNECTION = 300;

/**
 * A client that sends Kysely's queries (text and values) as named prepared statements, the name
 * a digest of the text. The count per connection is capped: a statement's text varies with the
 * length of its IN lists, and PostgreSQL keeps each prepared plan until the connection closes.
 */
class PreparingClient extends pg.Client {
  readonly #prepared = new Set<string>();

  constructor(config?: pg.ClientConfig) {
    super(config);
    const send = this.query.bind(this) as (...args: unknown[]) => unknown;
    // Kysely calls query(text, values); anything else (pg's own calls, cursors) passes through.
    Object.defineProperty(this, 'query', {
      value: (first: unknown, values?: unknown, callback?: unknown) => {
        if (typeof first !== 'string' || !Array.isArray(values) || callback !== undefined)
          return send(first, values, callback);
        const name = statementName(first);
        if (!this.#prepared.has(name)) {
          if (this.#prepared.size >= PREPARED_PER_CONNECTION) return send(first, values);
          this.#prepared.add(name);
        }
        return send({ name, text: first, values });
      },
    });
  }
}

const names = new Map<string, string>();
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size > 10_000) names.clear();
    name = `k${createHash('sha1').update(text).digest('hex')}`;
    names.set(text, name);
  }
  return name;
}

export function openPostgres(options: PostgresOptions): Connection {
  const pool = new pg.Pool({
    ...(options.preparedStatements === false ? {} : { Client: PreparingClient }),
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    // Never wait forever: for a free connection, for a statement, or on a stuck transaction.
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    statement_timeout: options.statementTimeoutMs ?? 10_000,
    idle_in_transaction_session_timeout: (options.statementTimeoutMs ?? 10_000) * 3,
    idleTimeoutMillis: 30_000,
    ...(options.readOnly ? { options: '-c default_transaction_read_only=on' } : {}),
    types: postgresTypes(),
  });
  // A connection dropped while idle (PostgreSQL restarted) must not crash the process: the pool
  // discards it and the next request gets a fresh one once the server is back.
  pool.on('error', (error) => {
    console.error(`[db] idle connection lost: ${error.message}`);
  });
  // A checked-out connection can be cut too (between two statements of a request): the statement
  // in flight fails on its own, and this keeps the socket's error from crashing the process.
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      console.error(`[db] connection lost: ${error.message}`);
    });
  });
  const db: Db = new Kysely({
    dialect: new PostgresDialect({ pool }),
    plugins: options.plugins ?? [],
  });
  return { db, engine: 'postgres', close: () => db.destroy() };
}

export interface PgliteOptions {
  /** A folder to persist to; in memory when absent. */
  readonly dataDir?: string;
  /** A dumped data folder (see dumpPglite) to start from instead of an empty cluster. */
  readonly loadDataDir?: Blob;
  readonly plugins?: KyselyPlugin[];
}

export async function openPglite(
  options: PgliteOptions = {},
): Promise<Connection & { pglite: PGlite }> {
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: {
      [pgliteTypes.DATE]: keepString,
      [pgliteTypes.INT8]: toBigInt,
      [pgliteTypes.NUMERIC]: keepString,
    },
  });
  const db: Db = new Kysely({ dialect: new PGliteDialect(pglite), plugins: options.plugins ?? [] });
  return { db, engine: 'pglite', pglite, close: () => db.destroy() };
}
