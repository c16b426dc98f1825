import type { ComputedIndicatorKind } from '@coop/domain';
import type { Executor } from '../db/database.js';
import type { IndicatorAggregation } from '../db/tables/evaluation.js';
import type { DemoIds } from './demo-ids.js';

type Party = 'dijon' | 'chefchaouen';

interface DemoIndicator {
  readonly code: string;
  readonly name: string;
  readonly unit: string;
  readonly aggregation: IndicatorAggregation;
  readonly computed: ComputedIndicatorKind | null;
  /** Index of the founding convention's axis (A2), 0-based. */
  readonly axis: number | null;
  readonly targets: Readonly<Record<number, string>>;
  readonly measurements: readonly (readonly [
    year: number,
    party: Party,
    value: string,
    note: string,
  ])[];
  /** The parties that approved version 1 of the definition (A6, "définis en commun"). */
  readonly approvedBy: readonly Party[];
  readonly approvedOn: string;
}

/** Illustrative indicators of the founding convention, defined jointly in late 2016. */
const INDICATORS: readonly DemoIndicator[] = [
  {
    code: 'JEUNES',
    name: 'Jeunes ayant participé à un échange',
    unit: 'jeunes',
    aggregation: 'SUM',
    computed: null,
    axis: 3,
    targets: { 2017: '4', 2018: '8', 2019: '8', 2020: '10' },
    measurements: [
      [2017, 'dijon', '0', 'Échange reporté à 2018'],
      [2018, 'chefchaouen', '6', 'Délégation de jeunes reçue à Dijon en juillet'],
      [2019, 'dijon', '5', 'Classe du lycée Carnot reçue à Chefchaouen'],
      [2019, 'chefchaouen', '2', 'Volontaires en service civique à Dijon'],
    ],
    approvedBy: ['dijon', 'chefchaouen'],
    approvedOn: '2016-11-15',
  },
  {
    code: 'MISSIONS',
    name: 'Missions d’élus et de techniciens réalisées',
    unit: 'missions',
    aggregation: 'SUM',
    computed: 'MISSIONS_HELD',
    axis: null,
    targets: { 2016: '1', 2017: '2', 2018: '2', 2019: '2', 2020: '2' },
    measurements: [],
    approvedBy: ['dijon', 'chefchaouen'],
    approvedOn: '2016-11-15',
  },
  {
    code: 'COFINANCEMENTS',
    name: 'Cofinancements extérieurs obtenus',
    unit: 'EUR',
    aggregation: 'SUM',
    computed: 'COFINANCING_OBTAINED',
    axis: null,
    targets: { 2017: '5000', 2018: '3000', 2019: '5000', 2020: '5000' },
    measurements: [],
    approvedBy: ['dijon', 'chefchaouen'],
    approvedOn: '2016-11-15',
  },
  {
    code: 'ARTISTES',
    name: 'Artistes accueillis dans l’autre ville',
    unit: 'artistes',
    aggregation: 'SUM',
    computed: null,
    axis: 1,
    targets: { 2017: '2', 2018: '4', 2019: '4', 2020: '4' },
    measurements: [
      [2017, 'dijon', '2', 'Exposition de photographes dijonnais à Chefchaouen'],
      [2018, 'dijon', '1', ''],
      [2018, 'chefchaouen', '2', 'Festival Alegria'],
      [2019, 'dijon', '3', 'Résidence de musique andalouse'],
    ],
    approvedBy: ['dijon', 'chefchaouen'],
    approvedOn: '2016-11-22',
  },
  {
    code: 'COOPERATIVES',
    name: 'Coopératives accompagnées (marketing, commercialisation)',
    unit: 'coopératives',
    aggregation: 'LAST',
    computed: null,
    axis: 0,
    targets: { 2018: '6', 2019: '10', 2020: '12' },
    measurements: [[2018, 'chefchaouen', '4', '']],
    // Put to the parties, approved so far by Dijon only: it is not counted yet (A6).
    approvedBy: ['dijon'],
    approvedOn: '2018-01-15',
  },
];

interface DemoEvaluation {
  readonly year: number | null;
  readonly termNumber: number | null;
  readonly summary: string;
  /** Narratives by axis index (A2). */
  readonly narratives: Readonly<Record<number, string>>;
  readonly submittedOn: string;
  readonly approvedOn: string;
  readonly communication: { readonly on: string; readonly to: string };
}

/**
 * Annual evaluations 2017–2019 and the programme evaluations of the two terms the demo already
 * renewed (A7 needs an approved programme evaluation of each before its renewal, see
 * founding-convention.ts): all approved by both parties and communicated to a council.
 */
