/**
 * The load benchmark: the built server on a dataset made by bench/generate-dataset.ts, driven by
 * autocannon, each scenario at 10 and 50 connections, compared in the same run with the
 * single-SQL floor (bench/floor.ts).
 *
 *   npm run build -w @coop/api
 *   DATABASE_URL=postgres://…/coop_bench npx tsx bench/load.ts [--duration 20] [--connections 10,50]
 *     [--only dashboard,mission] [--workers 2] [--warmup 5] [--repeat 3] [--out results.json]
 *     [--cpu-prof /tmp/profiles]
 *
 * For each scenario: requests per second, p50 and p99 latency, errors (non-2xx, timeouts,
 * GraphQL errors in sampled answers) and the SQL statements one request sends. With `--repeat n`,
 * each is measured n times in a row and the run with the median p99 is reported, beside every
 * run's p99: on a shared two-core machine one run's p99 moves by a third from one run to the next.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { cpuSample, cpuUsed } from './cpu.js';
import { startFloor } from './floor.js';
import { benchmarkToken } from './generate-dataset.js';
import {
  BenchmarkError,
  DASHBOARD_QUERY,
  graphqlHeaders,
  loadScenarios,
  type Scenario,
} from './scenarios.js';

interface Options {
  readonly duration: number;
  readonly connections: readonly number[];
  readonly databaseUrl: string;
  readonly out: string | null;
  /** Only the scenarios whose name contains one of these words (all when empty). */
  readonly only: readonly string[];
  /** Server processes (COOP_WORKERS): 1 by default, 2 for one per core on this machine. */
  readonly workers: number;
  /** Seconds of unmeasured load before each measurement. */
  readonly warmup: number;
  /** A folder for the server processes' CPU profiles (`node --cpu-prof`), written when they stop. */
  readonly cpuProfiles: string | null;
  /** Measured runs per scenario and connection count, after one warm-up. */
  readonly repeat: number;
}

