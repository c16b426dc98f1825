import type { DelegateCategory, MissionCostCategory } from '@coop/domain';
import type { Executor } from '../db/database.js';
import type { DemoIds } from './demo-ids.js';

type Side = 'origin' | 'host';

interface DemoMission {
  readonly convention: 'founding' | 'mainz';
  readonly from: 'dijon' | 'chefchaouen';
  readonly to: 'dijon' | 'chefchaouen' | 'mainz';
  readonly departure: string;
  readonly return: string;
  readonly purpose: string;
  /** The title of the demo action the trip serves (demo/actions.ts), if any. */
  readonly action?: string;
  readonly delegates: readonly (readonly [
    name: string,
    category: DelegateCategory,
    position: string,
  ])[];
  readonly costs: readonly {
    readonly category: MissionCostCategory;
    readonly label: string;
    /** Minor units. */
    readonly amount: bigint;
    readonly currency: 'EUR' | 'MAD';
    /** An exception to the shared-cost rule (A4.5): who pays instead, and why. */
    readonly exception?: { readonly payer: Side; readonly reason: string };
  }[];
}

/**
 * Illustrative trips under the founding convention (A5), their costs split by the rule of A4.5:
 * the travelling party buys the tickets (in its own currency), the host pays the stay (in its
 * own). One line is an exception, with its written reason. And one trip under Dijon–Mainz.
 */
const MISSIONS: readonly DemoMission[] = [
  {
    convention: 'founding',
    from: 'chefchaouen',
    to: 'dijon',
    departure: '2016-10-17',
    return: '2016-10-21',
    purpose:
      'Visite d’élus de Chefchaouen à Dijon : rencontre des acteurs de l’économie sociale et solidaire et du projet de Cité internationale de la gastronomie.',
    delegates: [
      ['Nadia El Amrani', 'ELECTED', 'Vice-présidente du conseil communal'],
      ['Youssef Bennani', 'ELECTED', 'Conseiller communal délégué au tourisme'],
      ['Samira Tazi', 'TECHNICIAN', 'Cheffe du service de la coopération'],
    ],
    costs: [
      {
        category: 'INTERNATIONAL_TRANSPORT',
        label: 'Billets Tanger–Paris–Dijon, 3 personnes',
        amount: 1_650_000n,
        currency: 'MAD',
      },
      {
        category: 'ACCOMMODATION',
        label: 'Hôtel, 4 nuits, 3 chambres',
        amount: 135_000n,
        currency: 'EUR',
      },
      {
        category: 'MEALS',
        label: 'Repas officiels et déjeuners',
        amount: 54_000n,
        currency: 'EUR',
      },
    ],
  },
  {
    convention: 'founding',
    from: 'dijon',
    to: 'chefchaouen',
    departure: '2017-04-10',
    return: '2017-04-14',
    purpose:
      'Délégation d’élus et de techniciens de Dijon à Chefchaouen : lancement de l’accompagnement des coopératives et ateliers d’éco-urbanisme.',
    action: 'Espace de producteurs : les coopératives de Chefchaouen à la Foire de Dijon',
    delegates: [
      ['Claire Morel', 'ELECTED', 'Adjointe au maire déléguée aux relations internationales'],
      [
        'Antoine Girard',
        'ELECTED',
        'Conseiller municipal délégué à l’économie sociale et solidaire',
      ],
      ['Sophie Lambert', 'TECHNICIAN', 'Chargée de mission coopération décentralisée'],
      ['Julien Perrin', 'TECHNICIAN', 'Direction de l’urbanisme'],
    ],
    costs: [
      {
        category: 'INTERNATIONAL_TRANSPORT',
        label: 'Billets Dijon–Paris–Tanger aller-retour, 4 personnes',
        amount: 264_000n,
        currency: 'EUR',
      },
      {
        category: 'VISA_INSURANCE',
        label: 'Assurance voyage, 4 personnes',
        amount: 9_600n,
        currency: 'EUR',
      },
      {
        category: 'ACCOMMODATION',
        label: 'Maison d’hôtes, 4 nuits, 4 chambres',
        amount: 960_000n,
        currency: 'MAD',
      },
      { category: 'MEALS', label: 'Repas', amount: 420_000n, currency: 'MAD' },
      {
        category: 'LOCAL_TRANSPORT',
        label: 'Transferts Tanger–Chefchaouen',
        amount: 150_000n,
        currency: 'MAD',
      },
      {
        category: 'INTERPRETING',
        label: 'Interprète franco-arabe pour les ateliers techniques',
        amount: 45_000n,
        currency: 'EUR',
        exception: {
          payer: 'origin',
          reason:
            'Interprète recruté par la Ville de Dijon pour les ateliers techniques : la Ville de Chefchaouen n’en disposait pas à ces dates (accord des deux parties du 20 mars 2017).',
        },
      },
    ],
  },
  {
    convention: 'founding',
    from: 'chefchaouen',
    to: 'dijon',
    departure: '2018-07-09',
    return: '2018-07-20',
    purpose:
      'Échange de jeunes : une délégation de jeunes de Chefchaouen accueillie à Dijon (chantier patrimoine et rencontres sportives).',
    delegates: [
      ['Salma Idrissi', 'YOUTH', ''],
      ['Omar Chaoui', 'YOUTH', ''],
      ['Hiba Amrani', 'YOUTH', ''],
      ['Anas Berrada', 'YOUTH', ''],
      ['Kawtar Lahlou', 'YOUTH', ''],
      ['Mehdi Ouazzani', 'YOUTH', ''],
      ['Fatima Zahra Alami', 'TECHNICIAN', 'Animatrice, maison des jeunes'],
    ],
    costs: [
      {
        category: 'INTERNATIONAL_TRANSPORT',
        label: 'Billets Tanger–Lyon, 7 personnes',
        amount: 3_850_000n,
        currency: 'MAD',
      },
      {
        category: 'ACCOMMODATION',
        label: 'Centre de séjour, 11 nuits',
        amount: 336_000n,
        currency: 'EUR',
      },
      { category: 'MEALS', label: 'Pension complète', amount: 168_000n, currency: 'EUR' },
      {
        category: 'LOCAL_TRANSPORT',
        label: 'Navette Lyon–Dijon et transports urbains',
        amount: 24_000n,
        currency: 'EUR',
      },
    ],
  },
  {
    convention: 'founding',
    from: 'chefchaouen',
    to: 'dijon',
    departure: '2019-05-20',
    return: '2019-05-26',
    purpose:
      'Résidence d’artistes de Chefchaouen à Dijon : concerts de musique andalouse et master class.',
    delegates: [
      ['Abdelkader Rifi', 'ARTIST', 'Musicien, ensemble de musique andalouse'],
      ['Zineb Alaoui', 'ARTIST', 'Chanteuse'],
      ['Hamza Benjelloun', 'ARTIST', 'Oudiste'],
      ['Nadia El Amrani', 'ELECTED', 'Vice-présidente du conseil communal'],
    ],
    costs: [
      {
        category: 'INTERNATIONAL_TRANSPORT',
        label: 'Billets et excédent de bagages (instruments)',
        amount: 2_100_000n,
        currency: 'MAD',
      },
      { category: 'ACCOMMODATION', label: 'Hôtel, 6 nuits', amount: 126_000n, currency: 'EUR' },
      {
        category: 'OTHER_STAY',
        label: 'Salle et sonorisation des concerts',
        amount: 80_000n,
        currency: 'EUR',
      },
    ],
  },
  {
    convention: 'founding',
    from: 'dijon',
    to: 'chefchaouen',
    departure: '2019-11-04',
    return: '2019-11-08',
    purpose:
      'Mission technique : partage d’expérience sur la gestion des déchets et la biodiversité en médina.',
    delegates: [
      ['Julien Perrin', 'TECHNICIAN', 'Direction de l’urbanisme'],
      ['Émilie Roussel', 'TECHNICIAN', 'Service espaces verts et biodiversité'],
    ],
    costs: [
      {
        category: 'INTERNATIONAL_TRANSPORT',
        label: 'Billets Dijon–Paris–Tanger, 2 personnes',
        amount: 118_000n,
        currency: 'EUR',
      },
      {
        category: 'ACCOMMODATION',
        label: 'Hébergement, 4 nuits',
        amount: 440_000n,
        currency: 'MAD',
      },
    ],
  },
  {
    convention: 'mainz',
    from: 'dijon',
    to: 'mainz',
    departure: '2023-04-17',
    return: '2023-04-21',
    purpose: 'Échange de classes : des collégiens dijonnais accueillis à Mayence.',
    delegates: [
      ['Lucas Bernard', 'YOUTH', ''],
      ['Inès Moreau', 'YOUTH', ''],
      ['Théo Fontaine', 'YOUTH', ''],
      ['Camille Petit', 'TECHNICIAN', 'Professeure d’allemand, accompagnatrice'],
    ],
    costs: [
      {
        category: 'INTERNATIONAL_TRANSPORT',
        label: 'Train Dijon–Mainz, 4 personnes',
        amount: 73_600n,
        currency: 'EUR',
      },
      {
        category: 'ACCOMMODATION',
        label: 'Auberge de jeunesse, 4 nuits',
        amount: 64_000n,
        currency: 'EUR',
      },
    ],
  },
];

