import {
  parseMoney,
  unwrap,
  type ActionStatus,
  type ExpenseCategory,
  type OrganizationRole,
  type ParticipatoryActivityKind,
} from '@coop/domain';
import type { Executor } from '../db/database.js';
import type { FundingStatus, OrganizationKind } from '../db/tables/action.js';
import type { DemoIds } from './demo-ids.js';

/**
 * Illustrative EUR → MAD rates the founding convention's parties recorded, one a year (A4.6), so
 * that budgets mixing euros and dirhams total in the reporting currency (EUR). 2016 and 2019 are
 * the rates of the domain's examples.
 */
const EUR_TO_MAD: readonly (readonly [validFrom: string, rate: string])[] = [
  ['2016-01-01', '10.8123'],
  ['2017-01-01', '10.9532'],
  ['2018-01-01', '10.9870'],
  ['2019-01-01', '10.95'],
  ['2020-01-01', '10.8235'],
  ['2021-01-01', '10.6349'],
  ['2022-01-01', '10.6815'],
  ['2023-01-01', '10.9562'],
  ['2024-01-01', '10.7503'],
  ['2025-01-01', '10.6420'],
  ['2026-01-01', '10.7015'],
];

type OrganizationKey =
  'daect' | 'dgct' | 'cci' | 'cooperatives' | 'conservatoire' | 'inba' | 'youth' | 'ofaj';

const ORGANIZATIONS: Readonly<
  Record<
    OrganizationKey,
    { name: string; country: string | null; kind: OrganizationKind; iati: string | null }
  >
> = {
  daect: {
    name: 'Ministère de l’Europe et des Affaires étrangères – DAECT',
    country: 'FR',
    kind: 'GOVERNMENT',
    iati: 'FR-6',
  },
  dgct: {
    name: 'Ministère de l’Intérieur – Direction générale des collectivités territoriales (DGCT)',
    country: 'MA',
    kind: 'GOVERNMENT',
    iati: null,
  },
  cci: {
    name: 'CCI Côte-d’Or – Saône-et-Loire',
    country: 'FR',
    kind: 'PUBLIC_BODY',
    iati: null,
  },
  cooperatives: {
    name: 'Union des coopératives féminines de la province de Chefchaouen',
    country: 'MA',
    kind: 'ASSOCIATION',
    iati: null,
  },
  conservatoire: {
    name: 'Conservatoire à rayonnement régional de Dijon',
    country: 'FR',
    kind: 'PUBLIC_BODY',
    iati: null,
  },
  inba: {
    name: 'Institut national des beaux-arts de Tétouan',
    country: 'MA',
    kind: 'UNIVERSITY',
    iati: null,
  },
  youth: {
    name: 'Association Jeunesse et Avenir de Chefchaouen',
    country: 'MA',
    kind: 'ASSOCIATION',
    iati: null,
  },
  ofaj: {
    name: 'Office franco-allemand pour la Jeunesse (OFAJ)',
    country: null,
    kind: 'MULTILATERAL',
    iati: null,
  },
};

type Party = 'dijon' | 'chefchaouen' | 'mainz';
type Amount = readonly [amount: string, currency: 'EUR' | 'MAD'];

interface DemoAction {
  readonly convention: 'founding' | 'mainz';
  /** The axis' position in its convention, from 0. */
  readonly axis: number;
  readonly title: string;
  readonly description: string;
  readonly status: ActionStatus;
  readonly startDate: string;
  readonly endDate: string;
  readonly dacSector: string | null;
  readonly specificConvention: { reference: string; signedOn: string | null };
  readonly lines: readonly {
    category: ExpenseCategory;
    label: string;
    amount: Amount;
    executed?: { amount: string; on: string };
  }[];
  readonly contributions: readonly (
    | {
        kind: 'PARTY_CASH' | 'PARTY_IN_KIND';
        party: Party;
        amount: Amount;
        description?: string;
        executed?: { amount: string; on: string };
      }
    | {
        kind: 'FUNDER';
        funder: OrganizationKey;
        status: FundingStatus;
        amount: Amount;
        executed?: { amount: string; on: string };
      }
  )[];
  readonly staff: readonly {
    party: Party;
    role: string;
    days: string;
    dailyCost: Amount;
    executed?: { days: string; on: string };
  }[];
  readonly organizations: readonly (readonly [OrganizationKey, OrganizationRole])[];
  readonly activities: readonly {
    kind: ParticipatoryActivityKind;
    date: string;
    audience: string;
    participants: number;
    description: string;
  }[];
  /** Who approved the budget's first version, and when (A4.1). */
  readonly approvals: readonly (readonly [Party, string])[];
}

