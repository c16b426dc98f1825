/**
 * The founding convention between Dijon and Chefchaouen, as written
 * (shared/reference/convention-dijon-chefchaouen.fr.txt). Its text leaves the place and the date of
 * signature blank: the demo records 2016-06-01 as an illustrative date, and every later fact
 * (renewals and the deliberations behind them) is illustrative too.
 */
export const FOUNDING_CONVENTION = {
  title: 'Convention de partenariat entre la Ville de Dijon et la Ville de Chefchaouen',
  preamble: [
    "S'inscrivant dans le cadre des échanges et du programme d'appui aux relations entre collectivités territoriales du ministère des affaires étrangères Français, de la Direction de l'action extérieure des collectivités territoriales et les institutions marocaines ;",
    "Compte tenu des relations d'amitiés qui existent entre la France et le Maroc ainsi que leur aspiration mutuelle à travailler à l'unisson au profit de leurs villes et nations ;",
    'Rappelant la légitimité de l’action internationale des collectivités locales et la possibilité pour elles de conclure des conventions avec des collectivités locales étrangères ;',
    'Convaincues du rôle essentiel de la coopération décentralisée en matière de développement économique, social, culturel et environnemental, à court, moyen ou long terme ;',
    "Dijon et Chefchaouen affirment, en favorisant le rapprochement entre les territoires et les peuples, la compréhension et l'ouverture à des cultures différentes, leur volonté de s'associer et de développer un partenariat bilatéral dans de nombreux secteurs tels que l'économie, la culture ou le tourisme.",
  ].join('\n'),
  object:
    "La convention a pour objet la mise en œuvre d'une nouvelle génération de partenariat à travers la construction de relations thématiques entre Dijon et Chefchaouen, au service du développement des deux territoires.",
  durationYears: 5,
  /** Illustrative: the text reads "Fait à _____, le _____, en six exemplaires." */
  signature: { place: null, date: '2016-06-01', originals: 6 },
  parties: {
    dijon: { name: 'François Rebsamen', office: 'Maire en exercice' },
    chefchaouen: { name: 'Mohamed Sefiani', office: 'Maire en exercice' },
  },
  dijonDeliberation: {
    kind: 'AUTHORISATION',
    body: 'Conseil municipal',
    date: '2016-03-21',
    reference: null,
    subject:
      'Convention de partenariat avec la ville de Chefchaouen (Maroc) : autorisation de signature',
  },
  axes: [
    {
      title:
        'Développement économique avec une attention particulière concernant l’économie sociale et solidaire',
      description:
        "Affirmer et développer une coopération économique entre les signataires. Organisation d'événements pour la promotion des entreprises et des filières d'activités : organisation d'espace de producteurs agricoles ou artisanaux locaux (dans le cadre de la future Cité internationale de la gastronomie, ou bien au sein de la cité de l'autre économie...). Création d'un espace de formation et coaching pour les entrepreneurs au sein des coopératives : aide au marketing et à la commercialisation, accompagnement des porteurs de projets. Renforcement de la coopération décentralisée.",
    },
    {
      title: 'Attractivité et rayonnement des territoires',
      description:
        "À travers la promotion des savoir-faire de Dijon et Chefchaouen, la mobilisation des établissements d'enseignement supérieur et l'intensification des échanges culturels : organisations de manifestations artistiques variées (expositions, spectacles, rencontres professionnelles, échanges d'artistes, Master class...). Relier de façon plus permanente les événements culturels importants des deux villes afin de favoriser le développement touristique, notamment autour de la thématique du Patrimoine matériel et immatériel (inscription au patrimoine mondial de l'UNESCO des 2 villes – Diète méditerranéenne/repas gastronomique/climats de Bourgogne).",
    },
    {
      title:
        'Appui aux politiques publiques innovantes et partage d’expérience de gestion des communes',
      description:
        "Renforcement des capacités en matière de gestion des collectivités territoriales dans une logique de développement durable, d'éco-urbanisme, de gestion de la biodiversité... Echanges d'expériences.",
    },
    {
      title: 'Education et jeunesse',
      description: 'Avec la promotion régulière des échanges bilatéraux de jeunes.',
    },
    {
      title: 'Développement social et solidarité',
      description:
        "Au moyen d'initiatives prises dans les domaines du vieillissement de la population, de la solidarité intergénérationnelle et de l'accompagnement en termes d'ingénierie dans les secteurs sociaux.",
    },
  ],
  axisPeriod: { start: '2016-01-01', end: '2020-12-31' },
  /** Illustrative: renewed twice by deliberation of both councils (A7), so that it is in force today. */
  renewals: [
    {
      termNumber: 2,
      dijon: { date: '2021-03-29', reference: '2021-03-29/17' },
      chefchaouen: { date: '2021-02-08', reference: '2021/02/08-05' },
    },
    {
      termNumber: 3,
      dijon: { date: '2026-03-30', reference: '2026-03-30/12' },
      chefchaouen: { date: '2026-02-09', reference: '2026/02/09-04' },
    },
  ],
} as const;

/**
 * Illustrative: a second convention of Dijon, with its twin city Mainz, that Chefchaouen must never
 * see. Signed in January 2022, it is in its last six months today: EXPIRING.
 */
export const MAINZ_CONVENTION = {
  title: 'Convention de coopération entre la Ville de Dijon et la Ville de Mayence (Mainz)',
  preamble:
    'Dans le prolongement du jumelage conclu en 1958, les deux villes souhaitent donner à leur amitié la forme de projets thématiques suivis et évalués.',
  object:
    'La convention a pour objet de conduire des projets communs en matière de jeunesse, de culture et de transition écologique.',
  durationYears: 5,
  signature: { place: 'Mainz', date: '2022-01-14', originals: 4 },
  parties: {
    dijon: { name: 'François Rebsamen', office: 'Maire' },
    mainz: { name: 'Michael Ebling', office: 'Oberbürgermeister' },
  },
  deliberations: {
    dijon: { date: '2021-12-13', reference: '2021-12-13/08' },
    mainz: { date: '2021-12-08', reference: 'Vorlage 1876/2021' },
  },
  axes: [
    {
      title: 'Jeunesse et échanges scolaires',
      description: 'Échanges de classes, d’apprentis et de jeunes volontaires.',
    },
    {
      title: 'Culture et patrimoine',
      description: 'Résidences d’artistes croisées et saisons culturelles partagées.',
    },
    {
      title: 'Transition écologique',
      description: 'Partage d’expériences sur les mobilités douces et la sobriété énergétique.',
    },
  ],
  axisPeriod: { start: '2022-01-01', end: '2026-12-31' },
} as const;
