import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Chromium to drive, or null when the run skips browser tests (never under CI=true). */
    chromiumPath: string | null;
    baseUrl: string;
  }
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function freePort(): Promise<number> {
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

async function waitForHealth(
  url: string,
  server: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`the server exited (${server.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer /health within 90 s:\n${output()}`);
}

/**
 * Starts the built server exactly as `npm start` does, on a fresh embedded database in a temporary
 * folder, and finds the browser. Under CI=true a missing Chromium fails the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) {
    if (process.env.CI === 'true') {
      throw new Error(
        `CI=true and no Chromium at ${chromiumPath}: browser tests cannot be skipped in CI`,
      );
    }
    console.warn(
      `\n*** Browser tests SKIPPED: no Chromium at ${chromiumPath}. Install Debian's chromium or set CHROMIUM_PATH. ***\n`,
    );
    project.provide('chromiumPath', null);
    project.provide('baseUrl', '');
    return async () => {};
  }

  const main = join(repoRoot, 'apps/api/dist/main.js');
  const adminDist = join(repoRoot, 'apps/admin/dist/index.html');
  for (const built of [main, adminDist]) {
    if (!existsSync(built))
      throw new Error(`${built} is missing: build first (npm test runs the builds through turbo)`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'coop-e2e-'));
  // The run serves a copy of the built app: a build started meanwhile (another terminal, another
  // engineer) empties dist/, and the static server would meet files that vanished under it.
  const adminCopy = mkdtempSync(join(tmpdir(), 'coop-e2e-admin-'));
  cpSync(join(repoRoot, 'apps/admin/dist'), adminCopy, { recursive: true });
  const port = await freePort();
  let output = '';
  const server = spawn(process.execPath, [main], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      COOP_DATA_DIR: dataDir,
      COOP_ADMIN_DIST: adminCopy,
      COOP_DEMO: '1',
      DATABASE_URL: '',
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let stopping = false;
  // A server that stops in the middle of the run fails every test after it: say why, once.
  server.once('exit', (code, signal) => {
    if (!stopping) {
      console.error(
        `\n*** The e2e server stopped during the run (code ${code}, signal ${signal}). Its output:\n${output.slice(-4000)}`,
      );
    }
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, server, () => output);
  project.provide('chromiumPath', chromiumPath);
  project.provide('baseUrl', baseUrl);

  return async () => {
    stopping = true;
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(adminCopy, { recursive: true, force: true });
  };
}
