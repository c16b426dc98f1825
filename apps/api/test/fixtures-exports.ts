import type { Db } from '../src/db/database.js';
import type { App } from '../src/yoga.js';
import { gql } from './graphql-client.js';

/**
 * Export fixtures: an example of the founding convention's programme written straight into the
 * database (the actions, budgets, indicators and missions parts are built elsewhere), with the
 * facts a partner would expect in its exports. Amounts in minor units: Dijon in EUR, Chefchaouen
 * in MAD (A4.6).
 */
export interface ExportFixture {
  readonly dijon: number;
  readonly chefchaouen: number;
  readonly mainz: number;
  readonly founding: number;
  readonly mainzConvention: number;
  readonly axes: readonly number[];
  /** Espace de formation et coaching des coopératives: IN_PROGRESS, agreed budget, 2017-03 → 2018-06. */
  readonly coaching: number;
  /** Échanges de jeunes 2019: PLANNED, budget approved by Dijon only. */
  readonly youth: number;
  /** A Dijon–Mainz action, which Chefchaouen must never see. */
  readonly mainzAction: number;
  readonly indicators: {
    readonly cooperatives: number;
    readonly missions: number;
    readonly pending: number;
    readonly stale: number;
  };
}

async function idOf(db: Db, table: 'collectivity', name: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function conventionLike(db: Db, text: string): Promise<number> {
  const row = await db
    .selectFrom('convention')
    .select('id')
    .where('title', 'like', `%${text}%`)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function seedExportData(db: Db): Promise<ExportFixture> {
  const dijon = await idOf(db, 'collectivity', 'Dijon');
  const chefchaouen = await idOf(db, 'collectivity', 'Chefchaouen');
  const mainz = await idOf(db, 'collectivity', 'Mainz');
  const founding = await conventionLike(db, 'Chefchaouen');
  const mainzConvention = await conventionLike(db, 'Mayence');
  const axes = (
    await db
      .selectFrom('axis')
      .select('id')
      .where('convention_id', '=', founding)
      .orderBy('position')
      .execute()
  ).map((row) => row.id);
  const [economy, , , youthAxis] = axes;
  if (economy === undefined || youthAxis === undefined)
    throw new TypeError('founding axes missing');

  // A4.6: the rate the parties recorded for their totals (1 EUR = 10.8123 MAD), unless the demo has it.
  const rate = await db
    .selectFrom('exchange_rate')
    .select('id')
    .where('convention_id', '=', founding)
    .where('from_currency', '=', 'EUR')
    .where('to_currency', '=', 'MAD')
    .where('valid_from', '=', '2016-01-01')
    .executeTakeFirst();
  if (!rate) {
    await db
      .insertInto('exchange_rate')
      .values({
        convention_id: founding,
        from_currency: 'EUR',
        to_currency: 'MAD',
        rate: '10.8123',
        valid_from: '2016-01-01',
        source: 'Agreed by the parties',
      })
      .execute();
  }

  const organization = async (
    name: string,
    kind: 'PUBLIC_BODY' | 'UNIVERSITY' | 'ASSOCIATION',
    iati: string | null,
    country: string,
  ) =>
    (
      await db
        .insertInto('organization')
        .values({ name, kind, iati_identifier: iati, country_code: country })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const afd = await organization('Agence française de développement', 'PUBLIC_BODY', 'FR-6', 'FR');
  const university = await organization('Université de Bourgogne', 'UNIVERSITY', null, 'FR');
  const cooperatives = await organization(
    'Union des coopératives de Chefchaouen; artisans & tisserands',
    'ASSOCIATION',
    null,
    'MA',
  );

  const action = async (values: {
    convention_id: number;
    axis_id: number;
    title: string;
    description?: string;
    status: 'PLANNED' | 'IN_PROGRESS';
    start_date: string;
    end_date: string;
    dac_sector: string | null;
  }) => (await db.insertInto('action').values(values).returning('id').executeTakeFirstOrThrow()).id;

  // A2 axis 1, A4: an agreed, balanced budget in two currencies, a specific convention, a co-funder.
  const coaching = await action({
    convention_id: founding,
    axis_id: economy,
    title: 'Espace de formation et coaching des coopératives',
    description:
      'Accompagnement des porteurs de projets des coopératives de Chefchaouen : marketing et commercialisation.',
    status: 'IN_PROGRESS',
    start_date: '2017-03-01',
    end_date: '2018-06-30',
    dac_sector: '25030',
  });
  await db
    .insertInto('specific_convention')
    .values({ action_id: coaching, reference: 'CS-2017-01', signed_on: '2017-02-15' })
    .execute();
  await db
    .insertInto('expense_line')
    .values([
      {
        action_id: coaching,
        category: 'TRAINING',
        label: 'Coaching des coopératives; sessions « marketing »',
        amount: 1_200_000n,
        currency: 'EUR',
        executed_amount: 450_050n,
        executed_on: '2017-11-30',
        year: null,
      },
      {
        action_id: coaching,
        category: 'EQUIPMENT',
        label: 'Équipement de l’espace de formation',
        amount: 5_000_000n,
        currency: 'MAD',
        executed_amount: 4_800_000n,
        executed_on: '2017-06-20',
        year: 2017,
      },
    ])
    .execute();
  await db
    .insertInto('contribution')
    .values([
      {
        action_id: coaching,
        kind: 'PARTY_CASH',
        collectivity_id: dijon,
        amount: 600_000n,
        currency: 'EUR',
        description: 'Subvention de la Ville de Dijon',
        year: 2017,
        executed_amount: 600_000n,
        executed_on: '2017-05-02',
      },
      {
        action_id: coaching,
        kind: 'PARTY_IN_KIND',
        collectivity_id: chefchaouen,
        amount: 2_000_000n,
        currency: 'MAD',
        description: 'Mise à disposition de locaux',
        year: 2017,
      },
      {
        action_id: coaching,
        kind: 'PARTY_CASH',
        collectivity_id: chefchaouen,
        amount: 3_000_000n,
        currency: 'MAD',
        description: '',
        year: 2017,
      },
      {
        action_id: coaching,
        kind: 'FUNDER',
        organization_id: afd,
        amount: 250_000n,
        currency: 'EUR',
        description: 'Appel à projets',
        funding_status: 'RECEIVED',
        year: 2017,
        executed_amount: 250_000n,
        executed_on: '2017-06-15',
      },
    ])
    .execute();
  await db
    .insertInto('staff_assignment')
    .values({
      action_id: coaching,
      collectivity_id: dijon,
      role: 'Chargée de mission coopération',
      days: '10.5',
      daily_cost: 33_333n,
      currency: 'EUR',
      year: 2017,
      executed_days: '8',
      executed_on: '2017-12-15',
    })
    .execute();
  await db
    .insertInto('action_organization')
    .values([
      { action_id: coaching, organization_id: university, role: 'TECHNICAL' },
      { action_id: coaching, organization_id: cooperatives, role: 'IMPLEMENTING' },
      { action_id: coaching, organization_id: afd, role: 'FUNDING' },
    ])
    .execute();
  await db
    .insertInto('participatory_activity')
    .values({
      action_id: coaching,
      kind: 'CONSULTATION',
      date: '2017-05-12',
      audience: 'Membres des coopératives',
      participants: 42,
    })
    .execute();
  for (const collectivity of [dijon, chefchaouen]) {
    await db
      .insertInto('approval')
      .values({
        subject_type: 'BUDGET',
        subject_id: coaching,
        version: 1,
        collectivity_id: collectivity,
      })
      .execute();
  }

  // A2 axis 4: planned, its budget approved by Dijon only (not agreed), no DAC code.
  const youth = await action({
    convention_id: founding,
    axis_id: youthAxis,
    title: 'Échanges de jeunes 2019',
    status: 'PLANNED',
    start_date: '2019-07-01',
    end_date: '2019-07-15',
    dac_sector: null,
  });
  await db
    .insertInto('expense_line')
    .values({
      action_id: youth,
      category: 'TRAVEL',
      label: 'Billets d’avion',
      amount: 500_000n,
      currency: 'EUR',
      executed_amount: null,
      executed_on: null,
      year: null,
    })
    .execute();
  await db
    .insertInto('contribution')
    .values([
      {
        action_id: youth,
        kind: 'PARTY_CASH',
        collectivity_id: dijon,
        amount: 300_000n,
        currency: 'EUR',
        year: 2019,
      },
      {
        action_id: youth,
        kind: 'FUNDER',
        organization_id: afd,
        amount: 200_000n,
        currency: 'EUR',
        funding_status: 'REQUESTED',
        year: 2019,
      },
    ])
    .execute();
  await db
    .insertInto('approval')
    .values({ subject_type: 'BUDGET', subject_id: youth, version: 1, collectivity_id: dijon })
    .execute();

  // A6: indicators, agreed or not.
  const indicator = async (values: {
    code: string;
    name: string;
    unit: string;
    axis_id: number | null;
    computed_kind?: string | null;
    version?: number;
  }) =>
    (
      await db
        .insertInto('indicator')
        .values({ convention_id: founding, ...values })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const cooperativesIndicator = await indicator({
    code: 'EXP-COOP',
    name: 'Coopératives accompagnées',
    unit: 'coopératives',
    axis_id: economy,
  });
  const missionsIndicator = await indicator({
    code: 'EXP-MISSIONS',
    name: 'Missions réalisées',
    unit: 'missions',
    axis_id: null,
    computed_kind: 'MISSIONS_HELD',
  });
  const pending = await indicator({
    code: 'EXP-PENDING',
    name: 'Indicateur en discussion',
    unit: 'ateliers',
    axis_id: economy,
  });
  const stale = await indicator({
    code: 'EXP-STALE',
    name: 'Indicateur modifié depuis son approbation',
    unit: 'visites',
    axis_id: economy,
    version: 2,
  });
  await db
    .insertInto('indicator_target')
    .values([
      { indicator_id: cooperativesIndicator, year: 2017, value: '10' },
      { indicator_id: cooperativesIndicator, year: 2018, value: '20' },
      { indicator_id: missionsIndicator, year: 2017, value: '2' },
      { indicator_id: pending, year: 2017, value: '5' },
    ])
    .execute();
  await db
    .insertInto('measurement')
    .values([
      { indicator_id: cooperativesIndicator, year: 2017, value: '8', collectivity_id: chefchaouen },
      { indicator_id: pending, year: 2017, value: '3', collectivity_id: dijon },
    ])
    .execute();
  const approvals: [number, number, number[]][] = [
    [cooperativesIndicator, 1, [dijon, chefchaouen]],
    [missionsIndicator, 1, [dijon, chefchaouen]],
    [pending, 1, [dijon]],
    [stale, 1, [dijon, chefchaouen]],
  ];
  for (const [subject, version, parties] of approvals) {
    for (const collectivity of parties) {
      await db
        .insertInto('approval')
        .values({
          subject_type: 'INDICATOR',
          subject_id: subject,
          version,
          collectivity_id: collectivity,
        })
        .execute();
    }
  }

  // A5: a trip of Dijon's delegation to Chefchaouen.
  const mission = await db
    .insertInto('mission')
    .values({
      convention_id: founding,
      action_id: coaching,
      origin_collectivity_id: dijon,
      host_collectivity_id: chefchaouen,
      departure_date: '2017-04-10',
      return_date: '2017-04-14',
      purpose: 'Atelier de lancement avec les coopératives',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('delegate')
    .values([
      {
        mission_id: mission.id,
        name: 'Adjointe aux relations internationales',
        category: 'ELECTED',
      },
      { mission_id: mission.id, name: 'Chargée de mission', category: 'TECHNICIAN' },
    ])
    .execute();

  // Dijon–Mainz: an action Chefchaouen never sees, whose funds Dijon declares for Germany.
  const [mainzAxis] = (
    await db
      .selectFrom('axis')
      .select('id')
      .where('convention_id', '=', mainzConvention)
      .orderBy('position')
      .execute()
  ).map((row) => row.id);
  const mainzAction = await action({
    convention_id: mainzConvention,
    axis_id: mainzAxis ?? 0,
    title: 'Échange de classes Dijon – Mainz',
    status: 'IN_PROGRESS',
    start_date: '2023-09-01',
    end_date: '2024-06-30',
    dac_sector: null,
  });
  await db
    .insertInto('contribution')
    .values({
      action_id: mainzAction,
      kind: 'PARTY_CASH',
      collectivity_id: dijon,
      amount: 150_000n,
      currency: 'EUR',
      executed_amount: 150_000n,
      executed_on: '2023-11-15',
    })
    .execute();

  return {
    dijon,
    chefchaouen,
    mainz,
    founding,
    mainzConvention,
    axes,
    coaching,
    youth,
    mainzAction,
    indicators: {
      cooperatives: cooperativesIndicator,
      missions: missionsIndicator,
      pending,
      stale,
    },
  };
}

/** GETs a download as a browser (cookie) or a partner's tool (token) would. */
export async function download(
  app: App,
  path: string,
  options: { cookie?: string; token?: string; method?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return app.fetch(`http://coop.test${path}`, { method: options.method ?? 'GET', headers });
}

/** A read-only API token of the signed-in administrator's collectivity. */
export async function readOnlyToken(app: App, cookie: string): Promise<string> {
  const response = await gql(
    app,
    /* GraphQL */ `
      mutation {
        createApiToken(input: { name: "Outil de reporting", access: READ }) {
          ... on CreateApiTokenSuccess {
            created {
              token
            }
          }
        }
      }
    `,
    {},
    { cookie },
  );
  const token = response.data?.createApiToken?.created?.token as string | undefined;
  if (!token) throw new TypeError(JSON.stringify(response));
  return token;
}
