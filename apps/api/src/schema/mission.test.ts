import { describe, expect, it } from 'vitest';
import { ENGINES, useTestApp } from '../../test/engines.js';
import { demoIds } from '../../test/fixtures.js';
import {
  ERROR_FIELDS,
  missingId,
  readOnlyToken,
  sqlCount,
} from '../../test/fixtures-evaluation.js';
import { gql, signIn } from '../../test/graphql-client.js';

const MISSION_FIELDS = /* GraphQL */ `
  id
  version
  origin {
    name
  }
  host {
    name
  }
  departureDate
  returnDate
  purpose
  actionId
  delegates {
    id
    name
    category
    position
  }
  delegatesByCategory {
    category
    count
  }
  costs {
    id
    category
    label
    amount {
      amount
      currency
    }
    payer {
      name
    }
    payerByRule {
      name
    }
    exception {
      reason
    }
  }
  costSharing {
    collectivity {
      name
    }
    amounts {
      amount
      currency
    }
  }
`;

const MISSIONS = /* GraphQL */ `
  query Missions($id: ID!, $first: Int, $after: String) {
    node(id: $id) {
      ... on Convention {
        missions(first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              ${MISSION_FIELDS}
            }
          }
        }
      }
    }
  }
`;

function mutation(name: string, inputType: string): string {
  const success = `${name.charAt(0).toUpperCase()}${name.slice(1)}Success`;
  return /* GraphQL */ `
    mutation Run($input: ${inputType}!) {
      ${name}(input: $input) {
        __typename
        ... on ${success} {
          mission {
            ${MISSION_FIELDS}
          }
        }
        ${ERROR_FIELDS}
      }
    }
  `;
}

const CREATE = mutation('createMission', 'CreateMissionInput');
const UPDATE = mutation('updateMission', 'UpdateMissionInput');
const ADD_DELEGATE = mutation('addDelegate', 'AddDelegateInput');
const REMOVE_DELEGATE = mutation('removeDelegate', 'RemoveDelegateInput');
const ADD_COST = mutation('addMissionCost', 'AddMissionCostInput');
const UPDATE_COST = mutation('updateMissionCost', 'UpdateMissionCostInput');
const REMOVE_COST = mutation('removeMissionCost', 'RemoveMissionCostInput');

const eur = (amount: string) => ({ amount, currency: 'EUR' });
const mad = (amount: string) => ({ amount, currency: 'MAD' });

