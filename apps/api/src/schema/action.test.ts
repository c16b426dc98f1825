import { describe, expect, it } from 'vitest';
import { ENGINES, useTestApp } from '../../test/engines.js';
import {
  actionsDemo,
  addCash,
  addLine,
  approveBudget,
  createFoundingAction,
  mutate,
  readOnlyToken,
  type Auth,
} from '../../test/fixtures-actions.js';
import { gql } from '../../test/graphql-client.js';
import { SQL_COUNT_HEADER } from '../yoga.js';

const ACTIONS = /* GraphQL */ `
  query Actions($id: ID!, $first: Int, $after: String) {
    node(id: $id) {
      ... on Convention {
        actions(first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              id
              title
              status
              startDate
              endDate
              dacSector
              axis {
                title
              }
              convention {
                title
              }
              specificConvention {
                reference
                signedOn
                signed
              }
              periodFlags {
                code
                startsBeforeAxis
                endsAfterAxis
                axisPeriodStart
                axisPeriodEnd
              }
              organizations {
                organization {
                  name
                }
                role
              }
              participatoryActivities {
                kind
                date
                audience
                participants
              }
              budget {
                approval {
                  state
                }
              }
            }
          }
        }
      }
    }
  }
`;

const ACTION = /* GraphQL */ `
  query Action($id: ID!) {
    node(id: $id) {
      ... on Action {
        id
        title
        version
        status
        startDate
        endDate
        periodFlags {
          code
          startsBeforeAxis
          endsAfterAxis
        }
        specificConvention {
          reference
          signedOn
          signed
          version
        }
        organizations {
          id
          organization {
            name
          }
          role
        }
        participatoryActivities {
          id
          kind
          audience
          participants
          description
        }
      }
    }
  }
`;

const ACTION_FIELDS = 'action { id title version status startDate endDate dacSector }';

