import cluster from 'node:cluster';
import { readConfig } from './config.js';
import { openPglite, openPostgres, type Connection } from './db/connection.js';
import { migrateToLatest } from './db/migrator.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemo } from './demo/seed.js';
import { freezeMissingReports } from './schema/evaluation-report.js';
import { createHttpServer } from './server.js';
import { createApp } from './yoga.js';

const config = readConfig();

function postgresOptions(url: string) {
  return {
    url,
    statementTimeoutMs: config.statementTimeoutMs,
    connectionTimeoutMs: config.connectionTimeoutMs,
    preparedStatements: config.preparedStatements,
  };
}

async function connect(): Promise<Connection> {
  if (config.databaseUrl) return openPostgres(postgresOptions(config.databaseUrl));
  return openPglite({ dataDir: config.dataDir });
}

/** DATABASE_READ_URL: the replica that read-only API tokens read from (db/read-routing.ts). */
function connectReplica(): Connection | null {
  return config.databaseReadUrl
    ? openPostgres({ ...postgresOptions(config.databaseReadUrl), readOnly: true })
    : null;
}

/** Migrations and the demo run once, in the first process, before any worker serves. */
async function prepare(connection: Connection): Promise<void> {
  const applied = await migrateToLatest(connection.db);
  if (applied.length > 0) console.log(`Migrated: ${applied.join(', ')}`);
  if (config.demo && (await loadDemo(connection.db))) console.log('Loaded the demo data.');
}

if (config.workers > 1 && cluster.isPrimary) {
  const connection = await connect();
  await prepare(connection);
  superviseWorkers(config.workers);
  await freezeReports(connection);
  await connection.close();
} else {
  await serve();
}

/**
 * Evaluations submitted before reports were frozen at submission get theirs once, as they stand
 * today, while the server already serves (their reports are computed until then). A report that
 * cannot be frozen stays computed: it must not stop the server.
 */
async function freezeReports(connection: Connection): Promise<void> {
  try {
    const frozen = await freezeMissingReports(connection.db);
    if (frozen > 0) console.log(`Froze the reports of ${frozen} submitted evaluations.`);
  } catch (error) {
    console.error('Could not freeze the reports of submitted evaluations:', error);
  }
}

/**
 * The primary of COOP_WORKERS=n: forks the workers, which share the port (the kernel hands each
 * connection to one), replaces one that dies, and stops them all on SIGINT/SIGTERM.
 */
function superviseWorkers(workers: number): void {
  let stopping = false;
  let listening = 0;
  cluster.on('listening', () => {
    if (++listening === workers) console.log(`  ${workers} server processes (COOP_WORKERS)`);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(
      `[cluster] worker ${worker.process.pid} ended (${signal || String(code)}); starting another`,
    );
    cluster.fork();
  });
  for (let i = 0; i < workers; i++) cluster.fork(i === 0 ? { COOP_PRINT_BANNER: '1' } : {});
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const all = Object.values(cluster.workers ?? {});
    let left = all.length;
    if (left === 0) process.exit(0);
    for (const worker of all) {
      worker?.once('exit', () => {
        if (--left === 0) process.exit(0);
      });
      worker?.process.kill(signal);
    }
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function serve(): Promise<void> {
  const connection = await connect();
  if (cluster.isPrimary) await prepare(connection);
  const replica = connectReplica();

  const app = createApp({
    db: connection.db,
    replica: replica?.db ?? null,
    production: config.production,
    exposeSqlCount: config.exposeSqlCount,
    answerCache: config.answerCacheMb > 0 ? { maxChars: config.answerCacheMb * 1_000_000 } : null,
  });
  const server = createHttpServer(app, config.adminDist);

  server.listen(config.port, () => {
    if (cluster.isPrimary) void freezeReports(connection);
    if (cluster.isWorker && process.env.COOP_PRINT_BANNER !== '1') return;
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://localhost:${port}`;
    const database =
      connection.engine === 'pglite'
        ? `embedded PGlite in ${config.dataDir}`
        : replica
          ? 'PostgreSQL (DATABASE_URL), read-only tokens on DATABASE_READ_URL'
          : 'PostgreSQL (DATABASE_URL)';
    const lines = [
      '',
      `Coop is running at ${url}`,
      `  admin app   ${url}/`,
      `  GraphQL     ${url}/graphql`,
      `  health      ${url}/health`,
      `  database    ${database}`,
    ];
    if (config.demo) {
      lines.push('', `Demo accounts (password "${DEMO_PASSWORD}"):`);
      for (const account of DEMO_ACCOUNTS)
        lines.push(`  ${account.email.padEnd(26)} ${account.collectivity}, ${account.role}`);
    }
    console.log(lines.join('\n'));
  });

  let stopping = false;
  async function stop(signal: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    server.close();
    server.closeAllConnections();
    await Promise.all([connection.close(), replica?.close()]);
    process.exit(0);
  }
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