for (const engine of ENGINES) {
  describe(`missions on ${engine}`, () => {
    const t = useTestApp(engine);

    /** A Dijon delegation to Chefchaouen, as the founding convention's A5 describes one. */
    async function dijonDelegation(cookie: string, extra: Record<string, unknown> = {}) {
      const ids = await demoIds(t.app, cookie);
      const response = await gql(
        t.app,
        CREATE,
        {
          input: {
            conventionId: ids.founding!.id,
            originId: ids.dijon,
            hostId: ids.chefchaouen,
            departureDate: '2018-03-05',
            returnDate: '2018-03-09',
            purpose: 'Suivi des coopératives accompagnées',
            delegates: [
              { name: 'Claire Morel', category: 'ELECTED', position: 'Adjointe au maire' },
              { name: 'Sophie Lambert', category: 'TECHNICIAN' },
            ],
            costs: [
              {
                category: 'INTERNATIONAL_TRANSPORT',
                label: 'Billets Dijon–Tanger',
                amount: eur('1260.00'),
              },
              { category: 'ACCOMMODATION', label: 'Hébergement', amount: mad('7500.00') },
              { category: 'MEALS', label: 'Repas', amount: mad('2100.50') },
            ],
            ...extra,
          },
        },
        { cookie },
      );
      return { ids, response };
    }

    it('lists the demo missions of the founding convention, the exception visible with its reason', async () => {
      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const { founding } = await demoIds(t.app, chefchaouen);
      const response = await gql(t.app, MISSIONS, { id: founding!.id }, { cookie: chefchaouen });
      const missions = response.data.node.missions;
      expect(missions.totalCount).toBe(5);
      const april2017 = missions.edges
        .map((edge: { node: unknown }) => edge.node)
        .find((mission: { departureDate: string }) => mission.departureDate === '2017-04-10');
      expect(april2017.delegatesByCategory).toEqual([
        { category: 'ELECTED', count: 2 },
        { category: 'TECHNICIAN', count: 2 },
        { category: 'YOUTH', count: 0 },
        { category: 'ARTIST', count: 0 },
        { category: 'OTHER', count: 0 },
      ]);
      const interpreting = april2017.costs.find(
        (cost: { category: string }) => cost.category === 'INTERPRETING',
      );
      expect(interpreting).toMatchObject({
        payer: { name: 'Dijon' },
        payerByRule: { name: 'Chefchaouen' },
        exception: { reason: expect.stringContaining('Interprète recruté par la Ville de Dijon') },
      });
      expect(april2017.costSharing).toEqual([
        {
          collectivity: { name: 'Dijon' },
          amounts: [{ amount: '3186.00', currency: 'EUR' }],
        },
        {
          collectivity: { name: 'Chefchaouen' },
          amounts: [{ amount: '15300.00', currency: 'MAD' }],
        },
      ]);
    });

    it('a Dijon → Chefchaouen mission is split by the rule: transport by Dijon, the stay by Chefchaouen', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const { response } = await dijonDelegation(dijon);
      const mission = response.data.createMission.mission;
      expect(response.data.createMission.__typename).toBe('CreateMissionSuccess');
      expect(mission).toMatchObject({
        version: 1,
        origin: { name: 'Dijon' },
        host: { name: 'Chefchaouen' },
        actionId: null,
        delegates: [
          { name: 'Claire Morel', category: 'ELECTED', position: 'Adjointe au maire' },
          { name: 'Sophie Lambert', category: 'TECHNICIAN', position: '' },
        ],
      });
      expect(
        mission.costs.map(
          (cost: { category: string; payer: { name: string }; exception: unknown }) => [
            cost.category,
            cost.payer.name,
            cost.exception,
          ],
        ),
      ).toEqual([
        ['INTERNATIONAL_TRANSPORT', 'Dijon', null],
        ['ACCOMMODATION', 'Chefchaouen', null],
        ['MEALS', 'Chefchaouen', null],
      ]);
      // Per party and per currency, and the shares add up to the whole mission.
      expect(mission.costSharing).toEqual([
        { collectivity: { name: 'Dijon' }, amounts: [eur('1260.00')] },
        { collectivity: { name: 'Chefchaouen' }, amounts: [mad('9600.50')] },
      ]);
    });

    it('refuses an exception to the rule without a written reason, and writes nothing', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const ids = await demoIds(t.app, dijon);
      const before = await t.db.selectFrom('mission').select('id').execute();
      const { response } = await dijonDelegation(dijon, {
        costs: [
          { category: 'INTERNATIONAL_TRANSPORT', amount: eur('1260.00') },
          {
            category: 'ACCOMMODATION',
            amount: mad('7500.00'),
            payerException: { payerId: ids.dijon, reason: '   ' },
          },
        ],
      });
      expect(response.data.createMission).toMatchObject({
        __typename: 'ValidationError',
        issues: [
          {
            path: ['input', 'costs', '1', 'payerException', 'reason'],
            code: 'OVERRIDE_WITHOUT_REASON',
          },
        ],
      });
      expect(await t.db.selectFrom('mission').select('id').execute()).toEqual(before);
    });

    it('records an exception with its reason; a payer outside the mission is refused', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const { ids, response } = await dijonDelegation(dijon);
      const mission = response.data.createMission.mission;
      const outsider = await gql(
        t.app,
        ADD_COST,
        {
          input: {
            missionId: mission.id,
            version: mission.version,
            category: 'INTERPRETING',
            amount: eur('300.00'),
            payerException: { payerId: ids.mainz, reason: 'Mainz paie' },
          },
        },
        { cookie: dijon },
      );
      expect(outsider.data.addMissionCost.issues).toEqual([
        { path: ['input', 'payerException', 'payerId'], code: 'PAYER_NOT_IN_MISSION' },
      ]);
      const added = await gql(
        t.app,
        ADD_COST,
        {
          input: {
            missionId: mission.id,
            version: mission.version,
            category: 'INTERPRETING',
            label: 'Interprète',
            amount: eur('300.00'),
            payerException: { payerId: ids.dijon, reason: '  Interprète de la Ville de Dijon  ' },
          },
        },
        { cookie: dijon },
      );
      const after = added.data.addMissionCost.mission;
      expect(after.version).toBe(Number(mission.version) + 1);
      expect(after.costs.at(-1)).toMatchObject({
        category: 'INTERPRETING',
        payer: { name: 'Dijon' },
        payerByRule: { name: 'Chefchaouen' },
        exception: { reason: 'Interprète de la Ville de Dijon' },
      });
      expect(after.costSharing[0]).toEqual({
        collectivity: { name: 'Dijon' },
        amounts: [eur('1560.00')],
      });
      // The rule's own payer named as an "exception" is no exception at all.
      const byRule = await gql(
        t.app,
        ADD_COST,
        {
          input: {
            missionId: mission.id,
            version: after.version,
            category: 'LOCAL_TRANSPORT',
            amount: mad('400.00'),
            payerException: { payerId: ids.chefchaouen, reason: '' },
          },
        },
        { cookie: dijon },
      );
      expect(byRule.data.addMissionCost.mission.costs.at(-1)).toMatchObject({
        payer: { name: 'Chefchaouen' },
        exception: null,
      });
    });

    it('names every field wrong in a new mission', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const ids = await demoIds(t.app, dijon);
      const response = await gql(
        t.app,
        CREATE,
        {
          input: {
            conventionId: ids.founding!.id,
            originId: ids.mainz,
            hostId: ids.mainz,
            departureDate: '2018-03-09',
            returnDate: '2018-03-05',
            purpose: ' ',
            actionId: missingId('Action'),
            delegates: [],
            costs: [{ category: 'MEALS', amount: { amount: '10.001', currency: 'EUR' } }],
          },
        },
        { cookie: dijon },
      );
      expect(response.data.createMission.__typename).toBe('ValidationError');
      expect(response.data.createMission.issues).toEqual([
        { path: ['input', 'purpose'], code: 'REQUIRED' },
        { path: ['input', 'costs', '0', 'amount', 'amount'], code: 'TOO_MANY_DECIMALS' },
        { path: ['input', 'actionId'], code: 'UNKNOWN_ACTION' },
        { path: ['input', 'returnDate'], code: 'RETURN_BEFORE_DEPARTURE' },
        { path: ['input', 'hostId'], code: 'SAME_ORIGIN_AND_HOST' },
        { path: ['input', 'originId'], code: 'ORIGIN_NOT_A_PARTY' },
        { path: ['input', 'hostId'], code: 'HOST_NOT_A_PARTY' },
        { path: ['input', 'delegates'], code: 'NO_DELEGATES' },
      ]);
    });

    it('links an action of its own convention only', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const ids = await demoIds(t.app, dijon);
      const conventions = await t.db.selectFrom('convention').select(['id', 'title']).execute();
      const founding = conventions.find((c) => c.title.includes('Chefchaouen'))!;
      const mainz = conventions.find((c) => c.title.includes('Mayence'))!;
      const axisOf = async (conventionId: number) =>
        (
          await t.db
            .selectFrom('axis')
            .select('id')
            .where('convention_id', '=', conventionId)
            .executeTakeFirstOrThrow()
        ).id;
      const insertAction = async (conventionId: number, title: string) =>
        (
          await t.db
            .insertInto('action')
            .values({
              convention_id: conventionId,
              axis_id: await axisOf(conventionId),
              title,
              start_date: '2018-01-01',
              end_date: '2018-12-31',
              dac_sector: null,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      const own = await insertAction(founding.id, 'Accompagnement des coopératives');
      const other = await insertAction(mainz.id, 'Échange de classes');
      const actionGlobalId = (id: number) => Buffer.from(`Action:${id}`).toString('base64');
      const refused = await dijonDelegation(dijon, { actionId: actionGlobalId(other) });
      expect(refused.response.data.createMission.issues).toEqual([
        { path: ['input', 'actionId'], code: 'UNKNOWN_ACTION' },
      ]);
      const linked = await dijonDelegation(dijon, { actionId: actionGlobalId(own) });
      const mission = linked.response.data.createMission.mission;
      expect(mission.actionId).toBe(actionGlobalId(own));
      const unlinked = await gql(
        t.app,
        UPDATE,
        { input: { id: mission.id, version: mission.version, actionId: null } },
        { cookie: dijon },
      );
      expect(unlinked.data.updateMission.mission).toMatchObject({ actionId: null, version: 2 });
      expect(ids.founding).toBeDefined();
    });

    it('updates a mission; a stale version gets ConflictError and overwrites nothing', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const { ids, response } = await dijonDelegation(dijon);
      const mission = response.data.createMission.mission;
      const updated = await gql(
        t.app,
        UPDATE,
        {
          input: {
            id: mission.id,
            version: 1,
            returnDate: '2018-03-10',
            purpose: 'Suivi des coopératives et visite du souk',
          },
        },
        { cookie: chefchaouen },
      );
      expect(updated.data.updateMission.mission).toMatchObject({
        version: 2,
        returnDate: '2018-03-10',
        purpose: 'Suivi des coopératives et visite du souk',
      });
      const stale = await gql(
        t.app,
        UPDATE,
        { input: { id: mission.id, version: 1, purpose: 'Écrasé ?' } },
        { cookie: dijon },
      );
      expect(stale.data.updateMission).toMatchObject({
        __typename: 'ConflictError',
        currentVersion: 2,
      });
      const staleCost = await gql(
        t.app,
        ADD_COST,
        { input: { missionId: mission.id, version: 1, category: 'MEALS', amount: mad('10.00') } },
        { cookie: dijon },
      );
      expect(staleCost.data.addMissionCost.__typename).toBe('ConflictError');
      const stored = await gql(
        t.app,
        MISSIONS,
        { id: ids.founding!.id, first: 100 },
        { cookie: dijon },
      );
      const current = stored.data.node.missions.edges.find(
        (edge: { node: { id: string } }) => edge.node.id === mission.id,
      ).node;
      expect(current.purpose).toBe('Suivi des coopératives et visite du souk');
      expect(current.costs).toHaveLength(3);
      // Swapping origin and host: the rule follows, transport is now Chefchaouen's.
      const swapped = await gql(
        t.app,
        UPDATE,
        { input: { id: mission.id, version: 2, originId: ids.chefchaouen, hostId: ids.dijon } },
        { cookie: dijon },
      );
      expect(swapped.data.updateMission.mission.costSharing).toEqual([
        { collectivity: { name: 'Chefchaouen' }, amounts: [eur('1260.00')] },
        { collectivity: { name: 'Dijon' }, amounts: [mad('9600.50')] },
      ]);
      const invalid = await gql(
        t.app,
        UPDATE,
        { input: { id: mission.id, version: 3, departureDate: '2018-04-01' } },
        { cookie: dijon },
      );
      expect(invalid.data.updateMission.issues).toEqual([
        { path: ['input', 'returnDate'], code: 'RETURN_BEFORE_DEPARTURE' },
      ]);
    });

    it('adds and removes delegates, and keeps at least one', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const { response } = await dijonDelegation(dijon);
      let mission = response.data.createMission.mission;
      const added = await gql(
        t.app,
        ADD_DELEGATE,
        {
          input: {
            missionId: mission.id,
            version: mission.version,
            name: 'Lina Haddad',
            category: 'ARTIST',
            position: 'Céramiste',
          },
        },
        { cookie: dijon },
      );
      mission = added.data.addDelegate.mission;
      expect(mission.delegates.map((d: { name: string }) => d.name)).toEqual([
        'Claire Morel',
        'Sophie Lambert',
        'Lina Haddad',
      ]);
      const blank = await gql(
        t.app,
        ADD_DELEGATE,
        { input: { missionId: mission.id, version: mission.version, name: '', category: 'OTHER' } },
        { cookie: dijon },
      );
      expect(blank.data.addDelegate.issues).toEqual([
        { path: ['input', 'name'], code: 'REQUIRED' },
      ]);
      for (const delegate of mission.delegates.slice(0, 2)) {
        const removed = await gql(
          t.app,
          REMOVE_DELEGATE,
          { input: { id: delegate.id, version: mission.version } },
          { cookie: dijon },
        );
        mission = removed.data.removeDelegate.mission;
      }
      expect(mission.delegates).toEqual([
        expect.objectContaining({ name: 'Lina Haddad', category: 'ARTIST' }),
      ]);
      const last = await gql(
        t.app,
        REMOVE_DELEGATE,
        { input: { id: mission.delegates[0].id, version: mission.version } },
        { cookie: dijon },
      );
      expect(last.data.removeDelegate.issues).toEqual([
        { path: ['input', 'id'], code: 'NO_DELEGATES' },
      ]);
      const missing = await gql(
        t.app,
        REMOVE_DELEGATE,
        { input: { id: missingId('Delegate'), version: mission.version } },
        { cookie: dijon },
      );
      expect(missing.data.removeDelegate.__typename).toBe('NotFoundError');
    });

    it('updates and removes cost lines; payerException: null returns to the rule', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const { ids, response } = await dijonDelegation(dijon);
      let mission = response.data.createMission.mission;
      const meals = mission.costs[2];
      const exception = await gql(
        t.app,
        UPDATE_COST,
        {
          input: {
            id: meals.id,
            version: mission.version,
            amount: eur('210.00'),
            payerException: { payerId: ids.dijon, reason: 'Repas offerts par la délégation' },
          },
        },
        { cookie: dijon },
      );
      mission = exception.data.updateMissionCost.mission;
      expect(mission.costs[2]).toMatchObject({
        amount: eur('210.00'),
        payer: { name: 'Dijon' },
        exception: { reason: 'Repas offerts par la délégation' },
      });
      expect(mission.costSharing).toEqual([
        { collectivity: { name: 'Dijon' }, amounts: [eur('1470.00')] },
        { collectivity: { name: 'Chefchaouen' }, amounts: [mad('7500.00')] },
      ]);
      const noReason = await gql(
        t.app,
        UPDATE_COST,
        {
          input: {
            id: meals.id,
            version: mission.version,
            payerException: { payerId: ids.dijon, reason: '' },
          },
        },
        { cookie: dijon },
      );
      expect(noReason.data.updateMissionCost.issues).toEqual([
        { path: ['input', 'payerException', 'reason'], code: 'OVERRIDE_WITHOUT_REASON' },
      ]);
      const back = await gql(
        t.app,
        UPDATE_COST,
        {
          input: { id: meals.id, version: mission.version, payerException: null, label: 'Dîners' },
        },
        { cookie: dijon },
      );
      mission = back.data.updateMissionCost.mission;
      expect(mission.costs[2]).toMatchObject({
        label: 'Dîners',
        payer: { name: 'Chefchaouen' },
        exception: null,
      });
      const removed = await gql(
        t.app,
        REMOVE_COST,
        { input: { id: mission.costs[0].id, version: mission.version } },
        { cookie: dijon },
      );
      mission = removed.data.removeMissionCost.mission;
      expect(mission.costSharing).toEqual([
        { collectivity: { name: 'Dijon' }, amounts: [] },
        { collectivity: { name: 'Chefchaouen' }, amounts: [eur('210.00'), mad('7500.00')] },
      ]);
      const gone = await gql(
        t.app,
        REMOVE_COST,
        { input: { id: missingId('MissionCost'), version: mission.version } },
        { cookie: dijon },
      );
      expect(gone.data.removeMissionCost.__typename).toBe('NotFoundError');
    });

    it('hides the Dijon–Mainz missions from Chefchaouen exactly as missing ones', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const ids = await demoIds(t.app, dijon);
      const listed = await gql(t.app, MISSIONS, { id: ids.mainzConvention!.id }, { cookie: dijon });
      const mainzMission = listed.data.node.missions.edges[0].node;
      expect(mainzMission).toMatchObject({ origin: { name: 'Dijon' }, host: { name: 'Mainz' } });

      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const node = await gql(
        t.app,
        'query($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }',
        { id: mainzMission.id },
        { cookie: chefchaouen },
      );
      expect(node.data).toEqual({ node: null, nodes: [null] });
      const nested = await gql(
        t.app,
        MISSIONS,
        { id: ids.mainzConvention!.id },
        { cookie: chefchaouen },
      );
      expect(nested.data.node).toBeNull();

      const attempts: [string, string, Record<string, unknown>, Record<string, unknown>][] = [
        [
          UPDATE,
          'updateMission',
          { id: mainzMission.id, version: 1, purpose: 'x' },
          { id: missingId('Mission'), version: 1, purpose: 'x' },
        ],
        [
          ADD_DELEGATE,
          'addDelegate',
          { missionId: mainzMission.id, version: 1, name: 'x', category: 'OTHER' },
          { missionId: missingId('Mission'), version: 1, name: 'x', category: 'OTHER' },
        ],
        [
          REMOVE_DELEGATE,
          'removeDelegate',
          { id: mainzMission.delegates[0].id, version: 1 },
          { id: missingId('Delegate'), version: 1 },
        ],
        [
          ADD_COST,
          'addMissionCost',
          { missionId: mainzMission.id, version: 1, category: 'MEALS', amount: eur('1.00') },
          { missionId: missingId('Mission'), version: 1, category: 'MEALS', amount: eur('1.00') },
        ],
        [
          UPDATE_COST,
          'updateMissionCost',
          { id: mainzMission.costs[0].id, version: 1, label: 'x' },
          { id: missingId('MissionCost'), version: 1, label: 'x' },
        ],
        [
          REMOVE_COST,
          'removeMissionCost',
          { id: mainzMission.costs[0].id, version: 1 },
          { id: missingId('MissionCost'), version: 1 },
        ],
        [
          CREATE,
          'createMission',
          {
            conventionId: ids.mainzConvention!.id,
            originId: ids.dijon,
            hostId: ids.mainz,
            departureDate: '2024-01-01',
            returnDate: '2024-01-02',
            purpose: 'x',
            delegates: [{ name: 'x', category: 'OTHER' }],
          },
          {
            conventionId: missingId('Convention'),
            originId: ids.dijon,
            hostId: ids.mainz,
            departureDate: '2024-01-01',
            returnDate: '2024-01-02',
            purpose: 'x',
            delegates: [{ name: 'x', category: 'OTHER' }],
          },
        ],
      ];
      for (const [query, field, hidden, missing] of attempts) {
        const hiddenAnswer = await gql(t.app, query, { input: hidden }, { cookie: chefchaouen });
        const missingAnswer = await gql(t.app, query, { input: missing }, { cookie: chefchaouen });
        expect(hiddenAnswer.data[field]).toEqual({
          __typename: 'NotFoundError',
          code: 'NOT_FOUND',
          message: 'No object with this ID',
        });
        expect(hiddenAnswer.data).toEqual(missingAnswer.data);
      }
      const unchanged = await gql(
        t.app,
        MISSIONS,
        { id: ids.mainzConvention!.id },
        { cookie: dijon },
      );
      expect(unchanged.data.node.missions.edges[0].node).toEqual(mainzMission);
    });

    it('refuses every change through a read-only token', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const ids = await demoIds(t.app, dijon);
      const token = await readOnlyToken(t.app, dijon);
      const listed = await gql(t.app, MISSIONS, { id: ids.founding!.id }, { token });
      const mission = listed.data.node.missions.edges[0].node;
      const response = await gql(
        t.app,
        UPDATE,
        { input: { id: mission.id, version: mission.version, purpose: 'x' } },
        { token },
      );
      expect(response.data.updateMission).toMatchObject({
        __typename: 'ForbiddenError',
        message: 'This API token is read-only',
      });
      const created = await gql(
        t.app,
        CREATE,
        {
          input: {
            conventionId: ids.founding!.id,
            originId: ids.dijon,
            hostId: ids.chefchaouen,
            departureDate: '2024-01-01',
            returnDate: '2024-01-02',
            purpose: 'x',
            delegates: [{ name: 'x', category: 'OTHER' }],
          },
        },
        { token },
      );
      expect(created.data.createMission.__typename).toBe('ForbiddenError');
    });

    it('pages the missions, and refuses a page larger than 100', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const { founding } = await demoIds(t.app, dijon);
      const first = await gql(t.app, MISSIONS, { id: founding!.id, first: 2 }, { cookie: dijon });
      const page = first.data.node.missions;
      expect(page.edges).toHaveLength(2);
      expect(page.pageInfo.hasNextPage).toBe(true);
      const next = await gql(
        t.app,
        MISSIONS,
        { id: founding!.id, first: 2, after: page.pageInfo.endCursor },
        { cookie: dijon },
      );
      const ids = [...page.edges, ...next.data.node.missions.edges].map(
        (edge: { node: { id: string } }) => edge.node.id,
      );
      expect(new Set(ids).size).toBe(4);
      const tooMany = await gql(
        t.app,
        MISSIONS,
        { id: founding!.id, first: 101 },
        { cookie: dijon },
      );
      expect(tooMany.errors?.[0]?.message).toMatch(/at most 100/);
    });

    it('costs the same number of SQL statements however many missions (no N+1)', async () => {
      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const ids = await demoIds(t.app, chefchaouen);
      const query = /* GraphQL */ `
        query ($id: ID!) {
          node(id: $id) {
            ... on Convention {
              missions(first: 100) {
                totalCount
                edges {
                  node {
                    origin {
                      name
                    }
                    host {
                      name
                    }
                    delegates {
                      name
                      category
                    }
                    delegatesByCategory {
                      count
                    }
                    costs {
                      amount {
                        amount
                      }
                      payer {
                        name
                      }
                      payerByRule {
                        name
                      }
                      exception {
                        reason
                      }
                    }
                    costSharing {
                      collectivity {
                        name
                      }
                      amounts {
                        amount
                        currency
                      }
                    }
                  }
                }
              }
            }
          }
        }
      `;
      const conventionId = (
        await t.db
          .selectFrom('convention')
          .select('id')
          .where('title', 'like', '%Chefchaouen%')
          .executeTakeFirstOrThrow()
      ).id;
      const count = (
        await t.db
          .selectFrom('mission')
          .select('id')
          .where('convention_id', '=', conventionId)
          .execute()
      ).length;
      // A fresh database would hold the demo's five; earlier tests of this file added more.
      const before = await sqlCount(t.app, query, { id: ids.founding!.id }, chefchaouen);
      for (let index = count; index < count + 7; index++) {
        await gql(
          t.app,
          CREATE,
          {
            input: {
              conventionId: ids.founding!.id,
              originId: ids.chefchaouen,
              hostId: ids.dijon,
              departureDate: '2020-02-03',
              returnDate: '2020-02-07',
              purpose: `Mission ${index}`,
              delegates: [{ name: 'Samira Tazi', category: 'TECHNICIAN' }],
              costs: [{ category: 'INTERNATIONAL_TRANSPORT', amount: mad('4000.00') }],
            },
          },
          { cookie: chefchaouen },
        );
      }
      expect(before).toBeGreaterThan(0);
      expect(await sqlCount(t.app, query, { id: ids.founding!.id }, chefchaouen)).toBe(before);
    });
  });
}
