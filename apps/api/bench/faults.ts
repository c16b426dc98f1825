/**
 * Faults survived, measured on the running server:
 *
 *   restart   PostgreSQL restarted in the middle of a load run: requests fail while it is down,
 *             the server recovers by itself, and no acknowledged write is lost.
 *   kill      the server killed with SIGKILL during writes: after a restart every acknowledged
 *             write is there (on PostgreSQL with DATABASE_URL, on PGlite without).
 *   soak      a few minutes at 50 connections: zero failed requests, and the server's memory
 *             sampled every 5 s stays flat.
 *
 *   npm run build -w @coop/api
 *   DATABASE_URL=postgres://…/coop_bench npx tsx bench/faults.ts restart|kill|soak [--seconds 180]
 *   COOP_DATA_DIR=/tmp/coop-faults npx tsx bench/faults.ts kill      # the same on PGlite
 *
 * The writes are recordDeliberation calls with a unique subject each: a write is "acknowledged"
 * when the server answered RecordDeliberationSuccess, and must then be found in the database.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import pg from 'pg';
import { benchmarkToken } from './generate-dataset.js';
import { startServer } from './load.js';
import { BenchmarkError, graphqlHeaders } from './scenarios.js';

/** Signing in happens before there is a token: the same headers without one. */
const CSRF_ONLY = { 'content-type': 'application/json', 'x-coop-csrf': '1' };

// The caller names the shape of the answer it asked for in its query.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
async function graphql<Data>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: Data }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: graphqlHeaders(token),
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  return (await response.json()) as { data?: Data };
}

/** A fault test that did not hold: the process exits non-zero with what was seen. */
let held = true;
function expect(condition: boolean, what: string): void {
  if (!condition) {
    held = false;
    console.error(`FAILED: ${what}`);
  }
}

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordDeliberationInput!) {
    recordDeliberation(input: $input) {
      __typename
    }
  }