/** Missions between the demo cities, with delegates and cost lines. */
export async function seedMissions(db: Executor, demo: DemoIds): Promise<void> {
  for (const mission of MISSIONS) {
    const origin = demo[mission.from];
    const host = demo[mission.to];
    const convention = mission.convention === 'founding' ? demo.founding : demo.mainzConvention;
    const action = mission.action
      ? await db
          .selectFrom('action')
          .select('id')
          .where('convention_id', '=', convention.id)
          .where('title', '=', mission.action)
          .executeTakeFirst()
      : undefined;
    const row = await db
      .insertInto('mission')
      .values({
        convention_id: convention.id,
        action_id: action?.id ?? null,
        origin_collectivity_id: origin,
        host_collectivity_id: host,
        departure_date: mission.departure,
        return_date: mission.return,
        purpose: mission.purpose,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('delegate')
      .values(
        mission.delegates.map(([name, category, position]) => ({
          mission_id: row.id,
          name,
          category,
          position,
        })),
      )
      .execute();
    await db
      .insertInto('mission_cost')
      .values(
        mission.costs.map((cost) => ({
          mission_id: row.id,
          category: cost.category,
          label: cost.label,
          amount: cost.amount,
          currency: cost.currency,
          payer_collectivity_id: cost.exception
            ? cost.exception.payer === 'origin'
              ? origin
              : host
            : null,
          exception_reason: cost.exception?.reason ?? null,
        })),
      )
      .execute();
  }
}
