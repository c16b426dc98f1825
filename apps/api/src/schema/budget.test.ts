import { describe, expect, it } from 'vitest';
import { ENGINES, useTestApp } from '../../test/engines.js';
import {
  actionsDemo,
  addCash,
  addLine,
  approveBudget,
  createFoundingAction,
  mutate,
  readBudget,
  readOnlyToken,
  type Auth,
} from '../../test/fixtures-actions.js';
import { gql } from '../../test/graphql-client.js';

const BUDGET = 'budget { id version }';

for (const engine of ENGINES) {
  describe(`budgets on ${engine}`, () => {
    const t = useTestApp(engine);
    let demo: Awaited<ReturnType<typeof actionsDemo>> | undefined;
    const setup = async () => (demo ??= await actionsDemo(t.app));
    const demoActions = async (auth: Auth, conventionId: string) =>
      (
        await gql(
          t.app,
          'query($id: ID!) { node(id: $id) { ... on Convention { actions { edges { node { id title budget { id version lines { id version } contributions { id kind version party { name } } staffAssignments { id version } } } } } } } }',
          { id: conventionId },
          auth,
        )
      ).data.node.actions.edges.map((edge: { node: any }) => edge.node);
    const daect = async (auth: Auth): Promise<string> =>
      (await gql(t.app, '{ organizations(search: "DAECT") { edges { node { id } } } }', {}, auth))
        .data.organizations.edges[0].node.id;
    const countRows = async (table: 'expense_line' | 'contribution' | 'staff_assignment') =>
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n;

    it('totals the founding producers’ market in euros at the rate recorded for its start, agreed by both parties', async () => {
      const d = await setup();
      const [market] = await demoActions(d.chefchaouen, d.founding.id);
      const budget = await readBudget(t.app, d.chefchaouen, market.id);
      expect(budget.totals).toMatchObject({
        reportingCurrency: 'EUR',
        date: '2017-04-01',
        expenses: {
          byCurrency: [
            { amount: '13500.00', currency: 'EUR' },
            { amount: '63000.00', currency: 'MAD' },
          ],
          // 63,000.00 MAD at 1 EUR = 10.9532 MAD (recorded from 2017-01-01) is 5,751.74 EUR.
          reporting: { amount: '19251.74', currency: 'EUR' },
        },
        balance: { reporting: { amount: '0.00', currency: 'EUR' } },
        balanced: true,
        funders: [
          {
            organization: { name: 'Ministère de l’Europe et des Affaires étrangères – DAECT' },
            statuses: ['RECEIVED'],
          },
        ],
        missingRates: [],
      });
      expect(budget.totals.parties.map((party: any) => party.collectivity.name)).toEqual([
        'Dijon',
        'Chefchaouen',
      ]);
      expect(budget.staffAssignments[0]).toMatchObject({
        collectivity: { name: 'Dijon' },
        days: '10',
        dailyCost: { amount: '350.00', currency: 'EUR' },
        value: { amount: '3500.00', currency: 'EUR' },
        executedDays: '10',
      });
      expect(budget.violations).toEqual([]);
      expect(budget.approval).toEqual({
        state: 'AGREED',
        version: 1,
        parties: [
          { collectivity: { name: 'Dijon' }, approved: true },
          { collectivity: { name: 'Chefchaouen' }, approved: true },
        ],
      });
    });

    it('keeps the demo consistent with the rules: started actions have an agreed budget and a signed specific convention', async () => {
      const d = await setup();
      const response = await gql(
        t.app,
        '{ conventions { edges { node { actions { edges { node { title status specificConvention { signed } budget { approval { state } violations { code blocking } totals { balanced } } } } } } } } }',
        {},
        d.dijon,
      );
      const actions = response.data.conventions.edges.flatMap((convention: any) =>
        convention.node.actions.edges.map((edge: any) => edge.node),
      );
      expect(actions).toHaveLength(4);
      for (const action of actions) {
        expect(action.budget.totals.balanced).toBe(true);
        expect(action.budget.violations.filter((violation: any) => violation.blocking)).toEqual([]);
        if (action.status === 'IN_PROGRESS' || action.status === 'COMPLETED') {
          expect(action.budget.approval.state).toBe('AGREED');
          expect(action.specificConvention.signed).toBe(true);
        }
      }
      expect(actions.map((action: any) => action.status)).toEqual([
        'COMPLETED',
        'IN_PROGRESS',
        'PLANNED',
        'COMPLETED',
      ]);
    });

    it('converts dirhams at the recorded rate: 10,953.20 MAD in June 2017 is 1,000.00 EUR', async () => {
      const d = await setup();
      const action = await createFoundingAction(t.app, d.dijon, d);
      let version = await addLine(t.app, d.dijon, action, 1, ['1000.00', 'EUR']);
      version = await addLine(t.app, d.chefchaouen, action, version, ['10953.20', 'MAD']);
      const budget = await readBudget(t.app, d.dijon, action.id);
      expect(budget.version).toBe(version);
      expect(budget.totals.date).toBe('2017-06-01');
      expect(budget.totals.expenses.reporting).toEqual({ amount: '2000.00', currency: 'EUR' });
      expect(budget.totals.balance.reporting).toEqual({ amount: '-2000.00', currency: 'EUR' });
      expect(budget.totals.balanced).toBe(false);
    });

    it('refuses a budget where one party gives nothing, naming Chefchaouen (A4.2)', async () => {
      const d = await setup();
      const action = await createFoundingAction(t.app, d.dijon, d);
      let version = await addLine(t.app, d.dijon, action, 1, ['1000.00', 'EUR']);
      version = await addCash(t.app, d.dijon, action, version, ['1000.00', 'EUR']);
      const budget = await readBudget(t.app, d.dijon, action.id);
      expect(budget.totals.balanced).toBe(true);
      expect(budget.violations).toEqual([
        {
          code: 'PARTY_CONTRIBUTES_NOTHING',
          message: 'Every party contributes to every action (A4.2): Chefchaouen gives nothing',
          blocking: true,
          parties: [{ name: 'Chefchaouen' }],
          funder: null,
        },
      ]);
      const refused = await approveBudget(t.app, d.dijon, action.budget.id, version);
      expect(refused).toMatchObject({
        __typename: 'ValidationError',
        issues: [
          {
            path: ['input', 'subjectId'],
            code: 'PARTY_CONTRIBUTES_NOTHING',
            message: 'Every party contributes to every action (A4.2): Chefchaouen gives nothing',
          },
        ],
      });
      expect((await readBudget(t.app, d.dijon, action.id)).approval.parties).toEqual([
        { collectivity: { name: 'Dijon' }, approved: false },
        { collectivity: { name: 'Chefchaouen' }, approved: false },
      ]);
    });

    it('refuses an unbalanced budget (A4.4), with the shortfall', async () => {
      const d = await setup();
      const action = await createFoundingAction(t.app, d.dijon, d);
      let version = await addLine(t.app, d.dijon, action, 1, ['1000.00', 'EUR']);
      version = await addCash(t.app, d.dijon, action, version, ['400.00', 'EUR']);
      version = await addCash(t.app, d.chefchaouen, action, version, ['2000.00', 'MAD']);
      const refused = await approveBudget(t.app, d.chefchaouen, action.budget.id, version);
      // 2,000.00 MAD is 182.60 EUR in June 2017: 1,000.00 − 400.00 − 182.60 = 417.40 short.
      expect(refused.issues).toEqual([
        {
          path: ['input', 'subjectId'],
          code: 'UNBALANCED',
          message: 'resources fall short of expenses by 417.40 EUR',
        },
      ]);
    });

    it('agrees a balanced budget once Dijon then Chefchaouen approve it, and any change clears the agreement', async () => {
      const d = await setup();
      const action = await createFoundingAction(t.app, d.dijon, d);
      let version = await addLine(t.app, d.dijon, action, 1, ['1000.00', 'EUR']);
      version = await addLine(t.app, d.chefchaouen, action, version, ['5000.00', 'MAD']);
      version = await addCash(t.app, d.dijon, action, version, ['1000.00', 'EUR']);
      version = await addCash(t.app, d.chefchaouen, action, version, ['5000.00', 'MAD']);
      const first = await approveBudget(t.app, d.dijon, action.budget.id, version);
      expect(first).toMatchObject({
        __typename: 'ApproveSuccess',
        approved: {
          subject: { id: action.budget.id },
          approval: {
            state: 'PENDING',
            version,
            parties: [
              { collectivity: { name: 'Dijon' }, approved: true },
              { collectivity: { name: 'Chefchaouen' }, approved: false },
            ],
          },
        },
      });
      const second = await approveBudget(t.app, d.chefchaouen, action.budget.id, version);
      expect(second.approved.approval.state).toBe('AGREED');
      expect((await readBudget(t.app, d.dijon, action.id)).approval.state).toBe('AGREED');

      const [line] = (await readBudget(t.app, d.dijon, action.id)).lines;
      const changed = await mutate(
        t.app,
        d.dijon,
        'updateBudgetLine',
        { id: line.id, budgetVersion: version, label: 'Coaching des coopératives' },
        BUDGET,
      );
      expect(changed.budget.version).toBe(version + 1);
      const after = await readBudget(t.app, d.dijon, action.id);
      expect(after.lines[0]).toMatchObject({ label: 'Coaching des coopératives', version: 2 });
      expect(after.approval).toEqual({
        state: 'PENDING',
        version: version + 1,
        parties: [
          { collectivity: { name: 'Dijon' }, approved: false },
          { collectivity: { name: 'Chefchaouen' }, approved: false },
        ],
      });
      // An approval of the earlier version no longer counts, and cannot be given any more.
      const late = await approveBudget(t.app, d.chefchaouen, action.budget.id, version);
      expect(late).toMatchObject({ __typename: 'ConflictError', currentVersion: version + 1 });
    });

    it('lets a party approve only for itself', async () => {
      const d = await setup();
      const action = await createFoundingAction(t.app, d.dijon, d);
      let version = await addLine(t.app, d.dijon, action, 1, ['500.00', 'EUR']);
      version = await addCash(t.app, d.dijon, action, version, ['250.00', 'EUR']);
      version = await addCash(t.app, d.chefchaouen, action, version, ['250.00', 'EUR']);
      const forOther = await approveBudget(
        t.app,
        d.dijon,
        action.budget.id,
        version,
        d.ids.chefchaouen,
      );
      expect(forOther).toMatchObject({
        __typename: 'ForbiddenError',
        message: 'A party approves only in its own name',
      });
      expect((await readBudget(t.app, d.chefchaouen, action.id)).approval.parties).toEqual([
        { collectivity: { name: 'Dijon' }, approved: false },
        { collectivity: { name: 'Chefchaouen' }, approved: false },
      ]);
      const own = await approveBudget(t.app, d.chefchaouen, action.budget.id, version);
      expect(own.approved.approval.parties).toEqual([
        { collectivity: { name: 'Dijon' }, approved: false },
        { collectivity: { name: 'Chefchaouen' }, approved: true },
      ]);
      const twice = await approveBudget(t.app, d.chefchaouen, action.budget.id, version);
      expect(twice.issues).toEqual([
        expect.objectContaining({ path: ['input', 'version'], code: 'ALREADY_APPROVED' }),
      ]);
    });

    it('does not let Dijon record Chefchaouen’s cash contribution', async () => {
      const d = await setup();
      const action = await createFoundingAction(t.app, d.dijon, d);
      const before = await countRows('contribution');
      const refused = await mutate(t.app, d.dijon, 'addContribution', {
        actionId: action.id,
        budgetVersion: 1,
        kind: 'PARTY_CASH',
        partyId: d.ids.chefchaouen,
        amount: { amount: '10000.00', currency: 'MAD' },
      });
      expect(refused).toMatchObject({
        __typename: 'ForbiddenError',
        message: 'A party contributes only in its own name',
      });
      expect(await countRows('contribution')).toEqual(before);
      // Chefchaouen records it itself; Dijon may neither change nor remove it.
      const added = await mutate(
        t.app,
        d.chefchaouen,
        'addContribution',
        {
          actionId: action.id,
          budgetVersion: 1,
          kind: 'PARTY_IN_KIND',
          amount: { amount: '10000.00', currency: 'MAD' },
          description: 'Salle de la Maison des coopératives',
        },
        `budget { version contributions { id party { name } kind description } }`,
      );
      expect(added.budget.contributions).toEqual([
        {
          id: expect.any(String),
          party: { name: 'Chefchaouen' },
          kind: 'PARTY_IN_KIND',
          description: 'Salle de la Maison des coopératives',
        },
      ]);
      const contribution = added.budget.contributions[0].id;
      for (const [name, input] of [
        [
          'updateContribution',
          { id: contribution, budgetVersion: 2, amount: { amount: '1.00', currency: 'MAD' } },
        ],
        ['removeContribution', { id: contribution, budgetVersion: 2 }],
      ] as const) {
        expect(await mutate(t.app, d.dijon, name, input)).toMatchObject({
          __typename: 'ForbiddenError',
        });
      }
      const updated = await mutate(
        t.app,
        d.chefchaouen,
        'updateContribution',
        { id: contribution, budgetVersion: 2, amount: { amount: '12000.00', currency: 'MAD' } },
        'budget { version contributions { amount { amount currency } version } }',
      );
      expect(updated.budget).toEqual({
        version: 3,
        contributions: [{ amount: { amount: '12000.00', currency: 'MAD' }, version: 2 }],
      });
      const removed = await mutate(
        t.app,
        d.chefchaouen,
        'removeContribution',
        { id: contribution, budgetVersion: 3 },
        'budget { version contributions { id } }',
      );
      expect(removed.budget).toEqual({ version: 4, contributions: [] });
    });

    it('records a co-funder’s contribution by any editor of a party, with its organisation and status (A4.3)', async () => {
      const d = await setup();
      const action = await createFoundingAction(t.app, d.dijon, d);
      const funder = await daect(d.chefchaouen);
      const missing = await mutate(t.app, d.chefchaouen, 'addContribution', {
        actionId: action.id,
        budgetVersion: 1,
        kind: 'FUNDER',
        partyId: d.ids.chefchaouen,
        amount: { amount: '100.00', currency: 'EUR' },
      });
      expect(missing.issues.map((issue: any) => [issue.path.at(-1), issue.code])).toEqual([
        ['partyId', 'NOT_APPLICABLE'],
        ['organizationId', 'REQUIRED'],
        ['fundingStatus', 'REQUIRED'],
      ]);
      const added = await mutate(
        t.app,
        d.chefchaouen,
        'addContribution',
        {
          actionId: action.id,
          budgetVersion: 1,
          kind: 'FUNDER',
          organizationId: funder,
          fundingStatus: 'REQUESTED',
          amount: { amount: '1500.00', currency: 'EUR' },
        },
        'budget { version contributions { id funder { name } fundingStatus party { name } } }',
      );
      expect(added.budget.contributions).toEqual([
        {
          id: expect.any(String),
          funder: { name: 'Ministère de l’Europe et des Affaires étrangères – DAECT' },
          fundingStatus: 'REQUESTED',
          party: null,
        },
      ]);
      const granted = await mutate(
        t.app,
        d.dijon,
        'updateContribution',
        { id: added.budget.contributions[0].id, budgetVersion: 2, fundingStatus: 'GRANTED' },
        'budget { contributions { fundingStatus } }',
      );
      expect(granted.budget.contributions).toEqual([{ fundingStatus: 'GRANTED' }]);
      const version = await addLine(t.app, d.dijon, action, 3, ['2000.00', 'EUR']);
      const budget = await readBudget(t.app, d.dijon, action.id);
      expect(version).toBe(4);
      // 1,500.00 of 2,000.00 EUR: above the convention's 50% cap, a warning only.
      expect(
        budget.violations.map((violation: any) => [violation.code, violation.blocking]),
      ).toEqual([
        ['PARTY_CONTRIBUTES_NOTHING', true],
        ['UNBALANCED', true],
        ['FUNDER_OVER_CAP', false],
      ]);
      expect(budget.violations[2].funder).toEqual({
        name: 'Ministère de l’Europe et des Affaires étrangères – DAECT',
      });
    });

    it('checks contributions with the domain: an in-kind gift says what it is, amounts are exact', async () => {
      const d = await setup();
      const action = await createFoundingAction(t.app, d.dijon, d);
      const before = await countRows('contribution');
      const refused = await mutate(t.app, d.dijon, 'addContribution', {
        actionId: action.id,
        budgetVersion: 1,
        kind: 'PARTY_IN_KIND',
        amount: { amount: '300.00', currency: 'EUR' },
        description: ' ',
        fundingStatus: 'GRANTED',
      });
      expect(refused.issues.map((issue: any) => [issue.path, issue.code])).toEqual([
        [['input', 'fundingStatus'], 'NOT_APPLICABLE'],
        [['input', 'description'], 'EMPTY_DESCRIPTION'],
      ]);
      const noDescription = await mutate(t.app, d.dijon, 'addContribution', {
        actionId: action.id,
        budgetVersion: 1,
        kind: 'PARTY_IN_KIND',
        amount: { amount: '300.00', currency: 'EUR' },
      });
      expect(noDescription.issues).toEqual([
        expect.objectContaining({ path: ['input', 'description'], code: 'EMPTY_DESCRIPTION' }),
      ]);
      const inexact = await mutate(t.app, d.dijon, 'addContribution', {
        actionId: action.id,
        budgetVersion: 1,
        kind: 'PARTY_CASH',
        amount: { amount: '10.005', currency: 'EUR' },
      });
      expect(inexact.issues).toEqual([
        expect.objectContaining({ path: ['input', 'amount', 'amount'], code: 'TOO_MANY_DECIMALS' }),
      ]);
      expect(await countRows('contribution')).toEqual(before);
    });

    it('names every field wrong in a budget line and writes nothing', async () => {
      const d = await setup();
      const action = await createFoundingAction(t.app, d.dijon, d);
      const before = await countRows('expense_line');
      const refused = await mutate(t.app, d.dijon, 'addBudgetLine', {
        actionId: action.id,
        budgetVersion: 1,
        category: 'EVENTS',
        label: '  ',
        amount: { amount: '-5', currency: 'EURO' },
        year: 1066,
      });
      expect(refused.issues.map((issue: any) => [issue.path, issue.code])).toEqual([
        [['input', 'amount', 'currency'], 'UNKNOWN_CURRENCY'],
        [['input', 'year'], 'OUT_OF_RANGE'],
        [['input', 'label'], 'EMPTY_LABEL'],
      ]);
      const negative = await mutate(t.app, d.dijon, 'addBudgetLine', {
        actionId: action.id,
        budgetVersion: 1,
        category: 'EVENTS',
        label: 'Exposition',
        amount: { amount: '-5.00', currency: 'EUR' },
      });
      expect(negative.issues).toEqual([
        expect.objectContaining({ path: ['input', 'amount', 'amount'], code: 'NEGATIVE_AMOUNT' }),
      ]);
      expect(await countRows('expense_line')).toEqual(before);
      expect((await readBudget(t.app, d.dijon, action.id)).version).toBe(1);
    });

    it('answers ConflictError to a change made on a stale budget version, and overwrites nothing', async () => {
      const d = await setup();
      const action = await createFoundingAction(t.app, d.dijon, d);
      const version = await addLine(t.app, d.dijon, action, 1, ['800.00', 'EUR']);
      const [line] = (await readBudget(t.app, d.dijon, action.id)).lines;
      for (const [name, input] of [
        [
          'addBudgetLine',
          {
            actionId: action.id,
            budgetVersion: 1,
            category: 'OTHER',
            label: 'x',
            amount: { amount: '1.00', currency: 'EUR' },
          },
        ],
        ['updateBudgetLine', { id: line.id, budgetVersion: 1, label: 'Écrasé' }],
        ['removeBudgetLine', { id: line.id, budgetVersion: 1 }],
        [
          'addContribution',
          {
            actionId: action.id,
            budgetVersion: 1,
            kind: 'PARTY_CASH',
            amount: { amount: '1.00', currency: 'EUR' },
          },
        ],
        [
          'addStaffAssignment',
          {
            actionId: action.id,
            budgetVersion: 1,
            days: '1',
            dailyCost: { amount: '1.00', currency: 'EUR' },
          },
        ],
      ] as const) {
        expect(await mutate(t.app, d.chefchaouen, name, input)).toMatchObject({
          __typename: 'ConflictError',
          currentVersion: version,
        });
      }
      const budget = await readBudget(t.app, d.dijon, action.id);
      expect(budget.version).toBe(version);
      expect(budget.lines.map((item: any) => item.label)).toEqual(['Dépense training']);
      expect(budget.contributions).toEqual([]);
      const removed = await mutate(
        t.app,
        d.chefchaouen,
        'removeBudgetLine',
        { id: line.id, budgetVersion: version },
        'budget { version lines { id } }',
      );
      expect(removed.budget).toEqual({ version: version + 1, lines: [] });
    });

    it('values staff time as days × daily cost, half to even, in the employer’s own name only (A5)', async () => {
      const d = await setup();
      const action = await createFoundingAction(t.app, d.dijon, d);
      const forOther = await mutate(t.app, d.dijon, 'addStaffAssignment', {
        actionId: action.id,
        budgetVersion: 1,
        collectivityId: d.ids.chefchaouen,
        days: '3',
        dailyCost: { amount: '900.00', currency: 'MAD' },
      });
      expect(forOther).toMatchObject({ __typename: 'ForbiddenError' });
      for (const days of ['deux', '0', '1.125']) {
        const refused = await mutate(t.app, d.dijon, 'addStaffAssignment', {
          actionId: action.id,
          budgetVersion: 1,
          days,
          dailyCost: { amount: '180.25', currency: 'EUR' },
        });
        expect(refused.issues).toEqual([
          expect.objectContaining({ path: ['input', 'days'], code: 'INVALID_DAYS' }),
        ]);
      }
      const added = await mutate(
        t.app,
        d.dijon,
        'addStaffAssignment',
        {
          actionId: action.id,
          budgetVersion: 1,
          role: 'Chargée de mission coopération',
          days: '2.5',
          dailyCost: { amount: '180.25', currency: 'EUR' },
        },
        'budget { version staffAssignments { id collectivity { name } role days value { amount currency } version } totals { parties { collectivity { name } planned { byCurrency { amount currency } } } } }',
      );
      expect(added.budget.staffAssignments).toEqual([
        {
          id: expect.any(String),
          collectivity: { name: 'Dijon' },
          role: 'Chargée de mission coopération',
          days: '2.5',
          // 450.625 rounds half to even.
          value: { amount: '450.62', currency: 'EUR' },
          version: 1,
        },
      ]);
      expect(added.budget.totals.parties[0]).toEqual({
        collectivity: { name: 'Dijon' },
        planned: { byCurrency: [{ amount: '450.62', currency: 'EUR' }] },
      });
      const staff = added.budget.staffAssignments[0].id;
      for (const [name, input] of [
        ['updateStaffAssignment', { id: staff, budgetVersion: 2, days: '1' }],
        ['removeStaffAssignment', { id: staff, budgetVersion: 2 }],
      ] as const) {
        // Another party's staff is changed only by its own users.
        expect(await mutate(t.app, d.chefchaouen, name, input)).toMatchObject({
          __typename: 'ForbiddenError',
        });
      }
      const updated = await mutate(
        t.app,
        d.dijon,
        'updateStaffAssignment',
        { id: staff, budgetVersion: 2, days: '4' },
        'budget { version staffAssignments { days value { amount } version } }',
      );
      expect(updated.budget).toEqual({
        version: 3,
        staffAssignments: [{ days: '4', value: { amount: '721.00' }, version: 2 }],
      });
      const removed = await mutate(
        t.app,
        d.dijon,
        'removeStaffAssignment',
        { id: staff, budgetVersion: 3 },
        'budget { version staffAssignments { id } }',
      );
      expect(removed.budget).toEqual({ version: 4, staffAssignments: [] });
    });

    it('records what was executed without changing the agreed version, each party for its own contributions', async () => {
      const d = await setup();
      const action = await createFoundingAction(t.app, d.dijon, d);
      let version = await addLine(t.app, d.dijon, action, 1, ['1000.00', 'EUR']);
      version = await addCash(t.app, d.dijon, action, version, ['1000.00', 'EUR']);
      const staffed = await mutate(
        t.app,
        d.chefchaouen,
        'addStaffAssignment',
        {
          actionId: action.id,
          budgetVersion: version,
          days: '5',
          dailyCost: { amount: '1200.00', currency: 'MAD' },
        },
        BUDGET,
      );
      version = staffed.budget.version;
      const budget = await readBudget(t.app, d.dijon, action.id);
      const [line] = budget.lines;
      const [cash] = budget.contributions;
      const [staff] = budget.staffAssignments;

      const mismatch = await mutate(t.app, d.dijon, 'recordExecution', {
        itemId: line.id,
        version: line.version,
        executed: { amount: '9000.00', currency: 'MAD' },
      });
      expect(mismatch.issues).toEqual([
        expect.objectContaining({ path: ['input', 'executed'], code: 'CURRENCY_MISMATCH' }),
      ]);
      const spent = await mutate(
        t.app,
        d.dijon,
        'recordExecution',
        {
          itemId: line.id,
          version: line.version,
          executed: { amount: '980.50', currency: 'EUR' },
          executedOn: '2017-09-30',
        },
        'budget { version lines { executed { amount currency } executedOn version } totals { executedExpenses { reporting { amount } } } }',
      );
      expect(spent.budget).toEqual({
        version,
        lines: [
          { executed: { amount: '980.50', currency: 'EUR' }, executedOn: '2017-09-30', version: 2 },
        ],
        totals: { executedExpenses: { reporting: { amount: '980.50' } } },
      });
      const stale = await mutate(t.app, d.dijon, 'recordExecution', {
        itemId: line.id,
        version: line.version,
        executed: { amount: '1.00', currency: 'EUR' },
      });
      expect(stale).toMatchObject({ __typename: 'ConflictError', currentVersion: 2 });

      expect(
        await mutate(t.app, d.chefchaouen, 'recordExecution', {
          itemId: cash.id,
          version: cash.version,
          executed: { amount: '1000.00', currency: 'EUR' },
        }),
      ).toMatchObject({ __typename: 'ForbiddenError' });
      const worked = await mutate(
        t.app,
        d.chefchaouen,
        'recordExecution',
        { itemId: staff.id, version: staff.version, executedDays: '4.5', executedOn: '2017-10-15' },
        'budget { staffAssignments { executedDays executed { amount currency } } }',
      );
      expect(worked.budget.staffAssignments).toEqual([
        { executedDays: '4.5', executed: { amount: '5400.00', currency: 'MAD' } },
      ]);
      const wrongField = await mutate(t.app, d.chefchaouen, 'recordExecution', {
        itemId: staff.id,
        version: 2,
        executed: { amount: '5400.00', currency: 'MAD' },
      });
      expect(wrongField.issues).toEqual([
        expect.objectContaining({ path: ['input', 'executed'], code: 'NOT_APPLICABLE' }),
      ]);
      const notAnItem = await mutate(t.app, d.dijon, 'recordExecution', {
        itemId: action.id,
        version: 1,
      });
      expect(notAnItem).toMatchObject({ __typename: 'NotFoundError' });
    });

    it('reports a missing exchange rate as a violation, not an error', async () => {
      const d = await setup();
      const action = await createFoundingAction(t.app, d.dijon, d);
      let version = await addLine(t.app, d.dijon, action, 1, ['1200.00', 'USD']);
      version = await addCash(t.app, d.dijon, action, version, ['600.00', 'USD']);
      version = await addCash(t.app, d.chefchaouen, action, version, ['600.00', 'USD']);
      const response = await gql(
        t.app,
        'query($id: ID!) { node(id: $id) { ... on Action { budget { totals { expenses { byCurrency { amount currency } reporting { amount } } balanced missingRates { from to date } } violations { code blocking message } } } } }',
        { id: action.id },
        d.dijon,
      );
      expect(response.errors).toBeUndefined();
      const budget = response.data.node.budget;
      expect(budget.totals).toEqual({
        expenses: { byCurrency: [{ amount: '1200.00', currency: 'USD' }], reporting: null },
        balanced: null,
        missingRates: [{ from: 'USD', to: 'EUR', date: '2017-06-01' }],
      });
      expect(budget.violations).toEqual([
        {
          code: 'MISSING_EXCHANGE_RATE',
          blocking: true,
          message: 'no exchange rate from USD to EUR is recorded on or before 2017-06-01',
        },
      ]);
      const refused = await approveBudget(t.app, d.dijon, action.budget.id, version);
      expect(refused.issues.map((issue: any) => issue.code)).toEqual(['MISSING_EXCHANGE_RATE']);
    });

    it('hides the Dijon–Mainz budgets from Chefchaouen, through node(id:), nested fields and mutations alike', async () => {
      const d = await setup();
      const [mainzAction] = await demoActions(d.dijon, d.mainzConvention.id);
      const budget = mainzAction.budget;
      const node = async (id: string) =>
        (await gql(t.app, 'query($id: ID!) { node(id: $id) { id } }', { id }, d.chefchaouen)).data
          .node;
      expect(await node(budget.id)).toBeNull();
      expect(await node(mainzAction.id)).toBeNull();
      const nested = await gql(
        t.app,
        'query($id: ID!) { node(id: $id) { ... on Budget { lines { label } } } }',
        { id: budget.id },
        d.chefchaouen,
      );
      expect(nested.data.node).toBeNull();
      const mine = await gql(
        t.app,
        'query($id: ID!) { node(id: $id) { ... on Budget { action { title } approval { state } } } }',
        { id: budget.id },
        d.mainz,
      );
      expect(mine.data.node).toEqual({
        action: { title: 'Échange d’apprentis boulangers Dijon – Mainz' },
        approval: { state: 'AGREED' },
      });

      const missingAction = Buffer.from('Action:424242').toString('base64');
      const [line] = budget.lines;
      const [cash] = budget.contributions;
      const hiddenAndMissing: [string, Record<string, unknown>, Record<string, unknown>][] = [
        ['addBudgetLine', { actionId: mainzAction.id }, { actionId: missingAction }],
        [
          'updateBudgetLine',
          { id: line.id },
          { id: Buffer.from('ExpenseLine:424242').toString('base64') },
        ],
        [
          'removeContribution',
          { id: cash.id },
          { id: Buffer.from('Contribution:424242').toString('base64') },
        ],
        [
          'approve',
          { subjectId: budget.id },
          { subjectId: Buffer.from('Budget:424242').toString('base64') },
        ],
      ];
      for (const [name, hidden, missing] of hiddenAndMissing) {
        const common =
          name === 'approve'
            ? { version: 1 }
            : name === 'addBudgetLine'
              ? {
                  budgetVersion: 1,
                  category: 'OTHER',
                  label: 'x',
                  amount: { amount: '1.00', currency: 'EUR' },
                }
              : { budgetVersion: 1 };
        const answerHidden = await mutate(t.app, d.chefchaouen, name, { ...hidden, ...common });
        const answerMissing = await mutate(t.app, d.chefchaouen, name, { ...missing, ...common });
        expect(answerHidden).toEqual(answerMissing);
        expect(answerHidden).toMatchObject({
          __typename: 'NotFoundError',
          message: 'No object with this ID',
        });
      }
      const execution = await mutate(t.app, d.chefchaouen, 'recordExecution', {
        itemId: line.id,
        version: line.version,
        executed: { amount: '1.00', currency: 'EUR' },
      });
      expect(execution).toMatchObject({
        __typename: 'NotFoundError',
        message: 'No object with this ID',
      });
      const after = await demoActions(d.dijon, d.mainzConvention.id);
      expect(after[0].budget).toEqual(budget);
    });

    it('refuses budget changes and approvals through a read-only token', async () => {
      const d = await setup();
      const token = await readOnlyToken(t.app, d.dijon);
      const [, , youth] = await demoActions(d.dijon, d.founding.id);
      for (const [name, input] of [
        [
          'addBudgetLine',
          {
            actionId: youth.id,
            budgetVersion: 1,
            category: 'OTHER',
            label: 'x',
            amount: { amount: '1.00', currency: 'EUR' },
          },
        ],
        [
          'addContribution',
          {
            actionId: youth.id,
            budgetVersion: 1,
            kind: 'PARTY_CASH',
            amount: { amount: '1.00', currency: 'EUR' },
          },
        ],
        ['recordExecution', { itemId: youth.budget.lines[0].id, version: 1 }],
        ['approve', { subjectId: youth.budget.id, version: 1 }],
      ] as const) {
        expect(await mutate(t.app, token, name, input)).toMatchObject({
          __typename: 'ForbiddenError',
          message: 'This API token is read-only',
        });
      }
      const budget = await readBudget(t.app, token, youth.id);
      expect(budget.approval).toMatchObject({
        state: 'PENDING',
        parties: [
          { collectivity: { name: 'Dijon' }, approved: true },
          { collectivity: { name: 'Chefchaouen' }, approved: false },
        ],
      });
      expect(budget.violations.map((violation: any) => violation.code)).toEqual([
        'REQUESTED_FUNDING_COUNTED',
      ]);
    });

    it('writes each budget change to the audit trail, readable by both parties', async () => {
      const d = await setup();
      const action = await createFoundingAction(t.app, d.dijon, d);
      await addLine(t.app, d.dijon, action, 1, ['750.00', 'EUR'], 'EQUIPMENT');
      const trail = await gql(
        t.app,
        'query($id: ID!) { node(id: $id) { ... on Convention { auditTrail(first: 5) { edges { node { operation subjectType after actorCollectivity { name } } } } } } }',
        { id: d.founding.id },
        d.chefchaouen,
      );
      expect(trail.data.node.auditTrail.edges[0].node).toMatchObject({
        operation: 'addBudgetLine',
        subjectType: 'ExpenseLine',
        after: { category: 'EQUIPMENT', amount: '75000', currency: 'EUR' },
        actorCollectivity: { name: 'Dijon' },
      });
    });
  });
}