`;

interface WriteLog {
  acknowledged: string[];
  failed: number;
}

/** `workers` concurrent loops of `step` until stopped; `step` answers whether it succeeded. */
function concurrently(workers: number, step: (worker: number) => Promise<boolean>) {
  let running = true;
  const run = async (worker: number) => {
    while (running) {
      // A client waits a little before retrying what failed.
      if (!(await step(worker))) await sleep(20);
    }
  };
  const done = Promise.all(Array.from({ length: workers }, (_, worker) => run(worker)));
  return async () => {
    running = false;
    await done;
  };
}

/** Concurrent writers, each recording deliberations with unique subjects until told to stop. */
function writers(
  url: string,
  token: string,
  target: { conventionId: string; collectivityId: string },
  workers: number,
) {
  const log: WriteLog = { acknowledged: [], failed: 0 };
  let sequence = 0;
  const stop = concurrently(workers, async (worker) => {
    const subject = `fault-test ${process.pid} ${worker} ${sequence++}`;
    try {
      const answer = await graphql<{ recordDeliberation: { __typename: string } }>(
        url,
        token,
        RECORD,
        {
          input: {
            conventionId: target.conventionId,
            collectivityId: target.collectivityId,
            kind: 'OTHER',
            body: 'Conseil municipal',
            date: '2026-01-15',
            subject,
          },
        },
      );
      if (answer.data?.recordDeliberation.__typename === 'RecordDeliberationSuccess') {
        log.acknowledged.push(subject);
        return true;
      }
    } catch {
      // counted below
    }
    log.failed++;
    return false;
  });
  return { log, stop };
}

async function target(
  url: string,
  token: string,
): Promise<{ conventionId: string; collectivityId: string }> {
  const answer = await graphql<{
    viewer: { collectivity: { id: string } };
    conventions: { edges: { node: { id: string } }[] };
  }>(
    url,
    token,
    '{ viewer { collectivity { id } } conventions(first: 1) { edges { node { id } } } }',
  );
  const conventionId = answer.data?.conventions.edges[0]?.node.id;
  const collectivityId = answer.data?.viewer.collectivity.id;
  if (!conventionId || !collectivityId) throw new BenchmarkError('the viewer has no convention');
  return { conventionId, collectivityId };
}

async function missingWrites(
  databaseUrl: string | null,
  subjects: readonly string[],
  dataDir: string | null,
): Promise<number> {
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ subject: string }>(
      'select subject from deliberation where subject = any($1)',
      [subjects],
    );
    // The check done, the test's rows go: they would weigh on the benchmark's convention page.
    await client.query("delete from deliberation where subject like 'fault-test %'");
    await client.end();
    return subjects.length - new Set(rows.map((row) => row.subject)).size;
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create({ dataDir: dataDir ?? undefined });
  const { rows } = await db.query<{ subject: string }>(
    'select subject from deliberation where subject = any($1)',
    [subjects],
  );
  await db.close();
  return subjects.length - new Set(rows.map((row) => row.subject)).size;
}

function postgresVersion(): string {
  return (
    execFileSync('ls', ['/etc/postgresql']).toString().trim().split('\n').sort().at(-1) ?? '15'
  );
}

/** Concurrent readers of a small query: answers with data, answers with errors, the slowest. */
function readers(url: string, token: string, workers: number) {
  const log = { ok: 0, failed: 0, slowestMs: 0, lastFailureAt: 0 };
  const stop = concurrently(workers, async () => {
    const started = Date.now();
    let answered: boolean;
    try {
      const answer = await graphql<{ conventions: { totalCount: number } }>(
        url,
        token,
        '{ conventions(first: 5) { totalCount edges { node { title status } } } }',
      );
      answered = answer.data !== undefined;
    } catch {
      answered = false;
    }
    log.slowestMs = Math.max(log.slowestMs, Date.now() - started);
    if (answered) log.ok++;
    else {
      log.failed++;
      log.lastFailureAt = Date.now();
    }
    return answered;
  });
  return { log, stop };
}

function pgCluster(action: 'stop' | 'start'): void {
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', postgresVersion(), 'main', action], {
    stdio: 'inherit',
  });
}

/**
 * PostgreSQL stopped for five seconds in the middle of reads and writes, then started again: the
 * server must answer (masked) errors quickly while it is down, and serve again by itself.
 */
async function restartDuringLoad(databaseUrl: string): Promise<void> {
  const server = await startServer(databaseUrl, { COOP_CONNECTION_TIMEOUT_MS: '1000' });
  const token = benchmarkToken(1);
  try {
    const where = await target(server.url, token);
    const read = readers(server.url, token, 10);
    const write = writers(server.url, token, where, 8);
    await sleep(10_000);
    const before = { reads: read.log.ok, writes: write.log.acknowledged.length };
    console.log(
      `t=10 s: stopping PostgreSQL (${before.reads} reads, ${before.writes} writes so far)`,
    );
    pgCluster('stop');
    const stoppedAt = Date.now();
    await sleep(5_000);
    const whileDown = { readsFailed: read.log.failed, writesFailed: write.log.failed };
    pgCluster('start');
    const startedAt = Date.now();
    console.log(
      `PostgreSQL started again after ${((startedAt - stoppedAt) / 1000).toFixed(1)} s down`,
    );
    await sleep(10_000);
    await Promise.all([read.stop(), write.stop()]);
    const recoveredAfterMs = Math.max(0, read.log.lastFailureAt - startedAt);
    const missing = await missingWrites(databaseUrl, write.log.acknowledged, null);
    console.log(
      JSON.stringify(
        {
          reads: { answered: read.log.ok, failed: read.log.failed, slowestMs: read.log.slowestMs },
          writes: {
            acknowledged: write.log.acknowledged.length,
            failed: write.log.failed,
            missingAfterwards: missing,
          },
          failedWhileDown: whileDown,
          lastFailureAfterRestartMs: recoveredAfterMs,
          readsAfterRestart: read.log.ok - before.reads,
        },
        null,
        2,
      ),
    );
    expect(missing === 0, `${missing} acknowledged writes lost`);
    expect(whileDown.readsFailed > 0, 'no read failed while PostgreSQL was down');
    expect(read.log.slowestMs < 5_000, 'a request waited more than 5 s');
    expect(recoveredAfterMs < 5_000, 'the server did not recover within 5 s of the restart');
    expect(
      write.log.acknowledged.length > before.writes,
      'no write acknowledged after the restart',
    );
  } finally {
    await server.stop();
  }
}

async function killDuringWrites(databaseUrl: string | null): Promise<void> {
  const dataDir = databaseUrl ? null : (process.env.COOP_DATA_DIR ?? '/tmp/coop-faults');
  const env: Record<string, string> = databaseUrl
    ? {}
    : { DATABASE_URL: '', COOP_DATA_DIR: dataDir ?? '', COOP_DEMO: '1' };
  let server = await startServer(databaseUrl ?? '', env);
  // On the embedded demo the demo account's own token does not exist: create one for the run.
  const token = databaseUrl ? benchmarkToken(1) : await demoToken(server.url);
  const where = await target(server.url, token);
  const write = writers(server.url, token, where, 8);
  await sleep(5_000);
  console.log(`SIGKILL after ${write.log.acknowledged.length} acknowledged writes`);
  server.process.kill('SIGKILL');
  await new Promise((resolve) => server.process.once('exit', resolve));
  await write.stop();
  server = await startServer(databaseUrl ?? '', env);
  await server.stop();
  const missing = await missingWrites(databaseUrl, write.log.acknowledged, dataDir);
  console.log(
    JSON.stringify(
      {
        engine: databaseUrl ? 'postgres' : 'pglite',
        acknowledged: write.log.acknowledged.length,
        missingAfterRestart: missing,
      },
      null,
      2,
    ),
  );
  expect(missing === 0, `${missing} acknowledged writes lost`);
  expect(write.log.acknowledged.length > 0, 'no write was acknowledged');
}

async function demoToken(url: string): Promise<string> {
  const login = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: CSRF_ONLY,
    body: JSON.stringify({
      query:
        'mutation { login(input: { email: "admin@dijon.demo", password: "coop-demo" }) { __typename } }',
    }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const created = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { ...CSRF_ONLY, cookie },
    body: JSON.stringify({
      query:
        'mutation { createApiToken(input: { name: "faults", access: READ_WRITE }) { ... on CreateApiTokenSuccess { created { token } } } }',
    }),
  });
  const body = (await created.json()) as {
    data?: { createApiToken: { created?: { token: string } } };
  };
  const token = body.data?.createApiToken.created?.token;
  if (!token) throw new BenchmarkError('the demo token could not be created');
  return token;
}

async function soak(databaseUrl: string, seconds: number): Promise<void> {
  const server = await startServer(databaseUrl);
  const token = benchmarkToken(1);
  const pid = server.process.pid ?? 0;
  const rss = () =>
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(Math.round(rss())), 5_000);
  try {
    const result = await autocannon({
      url: `${server.url}/graphql`,
      method: 'POST',
      headers: graphqlHeaders(token),
      body: JSON.stringify({
        query:
          '{ conventions(first: 20) { edges { node { title status parties { collectivity { name } } actions(first: 5) { edges { node { title budget { totals { balance { reporting { amount currency } } } } } } } } } } }',
      }),
      connections: 50,
      duration: seconds,
      timeout: 10,
    });
    clearInterval(sampler);
    const failed = result.errors + result.timeouts + result.non2xx;
    const firstMinute = samples.slice(0, 12);
    const lastMinute = samples.slice(-12);
    const mean = (values: number[]) =>
      values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
    console.log(
      JSON.stringify(
        {
          seconds,
          requests: result.requests.total,
          requestsPerSecond: result.requests.average,
          failed,
          p99: result.latency.p99,
          rssMegabytes: {
            samples,
            firstMinuteMean: Math.round(mean(firstMinute)),
            lastMinuteMean: Math.round(mean(lastMinute)),
          },
        },
        null,
        2,
      ),
    );
    expect(failed === 0, `${failed} failed requests`);
    // Flat: the last minute's mean within 20 % of the first minute's (after warm-up).
    expect(
      mean(lastMinute) <= mean(firstMinute) * 1.2,
      'memory grew by more than 20 % from the first to the last minute',
    );
  } finally {
    clearInterval(sampler);
    await server.stop();
  }
}

async function main(): Promise<void> {
  const [mode] = process.argv.slice(2);
  const secondsIndex = process.argv.indexOf('--seconds');
  const seconds = secondsIndex >= 0 ? Number(process.argv[secondsIndex + 1]) : 180;
  const databaseUrl = process.env.DATABASE_URL ?? null;
  if (mode === 'restart' && databaseUrl) await restartDuringLoad(databaseUrl);
  else if (mode === 'kill') await killDuringWrites(databaseUrl);
  else if (mode === 'soak' && databaseUrl) await soak(databaseUrl, seconds);
  else
    throw new BenchmarkError(
      'usage: faults.ts restart|kill|soak (restart and soak need DATABASE_URL)',
    );
  if (!held) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
