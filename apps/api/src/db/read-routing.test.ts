import { decodeGlobalID } from '@pothos/plugin-relay';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase } from '../../test/engines.js';
import { demoIds } from '../../test/fixtures.js';
import { download } from '../../test/fixtures-exports.js';
import { gql, signIn } from '../../test/graphql-client.js';
import { createContext } from '../context.js';
import { createApp, type App } from '../yoga.js';
import { openPostgres, type Connection } from './connection.js';
import { StatementCounter } from './statement-counter.js';

/**
 * DATABASE_READ_URL on real PostgreSQL. The "replica" is a second database cloned from the same
 * template and opened read-only: a replica that never catches up. What this file writes to the
 * primary is therefore never on the replica, and each answer shows where it was read.
 */
const TITLE = /* GraphQL */ `
  query Title($id: ID!) {
    node(id: $id) {
      ... on Convention {
        title
        version
      }
    }
  }
`;
const CREATE_TOKEN = /* GraphQL */ `
  mutation Token($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      ... on CreateApiTokenSuccess {
        created {
          token
        }
      }
    }
  }
`;
const RENAME = /* GraphQL */ `
  mutation Rename($input: UpdateConventionInput!) {
    updateConvention(input: $input) {
      __typename
      ... on UpdateConventionSuccess {
        convention {
          title
        }
      }
    }
  }
`;
const RENAMED = 'Renommée sur le primaire';

describe.runIf(ENGINES.includes('postgres'))('reads from a replica (PostgreSQL)', () => {
  const onPrimary = new StatementCounter();
  const onReplica = new StatementCounter();
  let primary: Connection;
  let lagging: Connection;
  let replica: Connection;
  let app: App;
  let cookie: string;
  let readToken: string;
  let writeToken: string;
  let convention: { id: string; title: string; version: number };

  /** What `work` sent to each database. */
  async function statements(work: () => Promise<unknown>) {
    const before = { primary: onPrimary.count, replica: onReplica.count };
    await work();
    return { primary: onPrimary.count - before.primary, replica: onReplica.count - before.replica };
  }

  async function newToken(access: 'READ' | 'READ_WRITE'): Promise<string> {
    const response = await gql(
      app,
      CREATE_TOKEN,
      { input: { name: `Outil ${access}`, access } },
      { cookie },
    );
    const token = response.data?.createApiToken?.created?.token as string | undefined;
    if (!token) throw new TypeError(JSON.stringify(response));
    // Its first use records when it was last used (a write): done here, outside the counts.
    await gql(app, '{ viewer { displayName } }', {}, { token });
    return token;
  }

  beforeAll(async () => {
    primary = await openTestDatabase('postgres');
    lagging = await openTestDatabase('postgres');
    replica = openPostgres({
      url: (lagging as Connection & { url: string }).url,
      readOnly: true,
      maxConnections: 2,
    });
    app = createApp({
      db: primary.db.withPlugin(onPrimary),
      replica: replica.db.withPlugin(onReplica),
    });
    cookie = await signIn(app, 'admin@dijon.demo');
    const ids = await demoIds(app, cookie);
    if (!ids.founding) throw new TypeError('no founding convention in the demo');
    convention = ids.founding;
    readToken = await newToken('READ');
    writeToken = await newToken('READ_WRITE');
    const id = Number(decodeGlobalID(convention.id).id);
    await sql`update convention set title = ${RENAMED}, version = version + 1 where id = ${id}`.execute(
      primary.db,
    );
  });

  afterAll(async () => {
    await replica.close();
    await lagging.close();
    await primary.close();
  });

  it('a read-only token reads from the replica; only its token is looked up on the primary', async () => {
    let title: unknown;
    const sent = await statements(async () => {
      const response = await gql(app, TITLE, { id: convention.id }, { token: readToken });
      title = response.data?.node?.title;
    });
    expect(title).toBe(convention.title);
    expect(sent).toEqual({ primary: 1, replica: expect.any(Number) });
    expect(sent.replica).toBeGreaterThan(0);
  });

  it('its downloads read from the replica too', async () => {
    let body = '';
    const sent = await statements(async () => {
      const response = await download(
        app,
        `/exports/conventions/${convention.id}/evaluations/2019`,
        { token: readToken },
      );
      expect(response.status).toBe(200);
      body = await response.text();
    });
    expect(body).toContain('Chefchaouen');
    expect(body).not.toContain(RENAMED);
    expect(sent.primary).toBe(1);
    expect(sent.replica).toBeGreaterThan(0);
  });

  it('the admin app reads from the primary: staff see what was just saved', async () => {
    let title: unknown;
    const sent = await statements(async () => {
      title = (await gql(app, TITLE, { id: convention.id }, { cookie })).data?.node?.title;
    });
    expect(title).toBe(RENAMED);
    expect(sent.replica).toBe(0);
  });

  it('a read-write token reads and writes on the primary', async () => {
    const before = await gql(app, TITLE, { id: convention.id }, { token: writeToken });
    expect(before.data?.node?.title).toBe(RENAMED);
    let answer: unknown;
    const sent = await statements(async () => {
      const response = await gql(
        app,
        RENAME,
        {
          input: {
            id: convention.id,
            version: before.data?.node?.version,
            title: `${RENAMED} (2)`,
          },
        },
        { token: writeToken },
      );
      answer = response.data?.updateConvention;
    });
    expect(answer).toEqual({
      __typename: 'UpdateConventionSuccess',
      convention: { title: `${RENAMED} (2)` },
    });
    expect(sent.replica).toBe(0);
  });

  it('a request that wrote reads from the primary from then on, even one routed to the replica', async () => {
    const context = createContext({
      db: primary.db,
      reads: replica.db,
      viewer: null,
      remoteAddress: '',
      secureCookies: true,
    });
    const readOnly = async () =>
      (
        await sql<{ on: string }>`select current_setting('transaction_read_only') as on`.execute(
          context.db,
        )
      ).rows[0]?.on;
    expect(await readOnly()).toBe('on');
    await context.pool.transaction().execute((trx) => context.inTransaction(trx, async () => {}));
    expect(await readOnly()).toBe('off');
  });

  it('refuses any write sent to the replica', async () => {
    await expect(sql`update convention set title = 'x'`.execute(replica.db)).rejects.toThrow(
      /read-only transaction/,
    );
  });

  it('reports the replica in /health', async () => {
    const response = await app.fetch('http://coop.test/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok', replica: 'ok' });
  });

  it('says the server is degraded when the replica does not answer', async () => {
    const unreachable = openPostgres({
      url: 'postgres://postgres@127.0.0.1:1/coop',
      connectionTimeoutMs: 500,
      readOnly: true,
    });
    try {
      const degraded = createApp({ db: primary.db, replica: unreachable.db });
      const response = await degraded.fetch('http://coop.test/health');
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: 'degraded',
        database: 'ok',
        replica: 'unreachable',
      });
    } finally {
      await unreachable.close();
    }
  });
});
