import {
  addMoney,
  convertMoney,
  currency,
  formatMoney,
  parseMoney,
  parseRate,
  unwrap,
  type IsoDate,
} from '@coop/domain';
import { describe, expect, it } from 'vitest';
import { ENGINES, useTestApp } from '../../test/engines.js';
import { demoIds } from '../../test/fixtures.js';
import { download } from '../../test/fixtures-exports.js';
import {
  ERROR_FIELDS,
  missingId,
  readOnlyToken,
  sqlCount,
} from '../../test/fixtures-evaluation.js';
import { gql, signIn } from '../../test/graphql-client.js';

const AMOUNT = /* GraphQL */ `
  byCurrency {
    amount
    currency
  }
  reporting {
    amount
    currency
  }
`;

const EVALUATION_FIELDS = /* GraphQL */ `
  id
  scope
  year
  termNumber
  status
  summary
  version
  submittedAt
  approvedAt
  communicatedAt
  communicatedTo
  narratives {
    axis {
      title
    }
    text
  }
  approval {
    state
    version
    parties {
      collectivity {
        name
      }
      approved
    }
  }
`;

const REPORT_FIELDS = /* GraphQL */ `
  report {
    scope
    year
    term {
      number
      startDate
      endDate
    }
    reportingCurrency
    date
    indicators {
      code
      computedKind
      progress {
        target
        actual
        ratio
        status
      }
      yearly {
        year
        target
        actual
        status
      }
      breakdown {
        key
        count
      }
    }
    pendingIndicators {
      code
      waitingFor {
        name
      }
    }
    actions {
      actionId
      title
      status
      planned { ${AMOUNT} }
      executed { ${AMOUNT} }
      executionRatePercent
      flags
    }
    parties {
      collectivity {
        name
      }
      planned { ${AMOUNT} }
      executed { ${AMOUNT} }
    }
    axes {
      title
      narrative
      actionIds
      planned { ${AMOUNT} }
    }
    totals {
      planned { ${AMOUNT} }
      executed { ${AMOUNT} }
      executionRatePercent
      missionsHeld
      delegates {
        category
        count
      }
      actionsByStatus {
        status
        count
      }
    }
    missingRates {
      from
      to
    }
  }
`;

const EVALUATIONS = /* GraphQL */ `
  query Evaluations($id: ID!) {
    node(id: $id) {
      ... on Convention {
        evaluations {
          ${EVALUATION_FIELDS}
        }
      }
    }
  }
`;

const EVALUATION = /* GraphQL */ `
  query Evaluation($id: ID!) {
    node(id: $id) {
      ... on Evaluation {
        ${EVALUATION_FIELDS}
        ${REPORT_FIELDS}
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
          evaluation {
            ${EVALUATION_FIELDS}
          }
        }
        ${ERROR_FIELDS}
      }
    }
  `;
}