for (const engine of ENGINES) {
  describe(`actions on ${engine}`, () => {
    const t = useTestApp(engine);
    let demo: Awaited<ReturnType<typeof actionsDemo>> | undefined;
    const setup = async () => (demo ??= await actionsDemo(t.app));
    const readAction = async (auth: Auth, id: string) =>
      (await gql(t.app, ACTION, { id }, auth)).data.node;
    const organizationId = async (auth: Auth, search: string): Promise<string> =>
      (
        await gql(
          t.app,
          'query($s: String) { organizations(search: $s) { edges { node { id } } } }',
          { s: search },
          auth,
        )
      ).data.organizations.edges[0].node.id;

    it('lists the founding convention’s actions with their axis, specific convention, organisations and activities', async () => {
      const { chefchaouen, founding } = await setup();
      const response = await gql(t.app, ACTIONS, { id: founding.id }, chefchaouen);
      const actions = response.data.node.actions;
      expect(actions.totalCount).toBe(3);
      const [market, residency, youth] = actions.edges.map((edge: { node: unknown }) => edge.node);
      expect(market).toMatchObject({
        title: 'Espace de producteurs : les coopératives de Chefchaouen à la Foire de Dijon',
        status: 'COMPLETED',
        startDate: '2017-04-01',
        endDate: '2018-10-31',
        dacSector: '32130',
        axis: { title: expect.stringContaining('Développement économique') },
        specificConvention: {
          reference: 'CS-DIJ-CHF-2017-01',
          signedOn: '2017-03-15',
          signed: true,
        },
        periodFlags: [],
        budget: { approval: { state: 'AGREED' } },
      });
      expect(market.organizations).toContainEqual({
        organization: { name: 'Ministère de l’Europe et des Affaires étrangères – DAECT' },
        role: 'FUNDING',
      });
      expect(market.participatoryActivities).toEqual([
        {
          kind: 'INFORMATION',
          date: '2017-03-20',
          audience: 'Producteurs et artisans de la province de Chefchaouen',
          participants: 60,
        },
        {
          kind: 'CONSULTATION',
          date: '2017-05-12',
          audience: 'Coopératives féminines',
          participants: 85,
        },
      ]);
      // A2: postponed past its axis' period, allowed but flagged.
      expect(residency).toMatchObject({
        status: 'IN_PROGRESS',
        periodFlags: [
          {
            code: 'OUTSIDE_AXIS_PERIOD',
            startsBeforeAxis: false,
            endsAfterAxis: true,
            axisPeriodStart: '2016-01-01',
            axisPeriodEnd: '2020-12-31',
          },
        ],
        budget: { approval: { state: 'AGREED' } },
      });
      expect(youth).toMatchObject({
        status: 'PLANNED',
        specificConvention: { signedOn: null, signed: false },
        budget: { approval: { state: 'PENDING' } },
      });
    });

    it('pages the actions of a convention with a cursor', async () => {
      const { dijon, founding } = await setup();
      const first = (await gql(t.app, ACTIONS, { id: founding.id, first: 2 }, dijon)).data.node
        .actions;
      expect(first.edges).toHaveLength(2);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const next = (
        await gql(
          t.app,
          ACTIONS,
          { id: founding.id, first: 2, after: first.pageInfo.endCursor },
          dijon,
        )
      ).data.node.actions;
      expect(next.edges[0].node.title).toContain('Regards croisés');
      const tooMany = await gql(t.app, ACTIONS, { id: founding.id, first: 101 }, dijon);
      expect(tooMany.errors?.[0]?.message).toMatch(/at most 100/);
    });

    it('hides the Dijon–Mainz convention’s actions from Chefchaouen, through node(id:), nested fields and mutations alike', async () => {
      const { dijon, chefchaouen, mainzConvention } = await setup();
      const listed = await gql(t.app, ACTIONS, { id: mainzConvention.id }, dijon);
      const mainzAction = listed.data.node.actions.edges[0].node;
      expect(mainzAction.title).toBe('Échange d’apprentis boulangers Dijon – Mainz');
      expect(await readAction(chefchaouen, mainzAction.id)).toBeNull();
      expect(
        (await gql(t.app, ACTIONS, { id: mainzConvention.id }, chefchaouen)).data.node,
      ).toBeNull();
      const missing = Buffer.from('Action:424242').toString('base64');
      for (const [name, input] of [
        ['updateAction', { version: 1, title: 'x' }],
        ['setSpecificConvention', { reference: 'x' }],
        [
          'addParticipatoryActivity',
          { kind: 'INFORMATION', date: '2024-01-01', audience: 'x', participants: 1 },
        ],
      ] as const) {
        const idField = name === 'updateAction' ? 'id' : 'actionId';
        const hidden = await mutate(t.app, chefchaouen, name, {
          [idField]: mainzAction.id,
          ...input,
        });
        const absent = await mutate(t.app, chefchaouen, name, { [idField]: missing, ...input });
        expect(hidden).toEqual(absent);
        expect(hidden).toMatchObject({
          __typename: 'NotFoundError',
          message: 'No object with this ID',
        });
      }
      const created = await mutate(t.app, chefchaouen, 'createAction', {
        conventionId: mainzConvention.id,
        axisId: mainzConvention.axes[0]?.id,
        title: 'Intrusion',
      });
      expect(created.__typename).toBe('NotFoundError');
      const stored = await t.db
        .selectFrom('action')
        .select('title')
        .where('title', '=', 'Intrusion')
        .execute();
      expect(stored).toEqual([]);
    });

    it('creates a PLANNED action under an axis of the convention, and audits it', async () => {
      const { dijon, chefchaouen, founding } = await setup();
      const created = await mutate(
        t.app,
        chefchaouen,
        'createAction',
        {
          conventionId: founding.id,
          axisId: founding.axes[2]?.id,
          title: '  Gestion des déchets de la médina  ',
          description: 'Échange d’expériences entre services techniques.',
          startDate: '2018-02-01',
          endDate: '2018-11-30',
          dacSector: '14050',
        },
        ACTION_FIELDS,
      );
      expect(created).toMatchObject({
        __typename: 'CreateActionSuccess',
        action: {
          title: 'Gestion des déchets de la médina',
          version: 1,
          status: 'PLANNED',
          startDate: '2018-02-01',
          endDate: '2018-11-30',
          dacSector: '14050',
        },
      });
      const seen = await readAction(dijon, created.action.id);
      expect(seen).toMatchObject({ periodFlags: [], specificConvention: null, organizations: [] });
      const audit = await t.db
        .selectFrom('audit_entry')
        .select(['operation', 'subject_type', 'actor_label'])
        .where('operation', '=', 'createAction')
        .execute();
      expect(audit).toContainEqual({
        operation: 'createAction',
        subject_type: 'Action',
        actor_label: 'Admin Chefchaouen (admin@chefchaouen.demo)',
      });
    });

    it('names every field wrong in a new action, refuses an axis of another convention, and writes nothing', async () => {
      const { dijon, founding, mainzConvention } = await setup();
      const count = async () =>
        (
          await t.db
            .selectFrom('action')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n;
      const before = await count();
      const refused = await mutate(t.app, dijon, 'createAction', {
        conventionId: founding.id,
        axisId: mainzConvention.axes[0]?.id,
        title: '',
        startDate: '2018-05-01',
        endDate: '2018-04-30',
        dacSector: '151',
      });
      expect(refused.__typename).toBe('ValidationError');
      expect(
        refused.issues.map((issue: { path: string[]; code: string }) => [issue.path, issue.code]),
      ).toEqual([
        [['input', 'axisId'], 'UNKNOWN_AXIS'],
        [['input', 'title'], 'REQUIRED'],
        [['input', 'endDate'], 'END_BEFORE_START'],
        [['input', 'dacSector'], 'INVALID_DAC_SECTOR'],
      ]);
      expect(await count()).toEqual(before);
    });

    it('flags an action dated outside its axis’ period, and one with no dates', async () => {
      const d = await setup();
      const early = await createFoundingAction(t.app, d.dijon, d, {
        startDate: '2015-09-01',
        endDate: '2016-06-30',
      });
      expect((await readAction(d.dijon, early.id)).periodFlags).toEqual([
        { code: 'OUTSIDE_AXIS_PERIOD', startsBeforeAxis: true, endsAfterAxis: false },
      ]);
      const undated = await createFoundingAction(t.app, d.dijon, d, {
        startDate: null,
        endDate: null,
      });
      expect((await readAction(d.dijon, undated.id)).periodFlags).toEqual([
        { code: 'UNDATED', startsBeforeAxis: false, endsAfterAxis: false },
      ]);
    });

    it('updates an action on its version; a stale version gets ConflictError and overwrites nothing', async () => {
      const d = await setup();
      const action = await createFoundingAction(t.app, d.dijon, d);
      const updated = await mutate(
        t.app,
        d.chefchaouen,
        'updateAction',
        {
          id: action.id,
          version: action.version,
          title: 'Coaching des coopératives féminines',
          axisId: d.founding.axes[4]?.id,
          endDate: null,
          dacSector: null,
        },
        ACTION_FIELDS,
      );
      expect(updated).toMatchObject({
        __typename: 'UpdateActionSuccess',
        action: {
          title: 'Coaching des coopératives féminines',
          version: 2,
          endDate: null,
          dacSector: null,
        },
      });
      const stale = await mutate(t.app, d.dijon, 'updateAction', {
        id: action.id,
        version: action.version,
        title: 'Écrasé',
      });
      expect(stale).toMatchObject({ __typename: 'ConflictError', currentVersion: 2 });
      expect((await readAction(d.dijon, action.id)).title).toBe(
        'Coaching des coopératives féminines',
      );
      const wrongAxis = await mutate(t.app, d.dijon, 'updateAction', {
        id: action.id,
        version: 2,
        axisId: d.mainzConvention.axes[0]?.id,
        startDate: '2019-01-01',
        endDate: '2018-01-01',
      });
      expect(wrongAxis.issues.map((issue: { code: string }) => issue.code)).toEqual([
        'UNKNOWN_AXIS',
        'END_BEFORE_START',
      ]);
    });

    it('answers each mutation of a request with what the mutations before it wrote, not with what was read before them', async () => {
      const d = await setup();
      const first = await createFoundingAction(t.app, d.dijon, d);
      const second = await createFoundingAction(t.app, d.dijon, d);
      const read = async () =>
        (
          await gql(
            t.app,
            'query($id: ID!) { node(id: $id) { ... on Convention { title version } } }',
            { id: d.founding.id },
            d.dijon,
          )
        ).data.node as { title: string; version: number };
      const original = await read();
      const CONVENTION_TITLE =
        '... on UpdateActionSuccess { action { convention { title } } } ... on Error { code }';
      const response = await gql(
        t.app,
        /* GraphQL */ `
          mutation ($first: ID!, $second: ID!, $convention: ID!, $version: Int!) {
            before: updateAction(input: { id: $first, version: 1, status: CANCELLED }) {
              ${CONVENTION_TITLE}
            }
            rename: updateConvention(
              input: { id: $convention, version: $version, title: "Convention renommée" }
            ) {
              ... on UpdateConventionSuccess { convention { title version } }
              ... on Error { code }
            }
            after: updateAction(input: { id: $second, version: 1, status: CANCELLED }) {
              ${CONVENTION_TITLE}
            }
          }
        `,
        {
          first: first.id,
          second: second.id,
          convention: d.founding.id,
          version: original.version,
        },
        d.dijon,
      );
      expect(response.errors).toBeUndefined();
      expect(response.data.before.action.convention.title).toBe(original.title);
      expect(response.data.rename.convention.title).toBe('Convention renommée');
      // The convention read by `before` is not handed back to `after` as it was then.
      expect(response.data.after.action.convention.title).toBe('Convention renommée');
      // Leaves the demo convention as the other tests expect it.
      const restored = await mutate(
        t.app,
        d.dijon,
        'updateConvention',
        {
          id: d.founding.id,
          version: response.data.rename.convention.version,
          title: original.title,
        },
        'convention { title }',
      );
      expect(restored).toMatchObject({ convention: { title: original.title } });
    });

    it('refuses to start an action without an agreed budget and a signed specific convention (A4.1)', async () => {
      const d = await setup();
      const action = await createFoundingAction(t.app, d.dijon, d);
      const refused = await mutate(t.app, d.dijon, 'updateAction', {
        id: action.id,
        version: 1,
        status: 'IN_PROGRESS',
      });
      expect(refused.__typename).toBe('ValidationError');
      expect(
        refused.issues.map((issue: { path: string[]; code: string }) => [issue.path, issue.code]),
      ).toEqual([
        [['input', 'status'], 'ACTION_STARTED_WITHOUT_AGREED_BUDGET'],
        [['input', 'status'], 'ACTION_STARTED_WITHOUT_SPECIFIC_CONVENTION'],
      ]);
      const backwards = await mutate(t.app, d.dijon, 'updateAction', {
        id: action.id,
        version: 1,
        status: 'COMPLETED',
      });
      expect(backwards.issues).toEqual([
        expect.objectContaining({ path: ['input', 'status'], code: 'INVALID_ACTION_TRANSITION' }),
      ]);

      // Agreed by both parties, then signed: the action may start.
      let version = await addLine(t.app, d.dijon, action, 1, ['1000.00', 'EUR']);
      version = await addLine(t.app, d.chefchaouen, action, version, ['5000.00', 'MAD']);
      version = await addCash(t.app, d.dijon, action, version, ['1000.00', 'EUR']);
      version = await addCash(t.app, d.chefchaouen, action, version, ['5000.00', 'MAD']);
      expect(await approveBudget(t.app, d.dijon, action.budget.id, version)).toMatchObject({
        __typename: 'ApproveSuccess',
      });
      expect(await approveBudget(t.app, d.chefchaouen, action.budget.id, version)).toMatchObject({
        approved: { approval: { state: 'AGREED' } },
      });
      const unsigned = await mutate(t.app, d.dijon, 'updateAction', {
        id: action.id,
        version: 1,
        status: 'IN_PROGRESS',
      });
      expect(unsigned.issues.map((issue: { code: string }) => issue.code)).toEqual([
        'ACTION_STARTED_WITHOUT_SPECIFIC_CONVENTION',
      ]);
      const signed = await mutate(t.app, d.dijon, 'setSpecificConvention', {
        actionId: action.id,
        reference: 'CS-2017-07',
        signedOn: '2017-05-20',
      });
      expect(signed.__typename).toBe('SetSpecificConventionSuccess');
      const started = await mutate(
        t.app,
        d.chefchaouen,
        'updateAction',
        { id: action.id, version: 1, status: 'IN_PROGRESS' },
        ACTION_FIELDS,
      );
      expect(started).toMatchObject({ action: { status: 'IN_PROGRESS', version: 2 } });
    });

    it('drafts a specific convention, then records its signature on its version', async () => {
      const d = await setup();
      const action = await createFoundingAction(t.app, d.dijon, d);
      const drafted = await mutate(
        t.app,
        d.dijon,
        'setSpecificConvention',
        { actionId: action.id, reference: ' CS-2017-09 ' },
        'action { specificConvention { reference signedOn signed version } }',
      );
      expect(drafted.action.specificConvention).toEqual({
        reference: 'CS-2017-09',
        signedOn: null,
        signed: false,
        version: 1,
      });
      const withoutVersion = await mutate(t.app, d.dijon, 'setSpecificConvention', {
        actionId: action.id,
        reference: 'CS-2017-09',
        signedOn: '2017-06-15',
      });
      expect(withoutVersion.issues).toEqual([
        expect.objectContaining({ path: ['input', 'version'], code: 'REQUIRED' }),
      ]);
      const signed = await mutate(
        t.app,
        d.chefchaouen,
        'setSpecificConvention',
        { actionId: action.id, reference: 'CS-2017-09', signedOn: '2017-06-15', version: 1 },
        'action { specificConvention { signedOn signed version } }',
      );
      expect(signed.action.specificConvention).toEqual({
        signedOn: '2017-06-15',
        signed: true,
        version: 2,
      });
      const stale = await mutate(t.app, d.dijon, 'setSpecificConvention', {
        actionId: action.id,
        reference: 'Écrasé',
        version: 1,
      });
      expect(stale).toMatchObject({ __typename: 'ConflictError', currentVersion: 2 });
      expect((await readAction(d.dijon, action.id)).specificConvention.reference).toBe(
        'CS-2017-09',
      );
      const empty = await mutate(t.app, d.dijon, 'setSpecificConvention', {
        actionId: action.id,
        reference: '',
        version: 2,
      });
      expect(empty.issues).toEqual([
        expect.objectContaining({ path: ['input', 'reference'], code: 'REQUIRED' }),
      ]);
    });

    it('associates organisations with a role (A3), once per role, and dissociates them', async () => {
      const d = await setup();
      const action = await createFoundingAction(t.app, d.dijon, d);
      const university = await organizationId(d.dijon, 'beaux-arts');
      const associated = await mutate(
        t.app,
        d.chefchaouen,
        'associateOrganization',
        { actionId: action.id, organizationId: university, role: 'ACADEMIC' },
        'action { organizations { id organization { name } role } }',
      );
      expect(associated.action.organizations).toEqual([
        {
          id: expect.any(String),
          organization: { name: 'Institut national des beaux-arts de Tétouan' },
          role: 'ACADEMIC',
        },
      ]);
      const twice = await mutate(t.app, d.dijon, 'associateOrganization', {
        actionId: action.id,
        organizationId: university,
        role: 'ACADEMIC',
      });
      expect(twice.issues).toEqual([
        expect.objectContaining({ path: ['input', 'role'], code: 'ALREADY_ASSOCIATED' }),
      ]);
      const unknown = await mutate(t.app, d.dijon, 'associateOrganization', {
        actionId: action.id,
        organizationId: Buffer.from('Organization:999999').toString('base64'),
        role: 'TECHNICAL',
      });
      expect(unknown.issues).toEqual([
        expect.objectContaining({
          path: ['input', 'organizationId'],
          code: 'UNKNOWN_ORGANIZATION',
        }),
      ]);
      const id = associated.action.organizations[0].id;
      const mainzTries = await mutate(t.app, d.mainz, 'dissociateOrganization', { id });
      expect(mainzTries).toMatchObject({ __typename: 'NotFoundError' });
      const dissociated = await mutate(
        t.app,
        d.dijon,
        'dissociateOrganization',
        { id },
        'action { organizations { id } }',
      );
      expect(dissociated.action.organizations).toEqual([]);
      const again = await mutate(t.app, d.dijon, 'dissociateOrganization', { id });
      expect(again).toMatchObject({ __typename: 'NotFoundError' });
    });

    it('records participatory activities (A3) checked by the domain, and removes them', async () => {
      const d = await setup();
      const action = await createFoundingAction(t.app, d.dijon, d);
      const added = await mutate(
        t.app,
        d.chefchaouen,
        'addParticipatoryActivity',
        {
          actionId: action.id,
          kind: 'CONSULTATION',
          date: '2017-05-12',
          audience: '  Habitants de la médina ',
          participants: 85,
          description: 'Réunion publique à la maison de quartier.',
        },
        'action { participatoryActivities { id kind audience participants description } }',
      );
      expect(added.action.participatoryActivities).toEqual([
        {
          id: expect.any(String),
          kind: 'CONSULTATION',
          audience: 'Habitants de la médina',
          participants: 85,
          description: 'Réunion publique à la maison de quartier.',
        },
      ]);
      const refused = await mutate(t.app, d.dijon, 'addParticipatoryActivity', {
        actionId: action.id,
        kind: 'INFORMATION',
        date: '2017-06-01',
        audience: ' ',
        participants: 10,
      });
      expect(refused.issues).toEqual([
        expect.objectContaining({ path: ['input', 'audience'], code: 'EMPTY_AUDIENCE' }),
      ]);
      const negative = await mutate(t.app, d.dijon, 'addParticipatoryActivity', {
        actionId: action.id,
        kind: 'INFORMATION',
        date: '2017-06-01',
        audience: 'Élus',
        participants: -3,
      });
      expect(negative.issues).toEqual([
        expect.objectContaining({ path: ['input', 'participants'], code: 'INVALID_PARTICIPANTS' }),
      ]);
      const id = added.action.participatoryActivities[0].id;
      const hidden = await mutate(t.app, d.mainz, 'removeParticipatoryActivity', { id });
      expect(hidden).toMatchObject({
        __typename: 'NotFoundError',
        message: 'No object with this ID',
      });
      const removed = await mutate(
        t.app,
        d.dijon,
        'removeParticipatoryActivity',
        { id },
        'action { participatoryActivities { id } }',
      );
      expect(removed.action.participatoryActivities).toEqual([]);
    });

    it('refuses every change to actions through a read-only token', async () => {
      const d = await setup();
      const token = await readOnlyToken(t.app, d.dijon);
      const action = await createFoundingAction(t.app, d.dijon, d);
      for (const [name, input] of [
        [
          'createAction',
          { conventionId: d.founding.id, axisId: d.founding.axes[0]?.id, title: 'x' },
        ],
        ['updateAction', { id: action.id, version: 1, title: 'x' }],
        ['setSpecificConvention', { actionId: action.id, reference: 'x' }],
        [
          'addParticipatoryActivity',
          {
            actionId: action.id,
            kind: 'INFORMATION',
            date: '2017-01-01',
            audience: 'x',
            participants: 1,
          },
        ],
      ] as const) {
        expect(await mutate(t.app, token, name, input)).toMatchObject({
          __typename: 'ForbiddenError',
          message: 'This API token is read-only',
        });
      }
      expect((await readAction(token, action.id)).title).toBe(
        'Atelier de coaching des coopératives',
      );
    });

    it('costs the same number of SQL statements for 3 actions as for 6, budgets included (no N+1)', async () => {
      const d = await setup();
      const query = /* GraphQL */ `
        query Heavy($id: ID!) {
          node(id: $id) {
            ... on Convention {
              actions {
                totalCount
                edges {
                  node {
                    title
                    axis {
                      title
                    }
                    periodFlags {
                      code
                    }
                    specificConvention {
                      reference
                      signed
                    }
                    organizations {
                      role
                      organization {
                        name
                      }
                    }
                    participatoryActivities {
                      kind
                      participants
                    }
                    budget {
                      version
                      lines {
                        label
                        amount {
                          amount
                          currency
                        }
                      }
                      contributions {
                        kind
                        party {
                          name
                        }
                        funder {
                          name
                        }
                        amount {
                          amount
                        }
                      }
                      staffAssignments {
                        collectivity {
                          name
                        }
                        value {
                          amount
                        }
                      }
                      totals {
                        expenses {
                          reporting {
                            amount
                          }
                        }
                        parties {
                          collectivity {
                            name
                          }
                        }
                        funders {
                          organization {
                            name
                          }
                        }
                      }
                      violations {
                        code
                        message
                        parties {
                          name
                        }
                        funder {
                          name
                        }
                      }
                      approval {
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
                }
              }
            }
          }
        }
      `;
      // A fresh convention of Mainz and Dijon, so that other tests' actions do not count.
      const convention = await gql(
        t.app,
        'mutation($input: CreateConventionInput!) { createConvention(input: $input) { ... on CreateConventionSuccess { convention { id } } } }',
        { input: { title: 'Convention de comptage', partners: [{ collectivityId: d.ids.dijon }] } },
        d.mainz,
      );
      const conventionId = convention.data.createConvention.convention.id;
      const axis = await gql(
        t.app,
        'mutation($input: CreateAxisInput!) { createAxis(input: $input) { ... on CreateAxisSuccess { axis { id } } } }',
        {
          input: {
            conventionId,
            title: 'Jeunesse',
            periodStart: '2026-01-01',
            periodEnd: '2030-12-31',
          },
        },
        d.mainz,
      );
      const axisId = axis.data.createAxis.axis.id;
      const funder = await organizationId(d.mainz, 'OFAJ');
      const addFullAction = async (index: number) => {
        const created = await mutate(
          t.app,
          d.mainz,
          'createAction',
          { conventionId, axisId, title: `Action ${index}`, startDate: '2026-03-01' },
          'action { id }',
        );
        const action = created.action;
        let version = await addLine(t.app, d.mainz, action, 1, ['900.00', 'EUR']);
        version = await addCash(t.app, d.mainz, action, version, ['300.00', 'EUR']);
        version = await addCash(t.app, d.dijon, action, version, ['300.00', 'EUR']);
        const funded = await mutate(
          t.app,
          d.mainz,
          'addContribution',
          {
            actionId: action.id,
            budgetVersion: version,
            kind: 'FUNDER',
            organizationId: funder,
            fundingStatus: 'GRANTED',
            amount: { amount: '300.00', currency: 'EUR' },
          },
          'budget { version }',
        );
        await mutate(t.app, d.mainz, 'addStaffAssignment', {
          actionId: action.id,
          budgetVersion: funded.budget.version,
          days: '2',
          dailyCost: { amount: '250.00', currency: 'EUR' },
        });
        await mutate(t.app, d.mainz, 'associateOrganization', {
          actionId: action.id,
          organizationId: funder,
          role: 'FUNDING',
        });
        await mutate(t.app, d.mainz, 'addParticipatoryActivity', {
          actionId: action.id,
          kind: 'INFORMATION',
          date: '2026-02-01',
          audience: 'Jeunes',
          participants: 20,
        });
        await mutate(t.app, d.mainz, 'setSpecificConvention', {
          actionId: action.id,
          reference: `SK-${index}`,
        });
      };
      const count = async () => {
        const response = await gql(t.app, query, { id: conventionId }, d.mainz);
        expect(response.errors).toBeUndefined();
        return {
          actions: response.data.node.actions.totalCount as number,
          statements: Number(response.headers.get(SQL_COUNT_HEADER)),
        };
      };
      for (let index = 0; index < 3; index++) await addFullAction(index);
      const three = await count();
      for (let index = 3; index < 6; index++) await addFullAction(index);
      const six = await count();
      expect(three.actions).toBe(3);
      expect(six.actions).toBe(6);
      expect(three.statements).toBeGreaterThan(0);
      expect(six.statements).toBe(three.statements);
    });
  });
}