/**
 * Every budget below balances in each currency on its own (A4.4: then it balances whatever the
 * rate), every party gives something (A4.2), each co-funder stays under the 50% cap (A4.3), and
 * each staff assignment has its matching STAFF expense line. An action IN_PROGRESS or COMPLETED
 * has its budget agreed by both parties and its specific convention signed (A4.1).
 */
const ACTIONS: readonly DemoAction[] = [
  {
    convention: 'founding',
    axis: 0,
    title: 'Espace de producteurs : les coopératives de Chefchaouen à la Foire de Dijon',
    description:
      'Présence des coopératives agricoles et artisanales de la province de Chefchaouen à la Foire internationale et gastronomique de Dijon, et formation des coopératives féminines au marketing et à la commercialisation.',
    status: 'COMPLETED',
    startDate: '2017-04-01',
    endDate: '2018-10-31',
    dacSector: '32130',
    specificConvention: { reference: 'CS-DIJ-CHF-2017-01', signedOn: '2017-03-15' },
    lines: [
      {
        category: 'EVENTS',
        label: 'Stand des coopératives à la Foire internationale et gastronomique',
        amount: ['6000.00', 'EUR'],
        executed: { amount: '5820.00', on: '2017-11-10' },
      },
      {
        category: 'TRAVEL',
        label: 'Transport des produits et des artisans (Tanger – Dijon)',
        amount: ['2400.00', 'EUR'],
        executed: { amount: '2515.40', on: '2017-11-05' },
      },
      {
        category: 'COMMUNICATION',
        label: 'Supports de communication bilingues',
        amount: ['1600.00', 'EUR'],
        executed: { amount: '1600.00', on: '2017-10-20' },
      },
      {
        category: 'STAFF',
        label: 'Temps des agents de Dijon (valorisation)',
        amount: ['3500.00', 'EUR'],
        executed: { amount: '3500.00', on: '2018-10-31' },
      },
      {
        category: 'TRAINING',
        label: 'Formation marketing et commercialisation des coopératives féminines',
        amount: ['45000.00', 'MAD'],
        executed: { amount: '43200.00', on: '2018-05-15' },
      },
      {
        category: 'STAFF',
        label: 'Temps des agents de Chefchaouen (valorisation)',
        amount: ['18000.00', 'MAD'],
        executed: { amount: '18000.00', on: '2018-10-31' },
      },
    ],
    contributions: [
      {
        kind: 'PARTY_CASH',
        party: 'dijon',
        amount: ['5000.00', 'EUR'],
        executed: { amount: '5000.00', on: '2017-06-30' },
      },
      {
        kind: 'FUNDER',
        funder: 'daect',
        status: 'RECEIVED',
        amount: ['5000.00', 'EUR'],
        executed: { amount: '5000.00', on: '2017-09-15' },
      },
      {
        kind: 'PARTY_CASH',
        party: 'chefchaouen',
        amount: ['30000.00', 'MAD'],
        executed: { amount: '28500.00', on: '2018-05-15' },
      },
      {
        kind: 'PARTY_IN_KIND',
        party: 'chefchaouen',
        amount: ['15000.00', 'MAD'],
        description:
          'Mise à disposition de la salle de formation de la Maison des coopératives et de son équipement',
        executed: { amount: '15000.00', on: '2018-05-15' },
      },
    ],
    staff: [
      {
        party: 'dijon',
        role: 'Chargée de mission coopération internationale',
        days: '10',
        dailyCost: ['350.00', 'EUR'],
        executed: { days: '10', on: '2018-10-31' },
      },
      {
        party: 'chefchaouen',
        role: 'Technicien de la division du développement économique',
        days: '15',
        dailyCost: ['1200.00', 'MAD'],
        executed: { days: '15', on: '2018-10-31' },
      },
    ],
    organizations: [
      ['cooperatives', 'IMPLEMENTING'],
      ['cci', 'TECHNICAL'],
      ['daect', 'FUNDING'],
    ],
    activities: [
      {
        kind: 'INFORMATION',
        date: '2017-03-20',
        audience: 'Producteurs et artisans de la province de Chefchaouen',
        participants: 60,
        description: 'Réunion d’information à la Maison des coopératives.',
      },
      {
        kind: 'CONSULTATION',
        date: '2017-05-12',
        audience: 'Coopératives féminines',
        participants: 85,
        description: 'Atelier de recueil des besoins de formation.',
      },
    ],
    approvals: [
      ['dijon', '2017-03-02T10:00:00Z'],
      ['chefchaouen', '2017-03-08T09:30:00Z'],
    ],
  },
  {
    convention: 'founding',
    axis: 1,
    title: 'Résidences croisées d’artistes Dijon – Chefchaouen',
    description:
      'Deux résidences de création croisées (arts plastiques, musique arabo-andalouse), reportées par la crise sanitaire et prolongées au-delà de la période des axes ; restitution publique dans la médina et à Dijon.',
    status: 'IN_PROGRESS',
    startDate: '2020-09-01',
    endDate: '2021-06-30',
    dacSector: '16061',
    specificConvention: { reference: 'CS-DIJ-CHF-2020-02', signedOn: '2020-07-10' },
    lines: [
      {
        category: 'ACCOMMODATION',
        label: 'Hébergement des artistes de Chefchaouen à Dijon',
        amount: ['4200.00', 'EUR'],
      },
      {
        category: 'TRAVEL',
        label: 'Billets d’avion des artistes dijonnais',
        amount: ['3000.00', 'EUR'],
        executed: { amount: '1480.00', on: '2020-10-02' },
      },
      {
        category: 'STAFF',
        label: 'Temps des agents de Dijon (valorisation)',
        amount: ['1920.00', 'EUR'],
      },
      {
        category: 'EVENTS',
        label: 'Exposition de restitution dans la médina',
        amount: ['38000.00', 'MAD'],
      },
      {
        category: 'ACCOMMODATION',
        label: 'Accueil des artistes dijonnais à Chefchaouen',
        amount: ['22000.00', 'MAD'],
        executed: { amount: '21500.00', on: '2020-10-20' },
      },
      {
        category: 'STAFF',
        label: 'Temps des agents de Chefchaouen (valorisation)',
        amount: ['7200.00', 'MAD'],
      },
    ],
    contributions: [
      { kind: 'PARTY_CASH', party: 'dijon', amount: ['4200.00', 'EUR'] },
      { kind: 'FUNDER', funder: 'daect', status: 'GRANTED', amount: ['3000.00', 'EUR'] },
      {
        kind: 'PARTY_CASH',
        party: 'chefchaouen',
        amount: ['45000.00', 'MAD'],
        executed: { amount: '21500.00', on: '2020-10-20' },
      },
      {
        kind: 'PARTY_IN_KIND',
        party: 'chefchaouen',
        amount: ['15000.00', 'MAD'],
        description: 'Mise à disposition de la galerie de la Kasbah et des ateliers',
      },
    ],
    staff: [
      {
        party: 'dijon',
        role: 'Chargé de mission culture',
        days: '6',
        dailyCost: ['320.00', 'EUR'],
      },
      {
        party: 'chefchaouen',
        role: 'Animatrice culturelle de la commune',
        days: '8',
        dailyCost: ['900.00', 'MAD'],
      },
    ],
    organizations: [
      ['conservatoire', 'TECHNICAL'],
      ['inba', 'ACADEMIC'],
      ['daect', 'FUNDING'],
    ],
    activities: [
      {
        kind: 'COLLABORATION',
        date: '2020-10-15',
        audience: 'Habitants et artisans de la médina',
        participants: 120,
        description: 'Atelier participatif de fresques dans la médina.',
      },
    ],
    approvals: [
      ['dijon', '2020-06-22T14:00:00Z'],
      ['chefchaouen', '2020-06-29T11:00:00Z'],
    ],
  },
  {
    convention: 'founding',
    axis: 3,
    title: 'Échange de jeunes « Regards croisés » Dijon – Chefchaouen',
    description:
      'Douze jeunes Dijonnais et douze jeunes Chefchaounis réalisent ensemble un reportage photographique sur les deux villes.',
    status: 'PLANNED',
    startDate: '2020-10-19',
    endDate: '2020-10-30',
    dacSector: null,
    specificConvention: { reference: 'CS-DIJ-CHF-2020-03', signedOn: null },
    lines: [
      {
        category: 'TRAVEL',
        label: 'Voyage du groupe dijonnais (12 jeunes, 2 animateurs)',
        amount: ['8400.00', 'EUR'],
      },
      {
        category: 'STAFF',
        label: 'Temps des animateurs jeunesse de Dijon (valorisation)',
        amount: ['2400.00', 'EUR'],
      },
      {
        category: 'ACCOMMODATION',
        label: 'Hébergement et repas à Chefchaouen',
        amount: ['52000.00', 'MAD'],
      },
      { category: 'EVENTS', label: 'Ateliers photo et restitution', amount: ['9000.00', 'MAD'] },
    ],
    contributions: [
      { kind: 'PARTY_CASH', party: 'dijon', amount: ['8400.00', 'EUR'] },
      { kind: 'FUNDER', funder: 'dgct', status: 'REQUESTED', amount: ['20000.00', 'MAD'] },
      { kind: 'PARTY_CASH', party: 'chefchaouen', amount: ['26000.00', 'MAD'] },
      {
        kind: 'PARTY_IN_KIND',
        party: 'chefchaouen',
        amount: ['15000.00', 'MAD'],
        description: 'Hébergement au centre d’accueil de la jeunesse de Chefchaouen',
      },
    ],
    staff: [
      {
        party: 'dijon',
        role: 'Animateurs jeunesse (2)',
        days: '12',
        dailyCost: ['200.00', 'EUR'],
      },
    ],
    organizations: [
      ['youth', 'CIVIL_SOCIETY'],
      ['dgct', 'FUNDING'],
    ],
    activities: [
      {
        kind: 'CONSULTATION',
        date: '2020-02-12',
        audience: 'Lycéens et animateurs jeunesse',
        participants: 40,
        description: 'Choix du thème de l’échange avec les jeunes des deux villes.',
      },
    ],
    // Dijon approved; Chefchaouen has not yet (A4.1): the budget is PENDING.
    approvals: [['dijon', '2020-03-02T16:00:00Z']],
  },
  {
    convention: 'mainz',
    axis: 0,
    title: 'Échange d’apprentis boulangers Dijon – Mainz',
    description:
      'Deux semaines de formation croisée pour dix apprentis boulangers des deux villes jumelles.',
    status: 'COMPLETED',
    startDate: '2024-04-08',
    endDate: '2024-04-19',
    dacSector: '11330',
    specificConvention: { reference: 'SK-DIJ-MZ-2024-01', signedOn: '2024-02-15' },
    lines: [
      {
        category: 'TRAVEL',
        label: 'Train Dijon – Mainz des apprentis',
        amount: ['2800.00', 'EUR'],
        executed: { amount: '2800.00', on: '2024-04-08' },
      },
      {
        category: 'ACCOMMODATION',
        label: 'Auberge de jeunesse de Mainz',
        amount: ['4100.00', 'EUR'],
        executed: { amount: '4100.00', on: '2024-04-19' },
      },
      {
        category: 'TRAINING',
        label: 'Ateliers en boulangerie',
        amount: ['1600.00', 'EUR'],
        executed: { amount: '1600.00', on: '2024-04-19' },
      },
    ],
    contributions: [
      {
        kind: 'PARTY_CASH',
        party: 'dijon',
        amount: ['2800.00', 'EUR'],
        executed: { amount: '2800.00', on: '2024-04-08' },
      },
      {
        kind: 'PARTY_CASH',
        party: 'mainz',
        amount: ['2700.00', 'EUR'],
        executed: { amount: '2700.00', on: '2024-04-19' },
      },
      {
        kind: 'FUNDER',
        funder: 'ofaj',
        status: 'RECEIVED',
        amount: ['3000.00', 'EUR'],
        executed: { amount: '3000.00', on: '2024-05-30' },
      },
    ],
    staff: [],
    organizations: [['ofaj', 'FUNDING']],
    activities: [],
    approvals: [
      ['dijon', '2024-01-22T10:00:00Z'],
      ['mainz', '2024-01-29T10:00:00Z'],
    ],
  },
];