const CREATE = mutation('createEvaluation', 'CreateEvaluationInput');
const UPDATE = mutation('updateEvaluation', 'UpdateEvaluationInput');
const SUBMIT = mutation('submitEvaluation', 'SubmitEvaluationInput');
const COMMUNICATE = mutation('recordCommunication', 'RecordCommunicationInput');
const APPROVE = /* GraphQL */ `
  mutation Approve($input: ApproveInput!) {
    approve(input: $input) {
      __typename
      ... on ApproveSuccess {
        approved {
          approval {
            state
          }
          subject {
            ... on Evaluation {
              status
              version
              approvedAt
            }
          }
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

interface Amount {
  byCurrency: { amount: string; currency: string }[];
  reporting: { amount: string; currency: string } | null;
}

/** Adds reporting amounts exactly, in cents. */
function cents(amounts: Amount[]): number {
  return amounts.reduce(
    (sum, amount) => sum + Math.round(Number(amount.reporting!.amount) * 100),
    0,
  );
}

for (const engine of ENGINES) {
  describe(`evaluations on ${engine}`, () => {
    const t = useTestApp(engine);

    async function evaluations(cookie: string, conventionId?: string) {
      const ids = await demoIds(t.app, cookie);
      const response = await gql(
        t.app,
        EVALUATIONS,
        { id: conventionId ?? ids.founding!.id },
        { cookie },
      );
      if (response.errors) throw new TypeError(JSON.stringify(response.errors));
      return response.data.node.evaluations as Record<string, any>[];
    }

    async function create(cookie: string, input: Record<string, unknown>, conventionId?: string) {
      const ids = await demoIds(t.app, cookie);
      return gql(
        t.app,
        CREATE,
        { input: { conventionId: conventionId ?? ids.founding!.id, ...input } },
        { cookie },
      );
    }

    /** The first axis of a convention, for actions added straight in the database. */
    function firstAxisOf(conventionId: number) {
      return t.db
        .selectFrom('axis')
        .select('id')
        .where('convention_id', '=', conventionId)
        .orderBy('position')
        .executeTakeFirstOrThrow();
    }

    it('lists the demo evaluations, approved by both parties and communicated to a council', async () => {
      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const list = await evaluations(chefchaouen);
      expect(
        list.map((evaluation) => [
          evaluation.scope,
          evaluation.year ?? evaluation.termNumber,
          evaluation.status,
          evaluation.approval.state,
        ]),
      ).toEqual([
        ['ANNUAL', 2017, 'APPROVED', 'AGREED'],
        ['ANNUAL', 2018, 'APPROVED', 'AGREED'],
        ['ANNUAL', 2019, 'APPROVED', 'AGREED'],
        ['PROGRAMME', 1, 'APPROVED', 'AGREED'],
        ['PROGRAMME', 2, 'APPROVED', 'AGREED'],
      ]);
      expect(list[0]).toMatchObject({
        communicatedAt: '2018-03-26',
        communicatedTo: 'Conseil municipal de Dijon',
        narratives: [
          {
            axis: { title: expect.stringContaining('Développement économique') },
            text: expect.any(String),
          },
          {
            axis: { title: expect.stringContaining('Appui aux politiques') },
            text: expect.any(String),
          },
        ],
      });
    });

    it('reports a year: agreed indicators against their targets, the budget per action, party and axis, the narratives', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const conventionId = (
        await t.db
          .selectFrom('convention')
          .select('id')
          .where('title', 'like', '%Chefchaouen%')
          .executeTakeFirstOrThrow()
      ).id;
      const collectivity = async (name: string) =>
        (
          await t.db
            .selectFrom('collectivity')
            .select('id')
            .where('name', '=', name)
            .executeTakeFirstOrThrow()
        ).id;
      const axis = await firstAxisOf(conventionId);
      // An action of 2017 in both currencies: 1,000.00 EUR and 10,812.30 MAD (1,000.00 EUR at 10.8123).
      const action = await t.db
        .insertInto('action')
        .values({
          convention_id: conventionId,
          axis_id: axis.id,
          title: 'Ateliers de commercialisation des coopératives',
          status: 'COMPLETED',
          start_date: '2017-03-01',
          end_date: '2017-11-30',
          dac_sector: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.db
        .insertInto('expense_line')
        .values([
          {
            action_id: action.id,
            category: 'TRAINING',
            label: 'Formateurs',
            amount: 100_000n,
            currency: 'EUR',
            executed_amount: 80_000n,
            executed_on: null,
            year: 2017,
          },
          {
            action_id: action.id,
            category: 'EVENTS',
            label: 'Salle et logistique',
            amount: 1_081_230n,
            currency: 'MAD',
            executed_amount: 1_081_230n,
            executed_on: null,
            year: 2017,
          },
        ])
        .execute();
      await t.db
        .insertInto('contribution')
        .values([
          {
            action_id: action.id,
            kind: 'PARTY_CASH',
            collectivity_id: await collectivity('Dijon'),
            organization_id: null,
            amount: 100_000n,
            currency: 'EUR',
            funding_status: null,
            year: 2017,
            executed_amount: 80_000n,
            executed_on: '2017-06-30',
          },
          {
            action_id: action.id,
            kind: 'PARTY_IN_KIND',
            collectivity_id: await collectivity('Chefchaouen'),
            organization_id: null,
            amount: 1_081_230n,
            currency: 'MAD',
            funding_status: null,
            year: 2017,
            executed_amount: 1_081_230n,
            executed_on: '2017-09-30',
          },
        ])
        .execute();

      const list = await evaluations(dijon);
      // The approved 2017 report is the one the parties approved: the action added afterwards
      // is not in it. Put back to draft, the report follows the data again.
      const approved = await gql(t.app, EVALUATION, { id: list[0]!.id }, { cookie: dijon });
      expect(approved.data.node.status).toBe('APPROVED');
      expect(
        approved.data.node.report.actions.map((a: { title: string }) => a.title),
      ).not.toContain('Ateliers de commercialisation des coopératives');
      const asDraft = (status: 'DRAFT' | 'APPROVED') =>
        t.db
          .updateTable('evaluation')
          .set({ status })
          .where('convention_id', '=', conventionId)
          .where('year', '=', 2017)
          .execute();
      await asDraft('DRAFT');
      const response = await gql(t.app, EVALUATION, { id: list[0]!.id }, { cookie: dijon }).finally(
        () => asDraft('APPROVED'),
      );
      const report = response.data.node.report;
      expect(report).toMatchObject({
        scope: 'ANNUAL',
        year: 2017,
        term: null,
        reportingCurrency: 'EUR',
        date: '2017-12-31',
        missingRates: [],
        pendingIndicators: [{ code: 'COOPERATIVES', waitingFor: [{ name: 'Chefchaouen' }] }],
      });
      expect(
        report.indicators.map((line: any) => [
          line.code,
          line.progress.target,
          line.progress.actual,
          line.progress.status,
        ]),
      ).toEqual([
        ['ARTISTES', '2', '2', 'MET'],
        ['COFINANCEMENTS', '5000', expect.any(String), expect.any(String)],
        ['JEUNES', '4', '0', 'BEHIND'],
        ['MISSIONS', '2', '1', 'BEHIND'],
      ]);
      const mine = report.actions.find(
        (line: { title: string }) =>
          line.title === 'Ateliers de commercialisation des coopératives',
      );
      // 10,812.30 MAD in euros at the rate recorded for the end of 2017, rounded once (A4.6).
      const rates = await gql(
        t.app,
        'query($id: ID!) { node(id: $id) { ... on Convention { exchangeRates { from to rate validFrom } } } }',
        { id: (await demoIds(t.app, dijon)).founding!.id },
        { cookie: dijon },
      );
      const recorded = rates.data.node.exchangeRates.map((rate: any) =>
        unwrap(
          parseRate({ from: rate.from, to: rate.to, rate: rate.rate, validFrom: rate.validFrom }),
        ),
      );
      const madInEuros = unwrap(
        convertMoney(
          unwrap(parseMoney('10812.30', 'MAD')),
          currency('EUR'),
          recorded,
          '2017-12-31' as IsoDate,
        ),
      );
      const inEuros = (euros: string) =>
        formatMoney(addMoney(unwrap(parseMoney(euros, 'EUR')), madInEuros));
      expect(mine).toEqual({
        actionId: Buffer.from(`Action:${action.id}`).toString('base64'),
        title: 'Ateliers de commercialisation des coopératives',
        status: 'COMPLETED',
        planned: {
          byCurrency: [
            { amount: '1000.00', currency: 'EUR' },
            { amount: '10812.30', currency: 'MAD' },
          ],
          reporting: { amount: inEuros('1000.00'), currency: 'EUR' },
        },
        executed: {
          byCurrency: [
            { amount: '800.00', currency: 'EUR' },
            { amount: '10812.30', currency: 'MAD' },
          ],
          reporting: { amount: inEuros('800.00'), currency: 'EUR' },
        },
        executionRatePercent: expect.stringMatching(/^\d+\.\d\d$/),
        flags: [],
      });
      // The totals add up the rows shown, per action, per party and per axis.
      expect(cents([report.totals.planned])).toBe(cents(report.actions.map((a: any) => a.planned)));
      expect(cents([report.totals.executed])).toBe(
        cents(report.actions.map((a: any) => a.executed)),
      );
      expect(cents([report.totals.planned])).toBe(cents(report.axes.map((a: any) => a.planned)));
      expect(report.parties.map((p: any) => p.collectivity.name)).toEqual(['Dijon', 'Chefchaouen']);
      expect(report.axes[0]).toMatchObject({
        narrative: expect.stringContaining('Douze coopératives'),
        actionIds: expect.arrayContaining([mine.actionId]),
      });
      expect(report.totals).toMatchObject({
        missionsHeld: 1,
        delegates: [
          { category: 'ELECTED', count: 2 },
          { category: 'TECHNICIAN', count: 2 },
          { category: 'YOUTH', count: 0 },
          { category: 'ARTIST', count: 0 },
          { category: 'OTHER', count: 0 },
        ],
      });
    });

    it('reports a whole term: each indicator per year and aggregated over the term', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const list = await evaluations(dijon);
      const programme = list.find((e) => e.scope === 'PROGRAMME' && e.termNumber === 1)!;
      const response = await gql(t.app, EVALUATION, { id: programme.id }, { cookie: dijon });
      const report = response.data.node.report;
      expect(report).toMatchObject({
        scope: 'PROGRAMME',
        year: null,
        term: { number: 1, startDate: '2016-06-01', endDate: '2021-05-31' },
        date: '2021-05-31',
      });
      const missions = report.indicators.find((line: { code: string }) => line.code === 'MISSIONS');
      // Five missions from 2016 to 2019 against targets adding up to 9 (SUM over the term).
      expect(missions.progress).toMatchObject({ target: '9', actual: '5', status: 'BEHIND' });
      expect(
        missions.yearly.map((y: { year: number; actual: string }) => [y.year, y.actual]),
      ).toEqual([
        [2016, '1'],
        [2017, '1'],
        [2018, '1'],
        [2019, '2'],
        [2020, '0'],
        [2021, '0'],
      ]);
      expect(report.totals.missionsHeld).toBe(5);
    });

    it('goes through the workflow: submit, approve by both, communicate; and refuses steps out of order', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const ids = await demoIds(t.app, dijon);
      const created = await create(dijon, {
        scope: 'ANNUAL',
        year: 2020,
        summary: 'Année marquée par la crise sanitaire',
        narratives: [{ axisId: ids.founding!.axes[3]!.id, text: 'Échanges de jeunes reportés.' }],
      });
      let evaluation = created.data.createEvaluation.evaluation;
      expect(evaluation).toMatchObject({
        scope: 'ANNUAL',
        year: 2020,
        termNumber: null,
        status: 'DRAFT',
        version: 1,
        narratives: [
          { axis: { title: 'Education et jeunesse' }, text: 'Échanges de jeunes reportés.' },
        ],
        approval: { state: 'PENDING' },
      });
      const early = await gql(
        t.app,
        APPROVE,
        { input: { subjectId: evaluation.id, version: 1 } },
        { cookie: chefchaouen },
      );
      expect(early.data.approve).toMatchObject({
        __typename: 'ValidationError',
        issues: [{ path: ['input', 'subjectId'], code: 'EVALUATION_NOT_SUBMITTED' }],
      });
      const tooSoon = await gql(
        t.app,
        COMMUNICATE,
        {
          input: {
            id: evaluation.id,
            version: 1,
            body: 'Conseil municipal de Dijon',
            date: '2021-03-29',
          },
        },
        { cookie: dijon },
      );
      expect(tooSoon.data.recordCommunication.issues).toEqual([
        { path: ['input', 'id'], code: 'EVALUATION_NOT_APPROVED' },
      ]);
      const edited = await gql(
        t.app,
        UPDATE,
        {
          input: {
            id: evaluation.id,
            version: 1,
            narratives: [
              { axisId: ids.founding!.axes[3]!.id, text: '' },
              { axisId: ids.founding!.axes[4]!.id, text: 'Aide d’urgence aux familles.' },
            ],
          },
        },
        { cookie: chefchaouen },
      );
      evaluation = edited.data.updateEvaluation.evaluation;
      expect(evaluation).toMatchObject({
        version: 2,
        status: 'DRAFT',
        summary: 'Année marquée par la crise sanitaire',
        narratives: [{ text: 'Aide d’urgence aux familles.' }],
      });
      const stale = await gql(
        t.app,
        SUBMIT,
        { input: { id: evaluation.id, version: 1 } },
        { cookie: dijon },
      );
      expect(stale.data.submitEvaluation).toMatchObject({
        __typename: 'ConflictError',
        currentVersion: 2,
      });
      const submitted = await gql(
        t.app,
        SUBMIT,
        { input: { id: evaluation.id, version: 2 } },
        { cookie: dijon },
      );
      evaluation = submitted.data.submitEvaluation.evaluation;
      expect(evaluation).toMatchObject({
        status: 'SUBMITTED',
        version: 3,
        submittedAt: expect.any(String),
      });
      const again = await gql(
        t.app,
        SUBMIT,
        { input: { id: evaluation.id, version: 3 } },
        { cookie: dijon },
      );
      expect(again.data.submitEvaluation.issues).toEqual([
        { path: ['input', 'id'], code: 'EVALUATION_NOT_A_DRAFT' },
      ]);

      const byDijon = await gql(
        t.app,
        APPROVE,
        { input: { subjectId: evaluation.id, version: 3 } },
        { cookie: dijon },
      );
      expect(byDijon.data.approve.approved).toMatchObject({
        approval: { state: 'PENDING' },
        subject: { status: 'SUBMITTED', approvedAt: null },
      });
      const twice = await gql(
        t.app,
        APPROVE,
        { input: { subjectId: evaluation.id, version: 3 } },
        { cookie: dijon },
      );
      expect(twice.data.approve.issues).toEqual([
        { path: ['input', 'version'], code: 'ALREADY_APPROVED' },
      ]);
      const byChefchaouen = await gql(
        t.app,
        APPROVE,
        { input: { subjectId: evaluation.id, version: 3 } },
        { cookie: chefchaouen },
      );
      expect(byChefchaouen.data.approve.approved).toMatchObject({
        approval: { state: 'AGREED' },
        subject: { status: 'APPROVED', version: 3, approvedAt: expect.any(String) },
      });

      const final = await gql(
        t.app,
        UPDATE,
        { input: { id: evaluation.id, version: 3, summary: 'Réécrit' } },
        { cookie: dijon },
      );
      expect(final.data.updateEvaluation.issues).toEqual([
        { path: ['input', 'id'], code: 'EVALUATION_ALREADY_APPROVED' },
      ]);
      const noBody = await gql(
        t.app,
        COMMUNICATE,
        { input: { id: evaluation.id, version: 3, body: '  ', date: '2021-03-29' } },
        { cookie: dijon },
      );
      expect(noBody.data.recordCommunication.issues).toEqual([
        { path: ['input', 'body'], code: 'EMPTY_BODY' },
      ]);
      const communicated = await gql(
        t.app,
        COMMUNICATE,
        {
          input: {
            id: evaluation.id,
            version: 3,
            body: 'Conseil communal de Chefchaouen',
            date: '2021-02-08',
          },
        },
        { cookie: chefchaouen },
      );
      expect(communicated.data.recordCommunication.evaluation).toMatchObject({
        status: 'APPROVED',
        version: 3,
        communicatedAt: '2021-02-08',
        communicatedTo: 'Conseil communal de Chefchaouen',
        approval: { state: 'AGREED' },
      });
      const once = await gql(
        t.app,
        COMMUNICATE,
        {
          input: {
            id: evaluation.id,
            version: 3,
            body: 'Conseil municipal de Dijon',
            date: '2021-03-29',
          },
        },
        { cookie: dijon },
      );
      expect(once.data.recordCommunication.issues).toEqual([
        { path: ['input', 'id'], code: 'ALREADY_COMMUNICATED' },
      ]);
    });

    it('freezes the report at submission: the figures the parties approve do not move; a revision follows the data again', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const ids = await demoIds(t.app, dijon);
      const conventionId = Number(Buffer.from(ids.founding!.id, 'base64').toString().split(':')[1]);
      const axis = await firstAxisOf(conventionId);
      const addAction = async (title: string, cents: bigint) => {
        const action = await t.db
          .insertInto('action')
          .values({
            convention_id: conventionId,
            axis_id: axis.id,
            title,
            status: 'IN_PROGRESS',
            start_date: '2025-02-01',
            end_date: '2025-10-31',
            dac_sector: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await t.db
          .insertInto('expense_line')
          .values({
            action_id: action.id,
            category: 'TRAINING',
            label: title,
            amount: cents,
            currency: 'EUR',
            executed_amount: null,
            executed_on: null,
            year: 2025,
          })
          .execute();
      };
      const reportOf = async (id: string, cookie = dijon) => {
        const response = await gql(t.app, EVALUATION, { id }, { cookie });
        const node = response.data.node;
        return {
          status: node.status as string,
          titles: node.report.actions.map((a: { title: string }) => a.title) as string[],
          planned: node.report.totals.planned.byCurrency,
        };
      };

      await addAction('Chantier-école 2025', 250_000n);
      const created = await create(dijon, { scope: 'ANNUAL', year: 2025 });
      const id = created.data.createEvaluation.evaluation.id;
      expect((await reportOf(id)).titles).toContain('Chantier-école 2025');
      const fullReport = async () =>
        (await gql(t.app, EVALUATION, { id }, { cookie: dijon })).data.node.report;
      const computed = await fullReport();
      const submitted = await gql(t.app, SUBMIT, { input: { id, version: 1 } }, { cookie: dijon });
      expect(submitted.data.submitEvaluation.evaluation.status).toBe('SUBMITTED');
      // Read back from its frozen copy, every field of the report is what was computed.
      expect(await fullReport()).toEqual(computed);
      const asSubmitted = await reportOf(id);

      // Changed after the submission: the submitted report, then the approved one, stay as they were.
      await addAction('Ajouté après la soumission', 990_000n);
      expect(await reportOf(id)).toEqual(asSubmitted);
      expect(await reportOf(id, chefchaouen)).toEqual(asSubmitted);
      const printable = await download(
        t.app,
        `/exports/conventions/${ids.founding!.id}/evaluations/2025`,
        { cookie: dijon },
      );
      const page = await printable.text();
      expect(page).toContain('Chantier-école 2025');
      expect(page).not.toContain('Ajouté après la soumission');

      // Revised, it is a draft again: its report follows the data; submitted anew, it freezes again.
      const revised = await gql(
        t.app,
        UPDATE,
        { input: { id, version: 2, summary: 'Avec le chantier ajouté' } },
        { cookie: dijon },
      );
      expect(revised.data.updateEvaluation.evaluation.status).toBe('DRAFT');
      const draft = await reportOf(id);
      expect(draft.titles).toEqual(
        expect.arrayContaining(['Chantier-école 2025', 'Ajouté après la soumission']),
      );
      expect(draft.planned).not.toEqual(asSubmitted.planned);
      await gql(t.app, SUBMIT, { input: { id, version: 3 } }, { cookie: dijon });
      await addAction('Ajouté après la seconde soumission', 10_000n);
      expect((await reportOf(id)).titles).toEqual(draft.titles);
    });

    it('sends a submitted evaluation back to DRAFT when it is changed: earlier approvals no longer count', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const created = await create(dijon, { scope: 'ANNUAL', year: 2021 });
      const id = created.data.createEvaluation.evaluation.id;
      await gql(t.app, SUBMIT, { input: { id, version: 1 } }, { cookie: dijon });
      await gql(t.app, APPROVE, { input: { subjectId: id, version: 2 } }, { cookie: dijon });
      const changed = await gql(
        t.app,
        UPDATE,
        { input: { id, version: 2, summary: 'Complété après relecture' } },
        { cookie: dijon },
      );
      expect(changed.data.updateEvaluation.evaluation).toMatchObject({
        status: 'DRAFT',
        version: 3,
        submittedAt: null,
        approval: {
          state: 'PENDING',
          version: 3,
          parties: [
            { collectivity: { name: 'Dijon' }, approved: false },
            { collectivity: { name: 'Chefchaouen' }, approved: false },
          ],
        },
      });
    });

    it('names what is wrong with a new evaluation, and writes nothing', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const ids = await demoIds(t.app, dijon);
      const before = await t.db.selectFrom('evaluation').select('id').execute();
      const cases: [Record<string, unknown>, { path: string[]; code: string }[]][] = [
        [
          { scope: 'ANNUAL', year: 2017 },
          [{ path: ['input', 'year'], code: 'DUPLICATE_EVALUATION' }],
        ],
        [{ scope: 'ANNUAL', year: 2040 }, [{ path: ['input', 'year'], code: 'YEAR_OUTSIDE_TERM' }]],
        [
          { scope: 'ANNUAL', termNumber: 1 },
          [
            { path: ['input', 'year'], code: 'REQUIRED' },
            { path: ['input', 'termNumber'], code: 'NOT_ALLOWED' },
          ],
        ],
        [
          { scope: 'PROGRAMME', termNumber: 9 },
          [{ path: ['input', 'termNumber'], code: 'UNKNOWN_TERM' }],
        ],
        [
          { scope: 'PROGRAMME', termNumber: 1 },
          [{ path: ['input', 'termNumber'], code: 'DUPLICATE_EVALUATION' }],
        ],
        [
          {
            scope: 'ANNUAL',
            year: 2022,
            narratives: [{ axisId: ids.mainzConvention!.axes[0]!.id, text: 'x' }],
          },
          [{ path: ['input', 'narratives', '0', 'axisId'], code: 'UNKNOWN_AXIS' }],
        ],
      ];
      for (const [input, issues] of cases) {
        const response = await create(dijon, input);
        expect(response.data.createEvaluation.__typename).toBe('ValidationError');
        expect(response.data.createEvaluation.issues).toEqual(issues);
      }
      expect(await t.db.selectFrom('evaluation').select('id').execute()).toEqual(before);
    });

    it('hides the Dijon–Mainz evaluations from Chefchaouen exactly as missing ones', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const ids = await demoIds(t.app, dijon);
      const created = await create(dijon, { scope: 'ANNUAL', year: 2023 }, ids.mainzConvention!.id);
      const evaluation = created.data.createEvaluation.evaluation;
      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const node = await gql(
        t.app,
        'query($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }',
        { id: evaluation.id },
        { cookie: chefchaouen },
      );
      expect(node.data).toEqual({ node: null, nodes: [null] });
      const nested = await gql(
        t.app,
        EVALUATIONS,
        { id: ids.mainzConvention!.id },
        { cookie: chefchaouen },
      );
      expect(nested.data.node).toBeNull();
      const attempts: [string, string, Record<string, unknown>, Record<string, unknown>][] = [
        [
          UPDATE,
          'updateEvaluation',
          { id: evaluation.id, version: 1, summary: 'x' },
          { id: missingId('Evaluation'), version: 1, summary: 'x' },
        ],
        [
          SUBMIT,
          'submitEvaluation',
          { id: evaluation.id, version: 1 },
          { id: missingId('Evaluation'), version: 1 },
        ],
        [
          COMMUNICATE,
          'recordCommunication',
          { id: evaluation.id, version: 1, body: 'x', date: '2024-01-01' },
          { id: missingId('Evaluation'), version: 1, body: 'x', date: '2024-01-01' },
        ],
        [
          CREATE,
          'createEvaluation',
          { conventionId: ids.mainzConvention!.id, scope: 'ANNUAL', year: 2024 },
          { conventionId: missingId('Convention'), scope: 'ANNUAL', year: 2024 },
        ],
        [
          APPROVE,
          'approve',
          { subjectId: evaluation.id, version: 1 },
          { subjectId: missingId('Evaluation'), version: 1 },
        ],
      ];
      for (const [query, field, hidden, missing] of attempts) {
        const hiddenAnswer = await gql(t.app, query, { input: hidden }, { cookie: chefchaouen });
        const missingAnswer = await gql(t.app, query, { input: missing }, { cookie: chefchaouen });
        expect(hiddenAnswer.data[field]).toMatchObject({
          __typename: 'NotFoundError',
          code: 'NOT_FOUND',
        });
        expect(hiddenAnswer.data).toEqual(missingAnswer.data);
      }
      const stored = await t.db
        .selectFrom('evaluation')
        .select(['status', 'version', 'summary'])
        .where('year', '=', 2023)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ status: 'DRAFT', version: 1, summary: '' });
    });

    it('refuses every change through a read-only token', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const token = await readOnlyToken(t.app, dijon);
      const [first] = await evaluations(dijon);
      const answers = await Promise.all([
        gql(t.app, SUBMIT, { input: { id: first!.id, version: first!.version } }, { token }),
        gql(
          t.app,
          UPDATE,
          { input: { id: first!.id, version: first!.version, summary: 'x' } },
          { token },
        ),
        gql(
          t.app,
          CREATE,
          {
            input: {
              conventionId: (await demoIds(t.app, dijon)).founding!.id,
              scope: 'ANNUAL',
              year: 2025,
            },
          },
          { token },
        ),
      ]);
      for (const answer of answers) {
        expect(Object.values(answer.data)[0]).toMatchObject({
          __typename: 'ForbiddenError',
          message: 'This API token is read-only',
        });
      }
    });

    it('costs the same number of SQL statements however many evaluations and reports (no N+1)', async () => {
      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const ids = await demoIds(t.app, chefchaouen);
      const query = /* GraphQL */ `
        query ($id: ID!) {
          node(id: $id) {
            ... on Convention {
              evaluations {
                status
                narratives {
                  text
                  axis {
                    title
                  }
                }
                approval {
                  state
                  parties {
                    approved
                  }
                }
                report {
                  indicators {
                    code
                    progress {
                      status
                    }
                    yearly {
                      status
                    }
                  }
                  pendingIndicators {
                    code
                  }
                  actions {
                    title
                    planned {
                      reporting {
                        amount
                      }
                    }
                  }
                  parties {
                    collectivity {
                      name
                    }
                  }
                  axes {
                    narrative
                  }
                  totals {
                    missionsHeld
                  }
                }
              }
            }
          }
        }
      `;
      const before = await sqlCount(t.app, query, { id: ids.founding!.id }, chefchaouen);
      for (const year of [2022, 2023, 2024]) {
        const created = await create(chefchaouen, {
          scope: 'ANNUAL',
          year,
          narratives: [{ axisId: ids.founding!.axes[0]!.id, text: `Bilan ${year}` }],
        });
        expect(created.data.createEvaluation.__typename).toBe('CreateEvaluationSuccess');
      }
      expect(before).toBeGreaterThan(0);
      expect(await sqlCount(t.app, query, { id: ids.founding!.id }, chefchaouen)).toBe(before);
    });

    // Last: it renews the founding convention, which opens a fourth term.
    it('once both parties approved the programme evaluation of the current term, only their deliberations block the renewal, then it succeeds', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const ids = await demoIds(t.app, dijon);
      const renewal = async () =>
        (
          await gql(
            t.app,
            'query($id: ID!) { node(id: $id) { ... on Convention { version terms { number } renewal { eligible issues { code } } } } }',
            { id: ids.founding!.id },
            { cookie: dijon },
          )
        ).data.node;
      expect((await renewal()).renewal.issues.map((i: { code: string }) => i.code)).toContain(
        'NO_COMPLETED_PROGRAMME_EVALUATION',
      );
      const created = await create(dijon, {
        scope: 'PROGRAMME',
        termNumber: 3,
        summary: 'Bilan de la troisième période',
      });
      const evaluation = created.data.createEvaluation.evaluation;
      await gql(t.app, SUBMIT, { input: { id: evaluation.id, version: 1 } }, { cookie: dijon });
      await gql(
        t.app,
        APPROVE,
        { input: { subjectId: evaluation.id, version: 2 } },
        { cookie: dijon },
      );
      expect((await renewal()).renewal.issues.map((i: { code: string }) => i.code)).toContain(
        'NO_COMPLETED_PROGRAMME_EVALUATION',
      );
      await gql(
        t.app,
        APPROVE,
        { input: { subjectId: evaluation.id, version: 2 } },
        { cookie: chefchaouen },
      );
      expect((await renewal()).renewal.issues).toEqual([
        { code: 'MISSING_RENEWAL_DELIBERATION' },
        { code: 'MISSING_RENEWAL_DELIBERATION' },
      ]);

      for (const [collectivityId, body] of [
        [ids.dijon, 'Conseil municipal'],
        [ids.chefchaouen, 'Conseil communal'],
      ] as const) {
        const deliberation = await gql(
          t.app,
          /* GraphQL */ `
            mutation ($input: RecordDeliberationInput!) {
              recordDeliberation(input: $input) {
                __typename
              }
            }
          `,
          {
            input: {
              conventionId: ids.founding!.id,
              collectivityId,
              kind: 'RENEWAL',
              body,
              date: '2026-06-15',
              subject: 'Renouvellement de la convention de partenariat Dijon – Chefchaouen',
            },
          },
          { cookie: dijon },
        );
        expect(deliberation.data.recordDeliberation.__typename).toBe('RecordDeliberationSuccess');
      }
      const ready = await renewal();
      expect(ready.renewal).toEqual({ eligible: true, issues: [] });
      const renewed = await gql(
        t.app,
        /* GraphQL */ `
          mutation ($input: RenewConventionInput!) {
            renewConvention(input: $input) {
              __typename
              ... on RenewConventionSuccess {
                convention {
                  terms {
                    number
                  }
                }
              }
            }
          }
        `,
        { input: { conventionId: ids.founding!.id, version: ready.version } },
        { cookie: chefchaouen },
      );
      expect(renewed.data.renewConvention).toEqual({
        __typename: 'RenewConventionSuccess',
        convention: { terms: [{ number: 1 }, { number: 2 }, { number: 3 }, { number: 4 }] },
      });
    });
  });
}
