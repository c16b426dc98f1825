import { encodeGlobalID } from '@pothos/plugin-relay';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, useTestApp } from '../../test/engines.js';
import { readOnlyToken } from '../../test/fixtures-exports.js';
import { gql, signIn } from '../../test/graphql-client.js';
import { hashPassword } from '../auth/password.js';
import { insertAccount } from '../repositories/account.js';
import { SQL_COUNT_HEADER } from '../yoga.js';

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateCalendarFeedInput!) {
    createCalendarFeed(input: $input) {
      __typename
      ... on CreateCalendarFeedSuccess {
        created {
          path
          calendarFeed {
            id
            name
            active
            revokedAt
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
    revokeCalendarFeed(input: { id: $id }) {
      __typename
      ... on RevokeCalendarFeedSuccess {
        calendarFeed {
          active
          revokedAt
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`;
const FEEDS = /* GraphQL */ `
  query Feeds($first: Int!) {
    collectivities(first: $first) {
      edges {
        node {
          name
          calendarFeeds {
            id
            name
            active
          }
        }
      }
    }
  }
`;

for (const engine of ENGINES) {
  describe(`calendar feeds in GraphQL on ${engine}`, () => {
    const t = useTestApp(engine);
    let dijon: string;
    let chefchaouen: string;

    const feedCount = async () =>
      (await t.db.selectFrom('calendar_feed').select('id').execute()).length;

    async function create(
      options: { cookie?: string; token?: string },
      name = 'Agenda du service',
    ) {
      return gql(t.app, CREATE, { input: { name } }, options);
    }

    beforeAll(async () => {
      dijon = await signIn(t.app, 'admin@dijon.demo');
      chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
    });

    it('creates a feed and hands out its secret address once, keeping only a hash', async () => {
      const response = await create({ cookie: dijon }, '  Agenda des relations internationales ');
      const created = response.data.createCalendarFeed;
      expect(created.__typename).toBe('CreateCalendarFeedSuccess');
      expect(created.created.calendarFeed).toMatchObject({
        name: 'Agenda des relations internationales',
        active: true,
        revokedAt: null,
      });
      const secret = /^\/calendar\/(coopc_[\w-]+)\.ics$/.exec(created.created.path)?.[1] ?? '';
      const stored = await t.db.selectFrom('calendar_feed').selectAll().execute();
      expect(stored.some((row) => row.token_hash === secret)).toBe(false);
      const audit = await t.db
        .selectFrom('audit_entry')
        .selectAll()
        .where('subject_type', '=', 'CalendarFeed')
        .execute();
      expect(audit).toHaveLength(1);
      expect(JSON.stringify(audit[0]?.after)).not.toContain('token_hash');
    });

    it('refuses an empty name, naming the field, and writes nothing', async () => {
      const before = await feedCount();
      const response = await create({ cookie: dijon }, '   ');
      expect(response.data.createCalendarFeed).toMatchObject({
        __typename: 'ValidationError',
        issues: [{ path: ['input', 'name'], code: 'REQUIRED' }],
      });
      expect(await feedCount()).toBe(before);
    });

    it('refuses a read-only token and a VIEWER: feeds are created by an EDITOR or above', async () => {
      const before = await feedCount();
      const token = await readOnlyToken(t.app, dijon);
      expect((await create({ token })).data.createCalendarFeed.__typename).toBe('ForbiddenError');
      const dijonId = (
        await t.db
          .selectFrom('collectivity')
          .select('id')
          .where('name', '=', 'Dijon')
          .executeTakeFirstOrThrow()
      ).id;
      await insertAccount(t.db, {
        collectivity_id: dijonId,
        email: 'lecture@dijon.demo',
        display_name: 'Lecture Dijon',
        password_hash: await hashPassword('coop-demo'),
        role: 'VIEWER',
        disabled_at: null,
      });
      const viewer = await signIn(t.app, 'lecture@dijon.demo');
      expect((await create({ cookie: viewer })).data.createCalendarFeed.__typename).toBe(
        'ForbiddenError',
      );
      expect(await feedCount()).toBe(before);
    });

    it('lists a collectivity’s feeds to its own members only', async () => {
      await create({ cookie: chefchaouen }, 'Agenda de la commune');
      const response = await gql(t.app, FEEDS, { first: 10 }, { cookie: dijon });
      const byName = new Map(
        response.data.collectivities.edges.map(
          (edge: { node: { name: string; calendarFeeds: { name: string }[] } }) => [
            edge.node.name,
            edge.node.calendarFeeds.map((feed) => feed.name),
          ],
        ),
      );
      expect(byName.get('Dijon')).toContain('Agenda des relations internationales');
      expect(byName.get('Chefchaouen')).toEqual([]);
    });

    it('reads the feeds in one statement however many collectivities are listed', async () => {
      const one = await gql(t.app, FEEDS, { first: 1 }, { cookie: dijon });
      const three = await gql(t.app, FEEDS, { first: 3 }, { cookie: dijon });
      expect(three.data.collectivities.edges).toHaveLength(3);
      expect(three.headers.get(SQL_COUNT_HEADER)).toBe(one.headers.get(SQL_COUNT_HEADER));
    });

    it('hides another collectivity’s feed: node(id:) is null, revoking it is NotFound as for a missing ID', async () => {
      const feed = (await create({ cookie: chefchaouen }, 'Agenda du maire')).data
        .createCalendarFeed.created.calendarFeed;
      const node = await gql(
        t.app,
        'query ($id: ID!) { node(id: $id) { id } }',
        { id: feed.id },
        {
          cookie: dijon,
        },
      );
      expect(node.data.node).toBeNull();
      const other = await gql(t.app, REVOKE, { id: feed.id }, { cookie: dijon });
      const missing = await gql(
        t.app,
        REVOKE,
        { id: encodeGlobalID('CalendarFeed', 999_999) },
        { cookie: dijon },
      );
      expect(other.data.revokeCalendarFeed).toEqual(missing.data.revokeCalendarFeed);
      expect(other.data.revokeCalendarFeed.__typename).toBe('NotFoundError');
      const stillThere = await gql(
        t.app,
        '{ viewer { collectivity { calendarFeeds { name active } } } }',
        {},
        {
          cookie: chefchaouen,
        },
      );
      expect(stillThere.data.viewer.collectivity.calendarFeeds).toContainEqual({
        name: 'Agenda du maire',
        active: true,
      });
    });

    it('revokes its own collectivity’s feed once and for all, not through a read-only token', async () => {
      const feed = (await create({ cookie: dijon }, 'Agenda à révoquer')).data.createCalendarFeed
        .created.calendarFeed;
      const token = await readOnlyToken(t.app, dijon);
      expect(
        (await gql(t.app, REVOKE, { id: feed.id }, { token })).data.revokeCalendarFeed.__typename,
      ).toBe('ForbiddenError');
      const revoked = await gql(t.app, REVOKE, { id: feed.id }, { cookie: dijon });
      expect(revoked.data.revokeCalendarFeed).toMatchObject({
        __typename: 'RevokeCalendarFeedSuccess',
        calendarFeed: { active: false },
      });
      const again = await gql(t.app, REVOKE, { id: feed.id }, { cookie: dijon });
      expect(again.data.revokeCalendarFeed.calendarFeed.revokedAt).toBe(
        revoked.data.revokeCalendarFeed.calendarFeed.revokedAt,
      );
    });
  });
}
