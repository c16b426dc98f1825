import { describe, expect, it } from 'vitest';
import { ENGINES, useTestApp } from '../../test/engines.js';
import { gql, signIn } from '../../test/graphql-client.js';
import { SQL_COUNT_HEADER } from '../yoga.js';

const CONVENTIONS = /* GraphQL */ `
  query Conventions($first: Int, $after: String) {
    conventions(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
        }
      }
    }
  }
`;

const CONVENTION = /* GraphQL */ `
  query Convention($id: ID!, $at: Date) {
    node(id: $id) {
      ... on Convention {
        title
        object
        durationYears
        signature {
          place
          date
          originals
        }
        parties {
          collectivity {
            name
          }
          signatory {
            name
            office
          }
          deliberation {
            body
            date
            kind
          }
        }
        axes {
          title
          periodStart
          periodEnd
        }
        terms {
          number
          startDate
          endDate
        }
        startDate
        endDate
        status
        statusThen: status(at: $at)
      }
    }
  }
`;

async function conventionTitles(app: Parameters<typeof gql>[0], cookie: string): Promise<string[]> {
  const response = await gql(app, CONVENTIONS, {}, { cookie });
  return response.data.conventions.edges.map(
    (edge: { node: { title: string } }) => edge.node.title,
  );
}

