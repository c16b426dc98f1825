import { describe, expect, it } from 'vitest';
import { ENGINES, useTestApp } from '../../test/engines.js';
import { gql, signIn } from '../../test/graphql-client.js';

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      __typename
      ... on CreateApiTokenSuccess {
        created {
          token
          apiToken {
            id
            name
            access
            active
            lastUsedAt
          }
        }
      }
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        issues {
          path
          code
        }
      }
    }
  }
`;
const REVOKE = /* GraphQL */ `
  mutation Revoke($id: ID!) {
    revokeApiToken(input: { id: $id }) {
      __typename
      ... on RevokeApiTokenSuccess {
        apiToken {
          active
          revokedAt
        }
      }
      ... on Error {
        code
      }
    }
  }
`;
const CONVENTIONS = /* GraphQL */ `
  {
    viewer {
      displayName
      role
      canWrite
      collectivity {
        name
      }
    }
    conventions {
      totalCount
      edges {
        node {
          title
        }
      }
    }
  }
`;

for (const engine of ENGINES) {
  describe(`API tokens on ${engine}`, () => {
    const t = useTestApp(engine);

    async function createToken(
      cookie: string,
      access: 'READ' | 'READ_WRITE',
      name = 'Partner tool',
    ) {
      const response = await gql(t.app, CREATE, { input: { name, access } }, { cookie });
      expect(response.data.createApiToken.__typename).toBe('CreateApiTokenSuccess');
      return response.data.createApiToken.created as {
        token: string;
        apiToken: { id: string; name: string };
      };
    }

    it('shows the secret once; the token then reads what its collectivity sees, and only that', async () => {
      const admin = await signIn(t.app, 'admin@chefchaouen.demo');
      const created = await createToken(admin, 'READ', 'Chefchaouen reporting');
      expect(created.token).toMatch(/^coopt_[\w-]{43}$/);

      const response = await gql(t.app, CONVENTIONS, {}, { token: created.token });
      expect(response.data.viewer).toEqual({
        displayName: 'Chefchaouen reporting',
        role: 'VIEWER',
        canWrite: false,
        collectivity: { name: 'Chefchaouen' },
      });
      expect(response.data.conventions.totalCount).toBe(1);

      const list = await gql(
        t.app,
        '{ viewer { apiTokens { name lastUsedAt active } } }',
        {},
        { cookie: admin },
      );
      const listed = list.data.viewer.apiTokens.find(
        (token: { name: string }) => token.name === 'Chefchaouen reporting',
      );
      expect(listed).toMatchObject({ active: true });
      expect(listed.lastUsedAt).not.toBeNull();
      expect(JSON.stringify(list.data)).not.toContain(created.token);
    });

    it('stores only a hash of the secret', async () => {
      const admin = await signIn(t.app, 'admin@dijon.demo');
      const created = await createToken(admin, 'READ');
      const rows = await t.db.selectFrom('api_token').select('token_hash').execute();
      expect(rows.some((row) => row.token_hash === created.token)).toBe(false);
      expect(rows.every((row) => !row.token_hash.startsWith('coopt_'))).toBe(true);
    });

    it('stops working once revoked, and a revoked or unknown token is simply not signed in', async () => {
      const admin = await signIn(t.app, 'admin@dijon.demo');
      const created = await createToken(admin, 'READ_WRITE');
      const revoked = await gql(t.app, REVOKE, { id: created.apiToken.id }, { cookie: admin });
      expect(revoked.data.revokeApiToken.__typename).toBe('RevokeApiTokenSuccess');
      expect(revoked.data.revokeApiToken.apiToken.active).toBe(false);
      const response = await gql(t.app, CONVENTIONS, {}, { token: created.token });
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const unknown = await gql(t.app, CONVENTIONS, {}, { token: 'coopt_nope' });
      expect(unknown.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('stops working once expired', async () => {
      const admin = await signIn(t.app, 'admin@dijon.demo');
      const created = await createToken(admin, 'READ');
      await t.db
        .updateTable('api_token')
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where('name', '=', 'Partner tool')
        .execute();
      const response = await gql(t.app, CONVENTIONS, {}, { token: created.token });
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses an expiry in the past and an empty name, naming the fields', async () => {
      const admin = await signIn(t.app, 'admin@dijon.demo');
      const response = await gql(
        t.app,
        CREATE,
        { input: { name: ' ', access: 'READ', expiresAt: '2020-01-01T00:00:00Z' } },
        { cookie: admin },
      );
      expect(response.data.createApiToken).toEqual({
        __typename: 'ValidationError',
        code: 'VALIDATION',
        message: expect.any(String),
        issues: [
          { path: ['input', 'name'], code: 'REQUIRED' },
          { path: ['input', 'expiresAt'], code: 'IN_THE_PAST' },
        ],
      });
    });

    it('lets no token create or revoke tokens, and no one revoke another collectivity’s token', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const created = await createToken(dijon, 'READ_WRITE');
      const byToken = await gql(
        t.app,
        CREATE,
        { input: { name: 'x', access: 'READ' } },
        { token: created.token },
      );
      expect(byToken.data.createApiToken).toMatchObject({ __typename: 'ForbiddenError' });

      const mainz = await signIn(t.app, 'admin@mainz.demo');
      const foreign = await gql(t.app, REVOKE, { id: created.apiToken.id }, { cookie: mainz });
      expect(foreign.data.revokeApiToken).toEqual({
        __typename: 'NotFoundError',
        code: 'NOT_FOUND',
      });
      const node = await gql(
        t.app,
        'query($id: ID!) { node(id: $id) { id } }',
        { id: created.apiToken.id },
        { cookie: mainz },
      );
      expect(node.data.node).toBeNull();
    });
  });
}