function minor(amount: string, currency: string): bigint {
  return unwrap(parseMoney(amount, currency)).amount;
}

/** Actions of the demo conventions with their budgets, specific conventions, organisations and activities. */
export async function seedActions(db: Executor, demo: DemoIds): Promise<void> {
  await db
    .insertInto('exchange_rate')
    .values(
      EUR_TO_MAD.map(([validFrom, rate]) => ({
        convention_id: demo.founding.id,
        from_currency: 'EUR',
        to_currency: 'MAD',
        rate,
        valid_from: validFrom,
        source: 'Taux convenu par les parties (cours moyen de Bank Al-Maghrib, illustratif)',
      })),
    )
    .execute();

  const organizationIds = new Map<OrganizationKey, number>();
  for (const [key, organization] of Object.entries(ORGANIZATIONS) as [
    OrganizationKey,
    (typeof ORGANIZATIONS)[OrganizationKey],
  ][]) {
    const row = await db
      .insertInto('organization')
      .values({
        name: organization.name,
        country_code: organization.country,
        kind: organization.kind,
        iati_identifier: organization.iati,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    organizationIds.set(key, row.id);
  }
  const organizationId = (key: OrganizationKey): number => organizationIds.get(key) ?? 0;
  const partyId = (party: Party): number => demo[party];

  for (const action of ACTIONS) {
    const convention = action.convention === 'founding' ? demo.founding : demo.mainzConvention;
    const { id } = await db
      .insertInto('action')
      .values({
        convention_id: convention.id,
        axis_id: convention.axes[action.axis] ?? 0,
        title: action.title,
        description: action.description,
        status: action.status,
        start_date: action.startDate,
        end_date: action.endDate,
        dac_sector: action.dacSector,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('specific_convention')
      .values({
        action_id: id,
        reference: action.specificConvention.reference,
        signed_on: action.specificConvention.signedOn,
      })
      .execute();
    await db
      .insertInto('expense_line')
      .values(
        action.lines.map((line) => ({
          action_id: id,
          category: line.category,
          label: line.label,
          amount: minor(...line.amount),
          currency: line.amount[1],
          executed_amount: line.executed ? minor(line.executed.amount, line.amount[1]) : null,
          executed_on: line.executed?.on ?? null,
          year: Number(action.startDate.slice(0, 4)),
        })),
      )
      .execute();
    await db
      .insertInto('contribution')
      .values(
        action.contributions.map((contribution) => ({
          action_id: id,
          kind: contribution.kind,
          collectivity_id: contribution.kind === 'FUNDER' ? null : partyId(contribution.party),
          organization_id:
            contribution.kind === 'FUNDER' ? organizationId(contribution.funder) : null,
          amount: minor(...contribution.amount),
          currency: contribution.amount[1],
          description:
            contribution.kind === 'PARTY_IN_KIND' ? (contribution.description ?? '') : '',
          funding_status: contribution.kind === 'FUNDER' ? contribution.status : null,
          executed_amount: contribution.executed
            ? minor(contribution.executed.amount, contribution.amount[1])
            : null,
          executed_on: contribution.executed?.on ?? null,
        })),
      )
      .execute();
    if (action.staff.length > 0) {
      await db
        .insertInto('staff_assignment')
        .values(
          action.staff.map((staff) => ({
            action_id: id,
            collectivity_id: partyId(staff.party),
            role: staff.role,
            days: staff.days,
            daily_cost: minor(...staff.dailyCost),
            currency: staff.dailyCost[1],
            executed_days: staff.executed?.days ?? null,
            executed_on: staff.executed?.on ?? null,
          })),
        )
        .execute();
    }
    await db
      .insertInto('action_organization')
      .values(
        action.organizations.map(([key, role]) => ({
          action_id: id,
          organization_id: organizationId(key),
          role,
        })),
      )
      .execute();
    if (action.activities.length > 0) {
      await db
        .insertInto('participatory_activity')
        .values(action.activities.map((activity) => ({ action_id: id, ...activity })))
        .execute();
    }
    await db
      .insertInto('approval')
      .values(
        action.approvals.map(([party, at]) => ({
          subject_type: 'BUDGET' as const,
          subject_id: id,
          version: 1,
          collectivity_id: partyId(party),
          account_id: null,
          approved_at: new Date(at),
        })),
      )
      .execute();
  }
}
