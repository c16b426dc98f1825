import { describe, expect, it } from 'vitest';
import { ENGINES, useTestApp } from '../test/engines.js';
import { gql, signIn } from '../test/graphql-client.js';

for (const engine of ENGINES) {
  describe(`the HTTP surface on ${engine}`, () => {
    const t = useTestApp(engine);

    it('reports health with the database reachable', async () => {
      const response = await t.app.fetch('http://coop.test/health');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
    });

    it('answers a malformed query with a syntax error and no stack trace', async () => {
      const response = await gql(t.app, '{ conventions { edges { node { title } }');
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.message).toMatch(/^Syntax Error/);
      expect(JSON.stringify(response)).not.toMatch(/at .*\.(js|ts):\d+/);
    });

    it('does not suggest field names to a client that misspells one', async () => {
      const cookie = await signIn(t.app, 'admin@dijon.demo');
      const response = await gql(
        t.app,
        '{ conventions { edges { node { titl } } } }',
        {},
        { cookie },
      );
      expect(response.errors?.[0]?.message).not.toMatch(/Did you mean/);
    });

    it('refuses a GET query without the CSRF header', async () => {
      const response = await t.app.fetch('http://coop.test/graphql?query=%7Bviewer%7Bemail%7D%7D');
      expect(response.status).toBe(403);
    });

    it('refuses batched operations', async () => {
      const response = await t.app.fetch('http://coop.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-coop-csrf': '1' },
        body: JSON.stringify([
          { query: '{ viewer { email } }' },
          { query: '{ viewer { email } }' },
        ]),
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
    });

    it('refuses a query deeper than the limit, even through a fragment named __schema', async () => {
      // conventions > edges > node > parties > collectivity > id is depth 6; wrap it in fragments named
      // __schema that a vulnerable depth check would skip.
      const query = /* GraphQL */ `
        query {
          conventions {
            edges {
              node {
                ...__schema
              }
            }
          }
        }
        fragment __schema on Convention {
          parties {
            collectivity {
              ... on Collectivity {
                id
                name
              }
            }
          }
          axes {
            id
          }
          a: parties {
            collectivity {
              id
            }
          }
          b: parties {
            deliberation {
              collectivity {
                id
              }
            }
          }
          c: parties {
            deliberation {
              collectivity {
                name
              }
            }
          }
          d: parties {
            deliberation {
              collectivity {
                countryCode
              }
            }
          }
        }
      `;
      const shallow = await gql(t.app, query);
      expect(shallow.errors?.[0]?.message ?? '').not.toMatch(/depth/);
      const deeper = /* GraphQL */ `
        query {
          conventions {
            edges {
              node {
                ...__schema
              }
            }
          }
        }
        fragment __schema on Convention {
          parties {
            deliberation {
              collectivity {
                ... on Node {
                  ... on Collectivity {
                    ... on Node {
                      ... on Collectivity {
                        ... on Node {
                          ... on Collectivity {
                            ... on Node {
                              ... on Collectivity {
                                id
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      `;
      const response = await gql(t.app, deeper);
      expect(response.errors?.[0]?.message).toMatch(/depth limit of 12 exceeded/);
    });

    it('refuses more than 20 aliases', async () => {
      const aliases = Array.from({ length: 21 }, (_, i) => `a${i}: viewer { email }`).join(' ');
      const response = await gql(t.app, `{ ${aliases} }`);
      expect(response.errors?.[0]?.message).toMatch(/Aliases limit of 20 exceeded/);
    });
  });
}

describe('request size', () => {
  const t = useTestApp('pglite');

  it('refuses a body over 1 MiB with 413, declared or streamed', async () => {
    const huge = JSON.stringify({ query: `{ viewer { email } } # ${'x'.repeat(1024 * 1024)}` });
    const declared = await t.app.fetch('http://coop.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-coop-csrf': '1' },
      body: huge,
    });
    expect(declared.status).toBe(413);

    const bytes = new TextEncoder().encode(huge);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 64 * 1024)
          controller.enqueue(bytes.slice(offset, offset + 64 * 1024));
        controller.close();
      },
    });
    const streamed = await t.app.fetch('http://coop.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-coop-csrf': '1' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('accepts a streamed body under the limit', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ query: '{ viewer { email } }' }));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    });
    const response = await t.app.fetch('http://coop.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-coop-csrf': '1' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { viewer: null } });
  });
});

describe('query cost', () => {
  const t = useTestApp('pglite');

  it('admits a partner dashboard of 20 conventions × 20 actions with budgets, refuses ten of them at once', async () => {
    const { DASHBOARD_WITH_VIOLATIONS_QUERY } = await import('../bench/scenarios.js');
    const cookie = await signIn(t.app, 'admin@dijon.demo');
    const dashboard = await gql(t.app, DASHBOARD_WITH_VIOLATIONS_QUERY, {}, { cookie });
    expect(dashboard.errors).toBeUndefined();
    expect(dashboard.data.conventions.edges.length).toBeGreaterThan(0);

    const selection = DASHBOARD_WITH_VIOLATIONS_QUERY.slice(
      DASHBOARD_WITH_VIOLATIONS_QUERY.indexOf('conventions(first: 20)'),
      DASHBOARD_WITH_VIOLATIONS_QUERY.lastIndexOf('}'),
    );
    const tenTimes = `{ ${Array.from({ length: 10 }, (_, i) => `c${i}: ${selection}`).join('\n')} }`;
    const refused = await gql(t.app, tenTimes, {}, { cookie });
    expect(refused.errors?.[0]?.message).toMatch(/Query Cost limit of 1500000 exceeded/);
    expect(refused.data).toBeUndefined();
  });
});