const EVALUATIONS: readonly DemoEvaluation[] = [
  {
    year: 2017,
    termNumber: null,
    summary:
      'Première année pleine du partenariat : lancement de l’accompagnement des coopératives et premières missions croisées.',
    narratives: {
      0: 'Douze coopératives de Chefchaouen ont participé aux ateliers de marketing et de commercialisation.',
      2: 'Ateliers d’éco-urbanisme conduits lors de la mission d’avril.',
    },
    submittedOn: '2018-02-12',
    approvedOn: '2018-03-05',
    communication: { on: '2018-03-26', to: 'Conseil municipal de Dijon' },
  },
  {
    year: 2018,
    termNumber: null,
    summary: 'Année de la jeunesse : premier échange de jeunes, reçu à Dijon en juillet.',
    narratives: {
      3: 'Six jeunes de Chefchaouen accueillis à Dijon ; l’échange retour est prévu en 2019.',
    },
    submittedOn: '2019-02-11',
    approvedOn: '2019-03-04',
    communication: { on: '2019-03-25', to: 'Conseil communal de Chefchaouen' },
  },
  {
    year: 2019,
    termNumber: null,
    summary:
      'Échanges culturels et techniques : résidence d’artistes et mission sur la biodiversité.',
    narratives: {
      1: 'Résidence de musique andalouse à Dijon en mai, trois artistes accueillis.',
      2: 'Mission technique sur la gestion des déchets en médina.',
    },
    submittedOn: '2020-02-10',
    approvedOn: '2020-03-02',
    communication: { on: '2020-06-29', to: 'Conseil municipal de Dijon' },
  },
  {
    year: null,
    termNumber: 1,
    summary:
      'Bilan de la première période (2016–2021) : un partenariat thématique installé sur les cinq axes, que les deux villes souhaitent renouveler.',
    narratives: {
      0: 'Accompagnement des coopératives engagé, à poursuivre.',
      3: 'Échanges de jeunes devenus réguliers.',
    },
    submittedOn: '2021-01-11',
    approvedOn: '2021-01-25',
    communication: { on: '2021-03-29', to: 'Conseil municipal de Dijon' },
  },
  {
    year: null,
    termNumber: 2,
    summary: 'Bilan de la deuxième période (2021–2026), préalable au second renouvellement.',
    narratives: {},
    submittedOn: '2026-01-12',
    approvedOn: '2026-01-26',
    communication: { on: '2026-03-30', to: 'Conseil municipal de Dijon' },
  },
];

/** Indicators with targets and measurements, and the evaluations of the founding convention. */
export async function seedIndicatorsAndEvaluations(db: Executor, demo: DemoIds): Promise<void> {
  const conventionId = demo.founding.id;
  for (const indicator of INDICATORS) {
    const row = await db
      .insertInto('indicator')
      .values({
        convention_id: conventionId,
        code: indicator.code,
        name: indicator.name,
        unit: indicator.unit,
        aggregation: indicator.aggregation,
        computed_kind: indicator.computed,
        axis_id: indicator.axis === null ? null : (demo.founding.axes[indicator.axis] ?? null),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('indicator_target')
      .values(
        Object.entries(indicator.targets).map(([year, value]) => ({
          indicator_id: row.id,
          year: Number(year),
          value,
        })),
      )
      .execute();
    for (const [year, party, value, note] of indicator.measurements) {
      await db
        .insertInto('measurement')
        .values({
          indicator_id: row.id,
          year,
          value,
          collectivity_id: demo[party],
          note,
          recorded_at: new Date(`${year + 1}-01-20T10:00:00Z`),
        })
        .execute();
    }
    await db
      .insertInto('approval')
      .values(
        indicator.approvedBy.map((party) => ({
          subject_type: 'INDICATOR' as const,
          subject_id: row.id,
          version: 1,
          collectivity_id: demo[party],
          account_id: null,
          approved_at: new Date(`${indicator.approvedOn}T10:00:00Z`),
        })),
      )
      .execute();
  }

  for (const evaluation of EVALUATIONS) {
    // Version 1 was the draft; submitting made version 2, which both parties approved.
    const row = await db
      .insertInto('evaluation')
      .values({
        convention_id: conventionId,
        scope: evaluation.year === null ? 'PROGRAMME' : 'ANNUAL',
        year: evaluation.year,
        term_number: evaluation.termNumber,
        status: 'APPROVED',
        summary: evaluation.summary,
        submitted_at: new Date(`${evaluation.submittedOn}T10:00:00Z`),
        approved_at: new Date(`${evaluation.approvedOn}T10:00:00Z`),
        communicated_on: evaluation.communication.on,
        communicated_to: evaluation.communication.to,
        version: 2,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const narratives = Object.entries(evaluation.narratives).flatMap(([axis, narrative]) => {
      const axisId = demo.founding.axes[Number(axis)];
      return axisId === undefined ? [] : [{ evaluation_id: row.id, axis_id: axisId, narrative }];
    });
    if (narratives.length > 0) {
      await db.insertInto('evaluation_axis_narrative').values(narratives).execute();
    }
    await db
      .insertInto('approval')
      .values(
        (['dijon', 'chefchaouen'] as const).map((party, index) => ({
          subject_type: 'EVALUATION' as const,
          subject_id: row.id,
          version: 2,
          collectivity_id: demo[party],
          account_id: null,
          approved_at: new Date(
            `${index === 0 ? evaluation.submittedOn : evaluation.approvedOn}T15:00:00Z`,
          ),
        })),
      )
      .execute();
  }
}
