/**
 * Reads from a streaming replica (DATABASE_READ_URL), measured against a real hot standby of the
 * benchmark's database (the README says how to start one on this machine):
 *
 *   npm run build -w @coop/api
 *   DATABASE_URL=postgres://…:5432/coop_bench DATABASE_READ_URL=postgres://…:5433/coop_bench \
 *     npx tsx bench/replica.ts [--duration 10] [--workers 2] [--connections 50]
 *
 * For the convention page, the mission split and the approved evaluation: a read-only token
 * (answered from the replica) and the benchmark's read-write token (answered from the primary),
 * one after the other, with the transactions each database ran per request; then how long a
 * write on the primary takes to reach a read-only token.
 */
import { createHash } from 'node:crypto';
import { decodeGlobalID } from '@pothos/plugin-relay';
import pg from 'pg';
import { hashSecretToken } from '../src/auth/secret-token.js';
import { benchmarkToken } from './generate-dataset.js';
import { measure, startServer } from './load.js';
import { BenchmarkError, graphqlHeaders, loadScenarios, type Scenario } from './scenarios.js';

const SCENARIOS = ['convention page', 'mission cost split', 'annual evaluation'];

/** The read-only token of collectivity 1: plaintext known here, stored hashed like any other. */
const READ_TOKEN = `coopt_bench_read_${createHash('sha256').update('coop-bench-read-1').digest('base64url')}`;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

/** Transactions the database has committed (its statistics lag by up to a second). */
async function committed(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    'select xact_commit as n from pg_stat_database where datname = current_database()',
  );
  return Number(rows[0]?.n);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const primaryUrl = process.env.DATABASE_URL;
  const replicaUrl = process.env.DATABASE_READ_URL;
  if (!primaryUrl || !replicaUrl)
    throw new BenchmarkError('DATABASE_URL (the primary) and DATABASE_READ_URL (its standby)');
  const duration = option('duration', 10);
  const connections = option('connections', 50);
  const primary = new pg.Client({ connectionString: primaryUrl });
  const replica = new pg.Client({ connectionString: replicaUrl });
  await Promise.all([primary.connect(), replica.connect()]);
  const server = await startServer(primaryUrl, {
    DATABASE_READ_URL: replicaUrl,
    COOP_WORKERS: String(option('workers', 2)),
  });
  try {
    const inRecovery = await replica.query<{ standby: boolean }>(
      'select pg_is_in_recovery() as standby',
    );
    if (!inRecovery.rows[0]?.standby)
      throw new BenchmarkError('DATABASE_READ_URL is not a standby (pg_is_in_recovery() is false)');
    await primary.query(
      `insert into api_token (collectivity_id, name, token_hash, access)
       select 1, 'Benchmark (read-only)', $1, 'READ'
       where not exists (select 1 from api_token where token_hash = $1)`,
      [hashSecretToken(READ_TOKEN)],
    );
    await sleep(500); // replayed on the standby
    const scenarios = (await loadScenarios(server.url, server.url, benchmarkToken(1))).filter(
      (scenario) => SCENARIOS.includes(scenario.name),
    );
    console.log(
      `| scenario | token, read from | req/s | p50 ms | p99 ms | errors | transactions / request on the primary | on the replica |`,
    );
    console.log('|---|---|---:|---:|---:|---:|---:|---:|');
    for (const scenario of scenarios) {
      const asReader: Scenario = { ...scenario, headers: graphqlHeaders(READ_TOKEN) };
      for (const [label, run] of [
        ['read-only, replica', asReader],
        ['read-write, primary', scenario],
      ] as const) {
        await measure(run, connections, 5);
        await sleep(1500);
        const before = { primary: await committed(primary), replica: await committed(replica) };
        const result = await measure(run, connections, duration);
        await sleep(1500);
        const after = { primary: await committed(primary), replica: await committed(replica) };
        const per = (database: 'primary' | 'replica') =>
          ((after[database] - before[database]) / result.requests).toFixed(1);
        console.log(
          `| ${scenario.name} | ${label} | ${result.requestsPerSecond.toFixed(0)} | ${result.p50} | ${result.p99} | ${result.errors} | ${per('primary')} | ${per('replica')} |`,
        );
      }
    }
    console.log(
      `\nwrite on the primary → seen by a read-only token: ${await lag(server.url, primary)}`,
    );
  } finally {
    await server.stop();
    await Promise.all([primary.end(), replica.end()]);
  }
}

/** Renames a convention on the primary and asks through the replica until the name shows. */
async function lag(serverUrl: string, primary: pg.Client): Promise<string> {
  const ask = async (): Promise<{ id: string; title: string }> => {
    const response = await fetch(`${serverUrl}/graphql`, {
      method: 'POST',
      headers: graphqlHeaders(READ_TOKEN),
      body: JSON.stringify({ query: '{ conventions(first: 1) { edges { node { id title } } } }' }),
    });
    const body = (await response.json()) as {
      data?: { conventions: { edges: { node: { id: string; title: string } }[] } };
    };
    const node = body.data?.conventions.edges[0]?.node;
    if (!node) throw new BenchmarkError(JSON.stringify(body).slice(0, 300));
    return node;
  };
  const original = await ask();
  const id = Number(decodeGlobalID(original.id).id);
  const lags: number[] = [];
  try {
    for (let round = 1; round <= 20; round++) {
      const title = `${original.title} (${round})`;
      const started = performance.now();
      await primary.query('update convention set title = $1 where id = $2', [title, id]);
      while ((await ask()).title !== title) {
        if (performance.now() - started > 10_000)
          throw new BenchmarkError('a write did not reach the replica in 10 s');
      }
      lags.push(performance.now() - started);
    }
  } finally {
    await primary.query('update convention set title = $1 where id = $2', [original.title, id]);
  }
  lags.sort((a, b) => a - b);
  return `median ${lags[10]?.toFixed(1)} ms, slowest of 20 ${lags[19]?.toFixed(1)} ms`;
}

await main();
