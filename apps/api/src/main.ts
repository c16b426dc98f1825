import { readConfig } from './config.js';
import { openPglite, openPostgres, type Connection } from './db/connection.js';
import { migrateToLatest } from './db/migrator.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemo } from './demo/seed.js';
import { createHttpServer } from './server.js';
import { createApp } from './yoga.js';

const config = readConfig();

async function connect(): Promise<Connection> {
  if (config.databaseUrl) {
    return openPostgres({
      url: config.databaseUrl,
      statementTimeoutMs: config.statementTimeoutMs,
      connectionTimeoutMs: config.connectionTimeoutMs,
    });
  }
  return openPglite({ dataDir: config.dataDir });
}

const connection = await connect();
const applied = await migrateToLatest(connection.db);
if (applied.length > 0) console.log(`Migrated: ${applied.join(', ')}`);
if (config.demo && (await loadDemo(connection.db))) console.log('Loaded the demo data.');

const app = createApp({
  db: connection.db,
  production: config.production,
  exposeSqlCount: config.exposeSqlCount,
});
const server = createHttpServer(app, config.adminDist);

server.listen(config.port, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  const database =
    connection.engine === 'pglite'
      ? `embedded PGlite in ${config.dataDir}`
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
  await connection.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
