import { describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password.js';
import { ENGINES, useTestApp } from '../../test/engines.js';
import { gql, signIn } from '../../test/graphql-client.js';

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateCollectivityInput!) {
    createCollectivity(input: $input) {
      __typename
      ... on CreateCollectivitySuccess {
        collectivity {
          name
          countryCode
          currency
          locale
          timeZone
        }
      }
      ... on ValidationError {
        issues {
          path
          code
        }
      }
      ... on Error {
        code
      }
    }
  }
`;

for (const engine of ENGINES) {
  describe(`the directory of collectivities on ${engine}`, () => {
    const t = useTestApp(engine);

    it('lists every collectivity to anyone signed in, searchable by part of the name', async () => {
      const cookie = await signIn(t.app, 'admin@chefchaouen.demo');
      const all = await gql(
        t.app,
        '{ collectivities { totalCount edges { node { name countryCode currency } } } }',
        {},
        { cookie },
      );
      expect(all.data.collectivities.totalCount).toBe(3);
      const found = await gql(
        t.app,
        '{ collectivities(search: "chef") { totalCount edges { node { name } } } }',
        {},
        { cookie },
      );
      expect(found.data.collectivities).toEqual({
        totalCount: 1,
        edges: [{ node: { name: 'Chefchaouen' } }],
      });
      const literal = await gql(
        t.app,
        '{ collectivities(search: "%") { totalCount } }',
        {},
        { cookie },
      );
      expect(literal.data.collectivities.totalCount).toBe(0);
      const anonymous = await gql(t.app, '{ collectivities { totalCount } }');
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('lets only the platform’s administrators add a collectivity, checking codes and zone', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const input = {
        name: 'Tétouan',
        countryCode: 'ma',
        currency: 'mad',
        locale: 'ar-ma',
        timeZone: 'Africa/Casablanca',
      };
      expect(
        (await gql(t.app, CREATE, { input }, { cookie: dijon })).data.createCollectivity.__typename,
      ).toBe('ForbiddenError');

      const platform = await t.db
        .insertInto('collectivity')
        .values({
          name: 'Plateforme',
          country_code: 'FR',
          currency: 'EUR',
          locale: 'fr-FR',
          time_zone: 'Europe/Paris',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.db
        .insertInto('account')
        .values({
          collectivity_id: platform.id,
          email: 'platform@coop.test',
          display_name: 'Plateforme',
          password_hash: await hashPassword('platform-password'),
          role: 'PLATFORM_ADMIN',
          disabled_at: null,
        })
        .execute();
      const admin = await signIn(t.app, 'platform@coop.test', 'platform-password');
      const created = await gql(t.app, CREATE, { input }, { cookie: admin });
      expect(created.data.createCollectivity).toEqual({
        __typename: 'CreateCollectivitySuccess',
        collectivity: {
          name: 'Tétouan',
          countryCode: 'MA',
          currency: 'MAD',
          locale: 'ar-MA',
          timeZone: 'Africa/Casablanca',
        },
      });
      const refused = await gql(
        t.app,
        CREATE,
        {
          input: {
            name: ' ',
            countryCode: 'XX',
            currency: 'ABC',
            locale: 'not a tag!',
            timeZone: 'Mars/Olympus',
          },
        },
        { cookie: admin },
      );
      expect(
        refused.data.createCollectivity.issues.map((issue: { code: string }) => issue.code),
      ).toEqual([
        'REQUIRED',
        'UNKNOWN_COUNTRY',
        'UNKNOWN_CURRENCY',
        'INVALID_LOCALE',
        'INVALID_TIME_ZONE',
      ]);
    });
  });
}