for (const engine of ENGINES) {
  describe(`conventions on ${engine}`, () => {
    const t = useTestApp(engine);

    it('Dijon sees both its conventions; Chefchaouen only the founding one; Mainz only its own', async () => {
      expect(await conventionTitles(t.app, await signIn(t.app, 'admin@dijon.demo'))).toEqual([
        'Convention de partenariat entre la Ville de Dijon et la Ville de Chefchaouen',
        'Convention de coopération entre la Ville de Dijon et la Ville de Mayence (Mainz)',
      ]);
      expect(await conventionTitles(t.app, await signIn(t.app, 'admin@chefchaouen.demo'))).toEqual([
        'Convention de partenariat entre la Ville de Dijon et la Ville de Chefchaouen',
      ]);
      expect(await conventionTitles(t.app, await signIn(t.app, 'admin@mainz.demo'))).toEqual([
        'Convention de coopération entre la Ville de Dijon et la Ville de Mayence (Mainz)',
      ]);
    });

    it('serves the founding convention as written to Chefchaouen', async () => {
      const cookie = await signIn(t.app, 'admin@chefchaouen.demo');
      const list = await gql(t.app, CONVENTIONS, {}, { cookie });
      const id = list.data.conventions.edges[0].node.id;
      const response = await gql(t.app, CONVENTION, { id, at: '2020-12-15' }, { cookie });
      expect(response.errors).toBeUndefined();
      const convention = response.data.node;
      expect(convention.object).toMatch(
        /^La convention a pour objet la mise en œuvre d'une nouvelle génération de partenariat/,
      );
      expect(convention.durationYears).toBe(5);
      expect(convention.signature).toEqual({ place: null, date: '2016-06-01', originals: 6 });
      expect(convention.parties).toEqual([
        {
          collectivity: { name: 'Dijon' },
          signatory: { name: 'François Rebsamen', office: 'Maire en exercice' },
          deliberation: { body: 'Conseil municipal', date: '2016-03-21', kind: 'AUTHORISATION' },
        },
        {
          collectivity: { name: 'Chefchaouen' },
          signatory: { name: 'Mohamed Sefiani', office: 'Maire en exercice' },
          deliberation: null,
        },
      ]);
      expect(convention.axes).toHaveLength(5);
      expect(convention.axes[3]).toEqual({
        title: 'Education et jeunesse',
        periodStart: '2016-01-01',
        periodEnd: '2020-12-31',
      });
      expect(convention.terms[0]).toEqual({
        number: 1,
        startDate: '2016-06-01',
        endDate: '2021-05-31',
      });
      // In December 2020 the first term had under six months left, but its renewal was decided only in 2021.
      expect(convention.statusThen).toBe('EXPIRING');
    });

    it('reads a convention page in three statements, its budgets’ approvals as each budget gives them', async () => {
      const cookie = await signIn(t.app, 'admin@chefchaouen.demo');
      const list = await gql(t.app, CONVENTIONS, {}, { cookie });
      const id = list.data.conventions.edges[0].node.id;
      // The approval state asked through a named fragment and an alias, as clients write them.
      const page = await gql(
        t.app,
        /* GraphQL */ `
          query Page($id: ID!) {
            node(id: $id) {
              ... on Convention {
                title
                status
                startDate
                parties {
                  collectivity {
                    name
                  }
                }
                axes {
                  title
                }
                deliberations {
                  body
                }
                renewal {
                  eligible
                }
                actions(first: 20) {
                  edges {
                    node {
                      ...ActionRow
                    }
                  }
                }
              }
            }
          }
          fragment ActionRow on Action {
            id
            axis {
              title
            }
            budget {
              agreement: approval {
                state
                parties {
                  collectivity {
                    name
                  }
                  approved
                }
              }
            }
          }
        `,
        { id },
        { cookie },
      );
      expect(page.errors).toBeUndefined();
      // The session; the convention with its lists; its actions with their budgets' approvals.
      expect(Number(page.headers.get(SQL_COUNT_HEADER))).toBe(3);
      const actions = page.data.node.actions.edges.map(
        (edge: { node: { id: string; budget: { agreement: unknown } } }) => edge.node,
      );
      const states = actions.map(
        (action: { budget: { agreement: { state: string } } }) => action.budget.agreement.state,
      );
      expect(states).toContain('AGREED');
      expect(states).toContain('PENDING');
      for (const action of actions) {
        const alone = await gql(
          t.app,
          'query($id: ID!) { node(id: $id) { ... on Action { budget { agreement: approval { state parties { collectivity { name } approved } } } } } }',
          { id: action.id },
          { cookie },
        );
        expect(alone.data.node.budget.agreement).toEqual(action.budget.agreement);
      }
    });

    it('does not let Chefchaouen reach the Dijon–Mainz convention by its ID', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const list = await gql(t.app, CONVENTIONS, {}, { cookie: dijon });
      const mainzId = list.data.conventions.edges[1].node.id;
      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const response = await gql(t.app, CONVENTION, { id: mainzId }, { cookie: chefchaouen });
      expect(response).toMatchObject({ data: { node: null } });
      expect(response.errors).toBeUndefined();
      // Exactly the answer for an ID that does not exist.
      const missing = await gql(
        t.app,
        CONVENTION,
        { id: Buffer.from('Convention:99999').toString('base64') },
        { cookie: chefchaouen },
      );
      expect(missing.data).toEqual(response.data);
      expect(missing.errors).toEqual(response.errors);
    });

    it('answers a __typename-only node query for another tenant’s ID exactly as for a missing one', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const list = await gql(t.app, CONVENTIONS, {}, { cookie: dijon });
      const mainzId = list.data.conventions.edges[1].node.id;
      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const hidden = await gql(
        t.app,
        'query($id: ID!) { node(id: $id) { __typename } }',
        { id: mainzId },
        { cookie: chefchaouen },
      );
      const missing = await gql(
        t.app,
        'query($id: ID!) { node(id: $id) { __typename } }',
        { id: Buffer.from('Convention:99999').toString('base64') },
        { cookie: chefchaouen },
      );
      expect(hidden.data).toEqual({ node: null });
      expect(missing.data).toEqual({ node: null });
      expect(hidden.errors).toEqual(missing.errors);
    });

    it('lists the countries of the viewer’s partners, for filters, and nothing of other tenants', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const query = '{ viewer { partnerCountries } }';
      expect((await gql(t.app, query, {}, { cookie: dijon })).data.viewer.partnerCountries).toEqual(
        ['DE', 'MA'],
      );
      expect(
        (await gql(t.app, query, {}, { cookie: chefchaouen })).data.viewer.partnerCountries,
      ).toEqual(['FR']);
    });

    it('pages with first/after and counts the total', async () => {
      const cookie = await signIn(t.app, 'admin@dijon.demo');
      const first = await gql(t.app, CONVENTIONS, { first: 1 }, { cookie });
      expect(first.data.conventions).toMatchObject({
        totalCount: 2,
        pageInfo: { hasNextPage: true },
      });
      const second = await gql(
        t.app,
        CONVENTIONS,
        { first: 1, after: first.data.conventions.pageInfo.endCursor },
        { cookie },
      );
      expect(second.data.conventions.pageInfo.hasNextPage).toBe(false);
      expect(second.data.conventions.edges[0].node.title).toMatch(/Mayence/);
    });

    it('refuses a page larger than 100 instead of silently cutting it', async () => {
      const cookie = await signIn(t.app, 'admin@dijon.demo');
      const response = await gql(t.app, CONVENTIONS, { first: 101 }, { cookie });
      expect(response.errors?.[0]).toMatchObject({
        message: 'first may be at most 100; page with after',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    });

    it('asks to sign in before listing conventions', async () => {
      const response = await gql(t.app, CONVENTIONS);
      expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
      expect(response.data).toBeNull();
    });

    it('answers null for malformed and unknown IDs without an error', async () => {
      const cookie = await signIn(t.app, 'admin@dijon.demo');
      for (const id of [
        Buffer.from('Convention:abc').toString('base64'),
        Buffer.from('Convention:-1').toString('base64'),
      ]) {
        const response = await gql(
          t.app,
          'query($id: ID!) { node(id: $id) { id } }',
          { id },
          { cookie },
        );
        expect(response.data).toEqual({ node: null });
      }
    });

    it('has three terms after two renewals, and expires after the third', async () => {
      const cookie = await signIn(t.app, 'admin@chefchaouen.demo');
      const list = await gql(t.app, CONVENTIONS, {}, { cookie });
      const response = await gql(
        t.app,
        CONVENTION,
        { id: list.data.conventions.edges[0].node.id, at: '2031-06-01' },
        { cookie },
      );
      expect(response.data.node.terms.map((term: { number: number }) => term.number)).toEqual([
        1, 2, 3,
      ]);
      expect(response.data.node.statusThen).toBe('EXPIRED');
      expect(response.data.node.terms[2]).toEqual({
        number: 3,
        startDate: '2026-06-01',
        endDate: '2031-05-31',
      });
    });
  });
}
