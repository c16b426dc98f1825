import { describe, expect, it } from 'vitest';
import { ENGINES, useTestApp } from '../../test/engines.js';
import { actionsDemo, mutate, readOnlyToken } from '../../test/fixtures-actions.js';
import { gql } from '../../test/graphql-client.js';

const DIRECTORY = /* GraphQL */ `
  query Directory($first: Int, $after: String, $search: String) {
    organizations(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          countryCode
          kind
          iatiIdentifier
        }
      }
    }
  }
`;

const ORGANIZATION = 'organization { id name countryCode kind iatiIdentifier }';

for (const engine of ENGINES) {
  describe(`organisations on ${engine}`, () => {
    const t = useTestApp(engine);

    it('shows the directory to anyone signed in, co-funders of both countries included', async () => {
      const { chefchaouen } = await actionsDemo(t.app);
      const response = await gql(t.app, DIRECTORY, { first: 100 }, chefchaouen);
      const names = response.data.organizations.edges.map(
        (edge: { node: { name: string } }) => edge.node.name,
      );
      expect(names).toEqual(
        expect.arrayContaining([
          'Ministère de l’Europe et des Affaires étrangères – DAECT',
          'Ministère de l’Intérieur – Direction générale des collectivités territoriales (DGCT)',
          // Named in the Dijon–Mainz convention only: the directory itself is public.
          'Office franco-allemand pour la Jeunesse (OFAJ)',
        ]),
      );
      expect(response.data.organizations.totalCount).toBe(names.length);
      expect(response.data.organizations.edges[0].node).toMatchObject({
        name: 'Ministère de l’Europe et des Affaires étrangères – DAECT',
        countryCode: 'FR',
        kind: 'GOVERNMENT',
        iatiIdentifier: 'FR-6',
      });
    });

    it('finds by part of the name in any case, and pages with a cursor', async () => {
      const { mainz } = await actionsDemo(t.app);
      const found = await gql(t.app, DIRECTORY, { search: 'ministère' }, mainz);
      expect(found.data.organizations.totalCount).toBe(2);
      const first = await gql(t.app, DIRECTORY, { first: 2 }, mainz);
      expect(first.data.organizations.pageInfo.hasNextPage).toBe(true);
      const next = await gql(
        t.app,
        DIRECTORY,
        { first: 2, after: first.data.organizations.pageInfo.endCursor },
        mainz,
      );
      const ids = [...first.data.organizations.edges, ...next.data.organizations.edges].map(
        (edge: { node: { id: string } }) => edge.node.id,
      );
      expect(new Set(ids).size).toBe(4);
      const tooMany = await gql(t.app, DIRECTORY, { first: 101 }, mainz);
      expect(tooMany.errors?.[0]?.message).toMatch(/at most 100/);
    });

    it('refuses the directory to an anonymous caller', async () => {
      const response = await gql(t.app, DIRECTORY, {});
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const node = await gql(t.app, 'query($id: ID!) { node(id: $id) { id } }', {
        id: Buffer.from('Organization:1').toString('base64'),
      });
      expect(node.data?.node ?? null).toBeNull();
    });

    it('adds an organisation to the directory, which everyone then finds through node(id:)', async () => {
      const { chefchaouen, mainz } = await actionsDemo(t.app);
      const created = await mutate(
        t.app,
        chefchaouen,
        'createOrganization',
        {
          name: '  Agence de développement social  ',
          countryCode: 'ma',
          kind: 'PUBLIC_BODY',
          iatiIdentifier: 'MA-ADS',
        },
        ORGANIZATION,
      );
      expect(created).toMatchObject({
        __typename: 'CreateOrganizationSuccess',
        organization: {
          name: 'Agence de développement social',
          countryCode: 'MA',
          kind: 'PUBLIC_BODY',
          iatiIdentifier: 'MA-ADS',
        },
      });
      const seen = await gql(
        t.app,
        'query($id: ID!) { node(id: $id) { ... on Organization { name } } }',
        { id: created.organization.id },
        mainz,
      );
      expect(seen.data.node).toEqual({ name: 'Agence de développement social' });
      const entries = await t.db
        .selectFrom('audit_entry')
        .select(['operation', 'convention_id'])
        .where('subject_type', '=', 'Organization')
        .execute();
      expect(entries).toEqual([{ operation: 'createOrganization', convention_id: null }]);
    });

    it('names every field wrong and writes nothing', async () => {
      const { dijon } = await actionsDemo(t.app);
      const count = async () =>
        (
          await t.db
            .selectFrom('organization')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n;
      const before = await count();
      const refused = await mutate(t.app, dijon, 'createOrganization', {
        name: ' ',
        countryCode: 'FRA',
        kind: 'GOVERNMENT',
        iatiIdentifier: 'x'.repeat(101),
      });
      expect(refused.__typename).toBe('ValidationError');
      expect(refused.issues.map((issue: { path: string[]; code: string }) => issue)).toEqual([
        expect.objectContaining({ path: ['input', 'name'], code: 'REQUIRED' }),
        expect.objectContaining({ path: ['input', 'countryCode'], code: 'INVALID_COUNTRY_CODE' }),
        expect.objectContaining({ path: ['input', 'iatiIdentifier'], code: 'TOO_LONG' }),
      ]);
      const duplicate = await mutate(t.app, dijon, 'createOrganization', {
        name: 'ministère de l’europe et des affaires étrangères – daect',
        countryCode: 'FR',
        kind: 'GOVERNMENT',
      });
      expect(duplicate.issues).toEqual([
        expect.objectContaining({ path: ['input', 'name'], code: 'DUPLICATE_ORGANIZATION' }),
      ]);
      expect(await count()).toEqual(before);
    });

    it('refuses a new organisation through a read-only token', async () => {
      const { dijon } = await actionsDemo(t.app);
      const token = await readOnlyToken(t.app, dijon);
      const refused = await mutate(t.app, token, 'createOrganization', {
        name: 'Région Bourgogne-Franche-Comté',
        countryCode: 'FR',
        kind: 'GOVERNMENT',
      });
      expect(refused).toMatchObject({
        __typename: 'ForbiddenError',
        message: 'This API token is read-only',
      });
    });
  });
}