function readOptions(): Options {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl)
    throw new TypeError(
      'DATABASE_URL must point at a database filled by bench/generate-dataset.ts',
    );
  return {
    duration: Number(value('duration') ?? 20),
    connections: (value('connections') ?? '10,50').split(',').map(Number),
    databaseUrl,
    out: value('out') ?? null,
    only: (value('only') ?? '').split(',').filter(Boolean),
    workers: Number(value('workers') ?? 1),
    warmup: Number(value('warmup') ?? 5),
    cpuProfiles: value('cpu-prof') ?? null,
    repeat: Math.max(1, Number(value('repeat') ?? 1)),
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Starts the built server as `npm start` would, on the given database, counting statements. */
export async function startServer(
  databaseUrl: string,
  env: Record<string, string> = {},
  nodeArgs: readonly string[] = [],
): Promise<{
  url: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}> {
  const port = await freePort();
  const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
  const child = spawn(process.execPath, [...nodeArgs, main], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      COOP_DEMO: '0',
      COOP_SQL_COUNT_HEADER: '1',
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new BenchmarkError(`the server exited:\n${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline) throw new BenchmarkError(`the server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    process: child,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

export interface Measure {
  readonly scenario: string;
  readonly connections: number;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly requests: number;
  readonly bytesPerRequest: number;
  /**
   * CPU milliseconds one request cost the server's processes, PostgreSQL's (bench/cpu.ts) and this
   * process: the load generator, which shares the machine's cores (and, for the floor, serves it).
   */
  readonly cpuPerRequest?: {
    readonly server: number | null;
    readonly postgres: number;
    readonly loadGenerator: number;
  };
  /** With `--repeat`: the p99 of every run, in the order measured. */
  readonly p99Runs?: readonly number[];
}

/** Of several runs, the one with the median p99 (the upper one of an even count), with every p99. */
export function medianRun(runs: readonly Measure[]): Measure {
  const sorted = [...runs].sort((a, b) => a.p99 - b.p99);
  const median = sorted[Math.floor(sorted.length / 2)];
  if (!median) throw new BenchmarkError('no run to report');
  return runs.length > 1 ? { ...median, p99Runs: runs.map((run) => run.p99) } : median;
}

export async function measure(
  scenario: Scenario,
  connections: number,
  duration: number,
): Promise<Measure> {
  const result = await autocannon({
    url: scenario.url,
    method: scenario.method,
    headers: scenario.headers,
    ...(scenario.body === undefined ? {} : { body: scenario.body }),
    ...(scenario.requests ? { requests: scenario.requests } : {}),
    connections,
    duration,
    timeout: 10,
  });
  return {
    scenario: scenario.name,
    connections,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
    bytesPerRequest:
      result.requests.total > 0 ? Math.round(result.throughput.total / result.requests.total) : 0,
  };
}

/** One measured run, with the CPU one request cost the server, PostgreSQL and this process. */
async function measureWithCpu(
  scenario: Scenario,
  connections: number,
  duration: number,
  serverPid: number,
): Promise<Measure> {
  const before = cpuSample(serverPid);
  const generatorBefore = process.cpuUsage();
  const measured = await measure(scenario, connections, duration);
  const generator = process.cpuUsage(generatorBefore);
  const used = cpuUsed(before, cpuSample(serverPid));
  const perRequest = (ms: number) => ms / Math.max(1, measured.requests);
  return {
    ...measured,
    cpuPerRequest: {
      // The floor is served from this process, not the server's.
      server: scenario.name.includes('floor') ? null : perRequest(used.server),
      postgres: perRequest(used.postgres),
      loadGenerator: perRequest((generator.user + generator.system) / 1000),
    },
  };
}

function table(
  measures: readonly Measure[],
  statements: ReadonlyMap<string, string>,
  floorRps: ReadonlyMap<number, number>,
): string {
  const repeated = measures.some((m) => (m.p99Runs?.length ?? 0) > 1);
  const lines = [
    `| scenario | connections | req/s | p50 ms | p99 ms |${repeated ? ' p99 ms of each run |' : ''} errors | SQL statements / request | bytes / answer | vs floor | CPU ms / request: server | PostgreSQL | load generator |`,
    `|---|---:|---:|---:|---:|${repeated ? '---:|' : ''}---:|---:|---:|---:|---:|---:|---:|`,
  ];
  for (const m of measures) {
    const floor = m.scenario.startsWith('dashboard') ? floorRps.get(m.connections) : undefined;
    const ratio =
      floor && !m.scenario.includes('floor') ? `${(m.requestsPerSecond / floor).toFixed(2)}×` : '';
    const runs = repeated ? ` ${m.p99Runs?.join(', ') ?? m.p99} |` : '';
    lines.push(
      `| ${m.scenario} | ${m.connections} | ${m.requestsPerSecond.toFixed(0)} | ${m.p50} | ${m.p99} |${runs} ${m.errors} | ${statements.get(m.scenario) ?? '—'} | ${m.bytesPerRequest.toLocaleString('en')} | ${ratio} | ${m.cpuPerRequest?.server?.toFixed(2) ?? '—'} | ${m.cpuPerRequest?.postgres.toFixed(2) ?? '—'} | ${m.cpuPerRequest?.loadGenerator.toFixed(2) ?? '—'} |`,
    );
  }
  return lines.join('\n');
}

/**
 * The floor is only a floor if it answers the same document: compare both answers, parsed and
 * re-serialised, before measuring anything.
 */
async function checkFloorAnswersTheSame(
  serverUrl: string,
  floorUrl: string,
  token: string,
): Promise<number> {
  const graphql = await fetch(`${serverUrl}/graphql`, {
    method: 'POST',
    headers: graphqlHeaders(token),
    body: JSON.stringify({ query: DASHBOARD_QUERY }),
  });
  const floor = await fetch(`${floorUrl}/dashboard`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const graphqlText = await graphql.text();
  const ours = JSON.stringify(JSON.parse(graphqlText));
  const theirs = JSON.stringify(JSON.parse(await floor.text()));
  if (ours !== theirs) {
    let at = 0;
    while (at < ours.length && ours[at] === theirs[at]) at++;
    throw new BenchmarkError(
      `the floor does not answer the same data as GraphQL, from character ${at}:\n` +
        `GraphQL: ${ours.slice(Math.max(0, at - 120), at + 120)}\n` +
        `floor:   ${theirs.slice(Math.max(0, at - 120), at + 120)}`,
    );
  }
  return graphqlText.length;
}

async function main(): Promise<void> {
  const options = readOptions();
  const server = await startServer(
    options.databaseUrl,
    { COOP_WORKERS: String(options.workers) },
    options.cpuProfiles ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfiles] : [],
  );
  console.log(`server: ${options.workers} process(es); floor: one process`);
  const serverPid = server.process.pid;
  if (serverPid === undefined) throw new BenchmarkError('the server process has no pid');
  const floorPort = await freePort();
  const floor = await startFloor(options.databaseUrl, floorPort, 10);
  try {
    const token = benchmarkToken(1);
    const bytes = await checkFloorAnswersTheSame(
      server.url,
      `http://127.0.0.1:${floorPort}`,
      token,
    );
    console.log(
      `floor and GraphQL answer the same dashboard (${bytes.toLocaleString('en')} bytes)`,
    );
    const scenarios = (
      await loadScenarios(server.url, `http://127.0.0.1:${floorPort}`, token)
    ).filter(
      (scenario) =>
        options.only.length === 0 || options.only.some((word) => scenario.name.includes(word)),
    );
    const statements = new Map<string, string>();
    for (const scenario of scenarios) statements.set(scenario.name, await scenario.probe());
    const measures: Measure[] = [];
    for (const connections of options.connections) {
      for (const scenario of scenarios) {
        // Warm-up, not counted: every server process compiles its hot paths and fills its pool.
        await measure(scenario, connections, options.warmup);
        const runs: Measure[] = [];
        for (let run = 0; run < options.repeat; run++) {
          runs.push(await measureWithCpu(scenario, connections, options.duration, serverPid));
        }
        const result = medianRun(runs);
        measures.push(result);
        console.log(
          `${scenario.name} @${connections}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms${result.p99Runs ? ` (runs: ${result.p99Runs.join(', ')})` : ''}, ${result.errors} errors, CPU per request ${result.cpuPerRequest?.server?.toFixed(2) ?? '—'} ms server, ${result.cpuPerRequest?.postgres.toFixed(2)} ms PostgreSQL, ${result.cpuPerRequest?.loadGenerator.toFixed(2)} ms load generator`,
        );
      }
    }
    const floorRps = new Map(
      measures
        .filter((m) => m.scenario === 'dashboard floor (single SQL)')
        .map((m) => [m.connections, m.requestsPerSecond]),
    );
    const report = table(measures, statements, floorRps);
    console.log(`\n${report}`);
    if (options.out)
      writeFileSync(
        options.out,
        JSON.stringify(
          { at: new Date().toISOString(), measures, statements: Object.fromEntries(statements) },
          null,
          2,
        ),
      );
  } finally {
    await floor.close();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
