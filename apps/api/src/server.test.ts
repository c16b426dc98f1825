import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer } from './server.js';
import type { App } from './yoga.js';

describe('one port for the API and the admin app', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  async function serve() {
    const dist = mkdtempSync(join(tmpdir(), 'coop-admin-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Coop</title>');
    writeFileSync(join(dist, 'app.js'), 'console.log("coop")');
    // The API side answers its own paths; only the static side is under test here.
    const api = ((_req: IncomingMessage, res: ServerResponse) => {
      res.end('api');
    }) as unknown as App;
    const server = createHttpServer(api, dist);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    cleanups.push(() => {
      server.close();
      rmSync(dist, { recursive: true, force: true });
    });
    return { base, dist };
  }

  it('serves the admin app, falls back to index.html for its routes, and sends API paths to the API', async () => {
    const { base } = await serve();
    expect(await (await fetch(`${base}/app.js`)).text()).toBe('console.log("coop")');
    expect(await (await fetch(`${base}/conventions/123`)).text()).toContain('<title>Coop</title>');
    expect(await (await fetch(`${base}/graphql`)).text()).toBe('api');
    expect(await (await fetch(`${base}/exports/conventions/1/budget.csv`)).text()).toBe('api');
  });

  it('survives a file of the admin app removed after start-up (a rebuild in place)', async () => {
    const { base, dist } = await serve();
    rmSync(join(dist, 'app.js'));
    await fetch(`${base}/app.js`).then(
      (response) => response.text(),
      () => 'cut',
    );
    // The process is still serving.
    expect((await fetch(`${base}/graphql`)).status).toBe(200);
    expect(await (await fetch(`${base}/`)).text()).toContain('<title>Coop</title>');
  });
});
