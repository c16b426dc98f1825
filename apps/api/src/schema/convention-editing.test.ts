import { describe, expect, it } from 'vitest';
import { ENGINES, useTestApp } from '../../test/engines.js';
import { demoIds } from '../../test/fixtures.js';
import { gql, signIn } from '../../test/graphql-client.js';
import { SQL_COUNT_HEADER } from '../yoga.js';

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateConventionInput!) {
    createConvention(input: $input) {
      __typename
      ... on CreateConventionSuccess {
        convention {
          id
          title
          version
          status
          reportingCurrency
          parties {
            collectivity {
              name
            }
            signatory {
              name
            }
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
const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateConventionInput!) {
    updateConvention(input: $input) {
      __typename
      ... on UpdateConventionSuccess {
        convention {
          title
          object
          version
        }
      }
      ... on ConflictError {
        currentVersion
      }
      ... on Error {
        code
        message
      }
    }
  }
`;
const SIGN = /* GraphQL */ `
  mutation Sign($input: RecordSignatureInput!) {
    recordSignature(input: $input) {
      __typename
      ... on RecordSignatureSuccess {
        convention {
          version
          status
          signature {
            place
            date
            originals
          }
          startDate
          endDate
        }
      }
      ... on ValidationError {
        issues {
          path
          code
          message
        }
      }
      ... on Error {
        code
      }
    }
  }
`;
const SIGNATORY = /* GraphQL */ `
  mutation Signatory($input: SetSignatoryInput!) {
    setSignatory(input: $input) {
      __typename
      ... on SetSignatorySuccess {
        convention {
          version
          parties {
            signatory {
              name
              office
            }
          }
        }
      }
      ... on Error {
        code
      }
    }
  }
`;
const DELIBERATION = /* GraphQL */ `
  mutation Deliberation($input: RecordDeliberationInput!) {
    recordDeliberation(input: $input) {
      __typename
      ... on RecordDeliberationSuccess {
        convention {
          deliberations {
            collectivity {
              name
            }
            kind
            body
            date
          }
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
const RENEW = /* GraphQL */ `
  mutation Renew($input: RenewConventionInput!) {
    renewConvention(input: $input) {
      __typename
      ... on RenewalBlockedError {
        code
        blockers {
          code
          message
          collectivity {
            name
          }
        }
      }
      ... on RenewConventionSuccess {
        convention {
          terms {
            number
          }
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`;

for (const engine of ENGINES) {
  describe(`editing conventions on ${engine}`, () => {
    const t = useTestApp(engine);

    it('Dijon drafts a convention with Mainz: both see it, Chefchaouen does not', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const ids = await demoIds(t.app, dijon);
      const response = await gql(
        t.app,
        CREATE,
        {
          input: {
            title: '  Convention jeunesse Dijon – Mainz  ',
            signatoryName: 'Nathalie Koenders',
            signatoryOffice: 'Maire',
            partners: [{ collectivityId: ids.mainz }],
          },
        },
        { cookie: dijon },
      );
      expect(response.data.createConvention).toMatchObject({
        __typename: 'CreateConventionSuccess',
        convention: {
          title: 'Convention jeunesse Dijon – Mainz',
          version: 1,
          status: 'DRAFT',
          reportingCurrency: 'EUR',
          parties: [
            { collectivity: { name: 'Dijon' }, signatory: { name: 'Nathalie Koenders' } },
            { collectivity: { name: 'Mainz' }, signatory: null },
          ],
        },
      });
      const mainz = await signIn(t.app, 'admin@mainz.demo');
      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const titles = async (cookie: string) =>
        (
          await gql(t.app, '{ conventions { edges { node { title } } } }', {}, { cookie })
        ).data.conventions.edges.map((edge: { node: { title: string } }) => edge.node.title);
      expect(await titles(mainz)).toContain('Convention jeunesse Dijon – Mainz');
      expect(await titles(chefchaouen)).not.toContain('Convention jeunesse Dijon – Mainz');
    });

    it('names every field wrong in a new convention and writes nothing', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const ids = await demoIds(t.app, dijon);
      const before = await t.db
        .selectFrom('convention')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      const response = await gql(
        t.app,
        CREATE,
        {
          input: {
            title: '',
            durationYears: 0,
            reportingCurrency: 'XYZ',
            partners: [
              { collectivityId: ids.dijon },
              { collectivityId: ids.mainz },
              { collectivityId: ids.mainz },
              { collectivityId: 'bogus' },
            ],
          },
        },
        { cookie: dijon },
      );
      expect(response.data.createConvention.__typename).toBe('ValidationError');
      expect(response.data.createConvention.issues).toEqual([
        { path: ['input', 'title'], code: 'REQUIRED' },
        { path: ['input', 'durationYears'], code: 'OUT_OF_RANGE' },
        { path: ['input', 'reportingCurrency'], code: 'UNKNOWN_CURRENCY' },
        { path: ['input', 'partners', '3', 'collectivityId'], code: 'UNKNOWN_COLLECTIVITY' },
        { path: ['input', 'partners', '0', 'collectivityId'], code: 'DUPLICATE_PARTY' },
        { path: ['input', 'partners', '2', 'collectivityId'], code: 'DUPLICATE_PARTY' },
      ]);
      const after = await t.db
        .selectFrom('convention')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(after.n).toEqual(before.n);
    });

    it('of two edits made on the same version, one wins and the other gets ConflictError, overwriting nothing', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const { founding } = await demoIds(t.app, dijon);
      const version = founding!.version;
      const [first, second] = await Promise.all([
        gql(
          t.app,
          UPDATE,
          { input: { id: founding!.id, version, object: 'Objet révisé par Dijon' } },
          { cookie: dijon },
        ),
        gql(
          t.app,
          UPDATE,
          { input: { id: founding!.id, version, object: 'Objet révisé par Chefchaouen' } },
          { cookie: chefchaouen },
        ),
      ]);
      const outcomes = [first.data.updateConvention, second.data.updateConvention];
      const winner = outcomes.find((outcome) => outcome.__typename === 'UpdateConventionSuccess');
      const loser = outcomes.find((outcome) => outcome.__typename === 'ConflictError');
      expect(winner).toBeDefined();
      expect(loser).toMatchObject({ code: 'CONFLICT', currentVersion: version + 1 });
      const stored = await t.db
        .selectFrom('convention')
        .select(['object', 'version'])
        .where('title', 'like', '%Chefchaouen%')
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ object: winner.convention.object, version: version + 1 });
    });

    it('answers NotFoundError to a non-party, exactly as for a convention that does not exist', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const { mainzConvention } = await demoIds(t.app, dijon);
      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const hidden = await gql(
        t.app,
        UPDATE,
        { input: { id: mainzConvention!.id, version: 1, title: 'x' } },
        { cookie: chefchaouen },
      );
      const missing = await gql(
        t.app,
        UPDATE,
        {
          input: {
            id: Buffer.from('Convention:424242').toString('base64'),
            version: 1,
            title: 'x',
          },
        },
        { cookie: chefchaouen },
      );
      expect(hidden.data).toEqual(missing.data);
      expect(hidden.data.updateConvention).toEqual({
        __typename: 'NotFoundError',
        code: 'NOT_FOUND',
        message: 'No object with this ID',
      });
    });

    it('refuses any change through a read-only token', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const { founding } = await demoIds(t.app, dijon);
      const created = await gql(
        t.app,
        'mutation { createApiToken(input: { name: "ro", access: READ }) { ... on CreateApiTokenSuccess { created { token } } } }',
        {},
        { cookie: dijon },
      );
      const token = created.data.createApiToken.created.token;
      const response = await gql(
        t.app,
        UPDATE,
        { input: { id: founding!.id, version: founding!.version, title: 'x' } },
        { token },
      );
      expect(response.data.updateConvention).toMatchObject({
        __typename: 'ForbiddenError',
        message: 'This API token is read-only',
      });
    });

    it('signs a draft once each party has its signatory: the first term starts that day', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const ids = await demoIds(t.app, dijon);
      const created = await gql(
        t.app,
        CREATE,
        {
          input: {
            title: 'Convention à signer',
            signatoryName: 'N. K.',
            signatoryOffice: 'Maire',
            partners: [{ collectivityId: ids.chefchaouen }],
          },
        },
        { cookie: dijon },
      );
      const convention = created.data.createConvention.convention;
      const unsigned = await gql(
        t.app,
        SIGN,
        { input: { conventionId: convention.id, version: 1, date: '2026-02-30', originals: 2 } },
        { cookie: dijon },
      );
      expect(unsigned.errors?.[0]?.message).toMatch(/2026-02-30/);

      const missingSignatory = await gql(
        t.app,
        SIGN,
        { input: { conventionId: convention.id, version: 1, date: '2026-03-02', originals: 0 } },
        { cookie: dijon },
      );
      expect(
        missingSignatory.data.recordSignature.issues.map((issue: { code: string }) => issue.code),
      ).toEqual(['OUT_OF_RANGE', 'MISSING_SIGNATORY']);

      const signatory = await gql(
        t.app,
        SIGNATORY,
        {
          input: {
            conventionId: convention.id,
            version: 1,
            collectivityId: ids.chefchaouen,
            name: 'Mohamed Sefiani',
            office: 'Maire en exercice',
          },
        },
        { cookie: dijon },
      );
      expect(signatory.data.setSignatory.convention.version).toBe(2);
      const signed = await gql(
        t.app,
        SIGN,
        {
          input: {
            conventionId: convention.id,
            version: 2,
            place: 'Chefchaouen',
            date: '2026-03-02',
            originals: 4,
          },
        },
        { cookie: dijon },
      );
      expect(signed.data.recordSignature).toEqual({
        __typename: 'RecordSignatureSuccess',
        convention: {
          version: 3,
          status: 'IN_FORCE',
          signature: { place: 'Chefchaouen', date: '2026-03-02', originals: 4 },
          startDate: '2026-03-02',
          endDate: '2031-03-01',
        },
      });
    });

    it('records a deliberation of a party, and refuses one of a collectivity that is not a party', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const ids = await demoIds(t.app, dijon);
      const input = {
        conventionId: ids.founding!.id,
        kind: 'OTHER',
        body: 'Conseil communal',
        date: '2026-10-05',
        subject: 'Bilan annuel',
      };
      const refused = await gql(
        t.app,
        DELIBERATION,
        { input: { ...input, collectivityId: ids.mainz } },
        { cookie: dijon },
      );
      expect(refused.data.recordDeliberation.issues).toEqual([
        { path: ['input', 'collectivityId'], code: 'NOT_A_PARTY' },
      ]);
      const recorded = await gql(
        t.app,
        DELIBERATION,
        { input: { ...input, collectivityId: ids.chefchaouen } },
        { cookie: dijon },
      );
      expect(recorded.data.recordDeliberation.convention.deliberations).toContainEqual({
        collectivity: { name: 'Chefchaouen' },
        kind: 'OTHER',
        body: 'Conseil communal',
        date: '2026-10-05',
      });
    });

    it('blocks a renewal without a programme evaluation, and names every blocker', async () => {
      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const { founding } = await demoIds(t.app, chefchaouen);
      const current = await gql(
        t.app,
        'query($id: ID!) { node(id: $id) { ... on Convention { version renewal { eligible blockers issues { code collectivity { name } } } } } }',
        { id: founding!.id },
        { cookie: chefchaouen },
      );
      expect(current.data.node.renewal.eligible).toBe(false);
      expect(current.data.node.renewal.issues).toEqual([
        { code: 'MISSING_RENEWAL_DELIBERATION', collectivity: { name: 'Dijon' } },
        { code: 'MISSING_RENEWAL_DELIBERATION', collectivity: { name: 'Chefchaouen' } },
        { code: 'NO_COMPLETED_PROGRAMME_EVALUATION', collectivity: null },
      ]);
      const response = await gql(
        t.app,
        RENEW,
        { input: { conventionId: founding!.id, version: current.data.node.version } },
        { cookie: chefchaouen },
      );
      expect(response.data.renewConvention.__typename).toBe('RenewalBlockedError');
      expect(
        response.data.renewConvention.blockers.map((blocker: { code: string }) => blocker.code),
      ).toContain('NO_COMPLETED_PROGRAMME_EVALUATION');
      const terms = await t.db.selectFrom('renewal').select('term_number').execute();
      expect(terms.map((row) => row.term_number).sort()).toEqual([2, 3]);
    });

    it('keeps an audit trail of every change, readable by the parties', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const { founding } = await demoIds(t.app, dijon);
      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const trail = await gql(
        t.app,
        'query($id: ID!) { node(id: $id) { ... on Convention { auditTrail(first: 50) { totalCount edges { node { actor operation subjectType before after actorCollectivity { name } } } } } } }',
        { id: founding!.id },
        { cookie: chefchaouen },
      );
      const entries = trail.data.node.auditTrail.edges.map((edge: { node: unknown }) => edge.node);
      expect(trail.data.node.auditTrail.totalCount).toBeGreaterThanOrEqual(2);
      const update = entries.find(
        (entry: { operation: string }) => entry.operation === 'updateConvention',
      );
      expect(update).toMatchObject({
        subjectType: 'Convention',
        before: { version: 1 },
        after: { version: 2 },
      });
      expect(update.before.object).not.toEqual(update.after.object);
      const deliberation = entries.find(
        (entry: { operation: string }) => entry.operation === 'recordDeliberation',
      );
      expect(deliberation).toMatchObject({
        actor: 'Admin Dijon (admin@dijon.demo)',
        actorCollectivity: { name: 'Dijon' },
        before: null,
        after: { kind: 'OTHER' },
      });
      const mainz = await signIn(t.app, 'admin@mainz.demo');
      const hidden = await gql(
        t.app,
        'query($id: ID!) { node(id: $id) { ... on Convention { auditTrail { totalCount } } } }',
        { id: founding!.id },
        { cookie: mainz },
      );
      expect(hidden.data.node).toBeNull();
    });

    it('filters by status, partner country, axis and title', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const list = async (filter: Record<string, unknown>) =>
        (
          await gql(
            t.app,
            'query($f: ConventionFilter) { conventions(filter: $f) { totalCount edges { node { title } } } }',
            { f: filter },
            { cookie: dijon },
          )
        ).data.conventions;
      expect(
        (await list({ partnerCountry: 'ma' })).edges.map(
          (e: { node: { title: string } }) => e.node.title,
        ),
      ).toEqual(expect.arrayContaining([expect.stringContaining('Chefchaouen')]));
      expect(
        (await list({ partnerCountry: 'DE', status: ['EXPIRING'] })).edges.map(
          (e: { node: { title: string } }) => e.node.title,
        ),
      ).toEqual([
        'Convention de coopération entre la Ville de Dijon et la Ville de Mayence (Mainz)',
      ]);
      expect((await list({ axis: 'jeunesse', search: 'partenariat' })).totalCount).toBe(1);
      expect((await list({ status: ['EXPIRED'] })).totalCount).toBe(0);
    });

    it('costs the same number of SQL statements for 2 conventions as for 8 (no N+1)', async () => {
      const mainz = await signIn(t.app, 'admin@mainz.demo');
      const ids = await demoIds(t.app, mainz);
      const query =
        '{ conventions(first: 100) { totalCount edges { node { title status startDate endDate terms { number } renewal { eligible } parties { collectivity { name } signatory { name } deliberation { date } } axes { title } deliberations { date } } } } }';
      const count = async () =>
        Number((await gql(t.app, query, {}, { cookie: mainz })).headers.get(SQL_COUNT_HEADER));
      const before = await count();
      const visible = (await gql(t.app, '{ conventions { totalCount } }', {}, { cookie: mainz }))
        .data.conventions.totalCount;
      for (let index = visible; index < 8; index++) {
        await gql(
          t.app,
          CREATE,
          {
            input: {
              title: `Convention ${index}`,
              partners: [{ collectivityId: ids.chefchaouen }],
            },
          },
          { cookie: mainz },
        );
      }
      expect(
        (await gql(t.app, '{ conventions { totalCount } }', {}, { cookie: mainz })).data.conventions
          .totalCount,
      ).toBe(8);
      expect(before).toBeGreaterThan(0);
      expect(await count()).toBe(before);
    });
  });
}
