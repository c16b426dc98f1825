/**
 * Fills a database with a deterministic national-scale dataset, through the project's own schema
 * (its migrations) — the data every page of the admin app and every contract query is measured on.
 *
 *   DATABASE_URL=postgres://… npx tsx bench/generate-dataset.ts [--scale 1]
 *
 * Scale 1: 5,000 collectivities (4,000 French in EUR, the rest in 60 countries and their
 * currencies, Morocco in MAD among them), 12,000 conventions of two or three parties, five axes
 * each, 20 actions per convention with 10 budget lines and 3 contributions each, missions with
 * delegates and cost lines, indicators with five years of targets and measurements.
 *
 * The rows are generated inside PostgreSQL (INSERT … SELECT over generate_series) from a
 * deterministic hash of their number: the same scale gives the same data, in minutes, not hours.
 */
import { createHash } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import { hashPassword } from '../src/auth/password.js';
import { hashSecretToken } from '../src/auth/secret-token.js';
import { openPglite, openPostgres, type Connection } from '../src/db/connection.js';
import type { Db } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrator.js';
import { freezeMissingReports } from '../src/schema/evaluation-report.js';
import { PARTNER_COUNTRIES } from './countries.js';

export interface DatasetSize {
  readonly collectivities: number;
  readonly frenchCollectivities: number;
  readonly conventions: number;
  readonly actionsPerConvention: number;
  readonly linesPerAction: number;
  readonly missionsPerConvention: number;
  readonly indicatorsPerConvention: number;
  /** The benchmark's partner (collectivity 1) is party to this many conventions. */
  readonly benchmarkConventions: number;
}

export function sizeAt(scale: number): DatasetSize {
  const collectivities = Math.max(200, Math.round(5000 * scale));
  return {
    collectivities,
    frenchCollectivities: Math.round(collectivities * 0.8),
    conventions: Math.max(100, Math.round(12000 * scale)),
    actionsPerConvention: 20,
    linesPerAction: 10,
    missionsPerConvention: 4,
    indicatorsPerConvention: 4,
    benchmarkConventions: 40,
  };
}

/** The API tokens the load benchmark uses: plaintext known, stored hashed like any other. */
export function benchmarkToken(collectivityId: number): string {
  return `coopt_bench_${createHash('sha256').update(`coop-bench-${collectivityId}`).digest('base64url')}`;
}
export const BENCHMARK_PASSWORD = 'coop-bench';

/** A deterministic pseudo-random non-negative integer of the row number `n` and a salt. */
const rnd = (n: string, salt: number): string =>
  `abs(hashint8((${n})::bigint * 1000003 + ${salt}))`;

type Step =
  | { name: string; statement: RawBuilder<unknown> }
  | { name: string; run: (db: Db, log: (line: string) => void) => Promise<number> };

function steps(size: DatasetSize, passwordHash: string): Step[] {
  const foreign = size.collectivities - size.frenchCollectivities;
  const countries = PARTNER_COUNTRIES;
  const countryValues = sql.raw(
    countries
      .map(
        (c, i) =>
          `(${i}, '${c.country}', '${c.currency}', '${c.locale}', '${c.timeZone}', ${c.eurRate})`,
      )
      .join(', '),
  );
  const s = (text: string) => sql.raw(text);
  return [
    {
      name: 'collectivities',
      statement: sql`
        insert into collectivity (name, country_code, currency, locale, time_zone)
        select case when n <= ${size.frenchCollectivities} then 'Commune ' || lpad(n::text, 5, '0')
                    else 'Ville ' || c.country || '-' || lpad(n::text, 5, '0') end,
               case when n <= ${size.frenchCollectivities} then 'FR' else c.country end,
               case when n <= ${size.frenchCollectivities} then 'EUR' else c.currency end,
               case when n <= ${size.frenchCollectivities} then 'fr-FR' else c.locale end,
               case when n <= ${size.frenchCollectivities} then 'Europe/Paris' else c.time_zone end
        from generate_series(1, ${size.collectivities}) n
        left join (values ${countryValues}) c(i, country, currency, locale, time_zone, rate)
          on c.i = (n - ${size.frenchCollectivities} - 1) % ${countries.length}
        order by n`,
    },
    {
      name: 'accounts (an administrator per collectivity)',
      statement: sql`
        insert into account (collectivity_id, email, display_name, password_hash, role)
        select id, 'admin@' || id || '.bench', 'Admin ' || name, ${passwordHash}, 'ADMIN' from collectivity order by id`,
    },
    {
      name: 'platform exchange rates (yearly, 2014–2027)',
      statement: sql`
        insert into exchange_rate (convention_id, from_currency, to_currency, rate, valid_from, source)
        select distinct on (c.currency, y) null::int, 'EUR', c.currency,
               round(c.rate * (1 + ((y - 2020) * 0.01)), 6), make_date(y, 1, 1), 'bench'
        from (values ${countryValues}) c(i, country, currency, locale, time_zone, rate), generate_series(2014, 2027) y
        where c.currency <> 'EUR'
        order by c.currency, y`,
    },
    {
      name: 'funders (organisations)',
      statement: sql`
        insert into organization (name, country_code, kind)
        select 'Bailleur ' || n, case when n % 3 = 0 then 'MA' else 'FR' end,
               (array['GOVERNMENT','MULTILATERAL','PUBLIC_BODY','ASSOCIATION','UNIVERSITY'])[1 + n % 5]
        from generate_series(1, 200) n`,
    },
    {
      name: 'conventions',
      statement: sql`
        insert into convention (title, object, preamble, duration_years, signature_place, signature_date,
                                signature_originals, reporting_currency)
        select 'Convention de coopération n° ' || n, 'Partenariat thématique entre collectivités', '',
               case when ${s(rnd('n', 1))} % 4 = 0 then 3 else 5 end,
               null,
               case when ${s(rnd('n', 2))} % 25 = 0 then null
                    else date '2016-01-01' + (${s(rnd('n', 3))} % 3650)::int end,
               case when ${s(rnd('n', 2))} % 25 = 0 then null else 2 + (n % 5) end,
               'EUR'
        from generate_series(1, ${size.conventions}) n order by n`,
    },
    {
      name: 'parties (two or three per convention; collectivity 1 in the first conventions)',
      statement: sql`
        insert into convention_party (convention_id, collectivity_id, position, signatory_name, signatory_office)
        select c.id, p.collectivity_id, p.position, 'Signataire ' || p.collectivity_id, 'Maire'
        from convention c
        cross join lateral (
          select 1 as position,
                 case when c.id <= ${size.benchmarkConventions} then 1
                      else 2 + (${s(rnd('c.id', 4))} % ${size.frenchCollectivities - 1}) end as collectivity_id
          union all
          select 2, ${size.frenchCollectivities} + 1 + (${s(rnd('c.id', 5))} % ${foreign})
          union all
          select 3, 2 + ((${s(rnd('c.id', 4))} + 1 + ${s(rnd('c.id', 6))} % 100) % ${size.frenchCollectivities - 1})
          where c.id % 5 = 0
        ) p`,
    },
    {
      name: 'renewals (a third of the conventions signed before 2021)',
      statement: sql`
        insert into renewal (convention_id, term_number, decided_on)
        select id, 2, signature_date + make_interval(years => duration_years) - interval '3 months'
        from convention where signature_date < date '2021-01-01' and id % 3 = 0`,
    },
    {
      name: 'axes (five per convention)',
      statement: sql`
        insert into axis (convention_id, position, title, description, period_start, period_end)
        select c.id, a, (array['Développement économique','Culture et patrimoine','Gouvernance locale',
                               'Éducation et jeunesse','Solidarité'])[a],
               'Axe ' || a || ' de la convention ' || c.id,
               make_date(extract(year from coalesce(c.signature_date, date '2026-01-01'))::int, 1, 1),
               make_date(extract(year from coalesce(c.signature_date, date '2026-01-01'))::int + c.duration_years - 1, 12, 31)
        from convention c cross join generate_series(1, 5) a order by c.id, a`,
    },
    {
      name: `actions (${size.actionsPerConvention} per convention)`,
      statement: sql`
        insert into action (convention_id, axis_id, title, description, status, start_date, end_date, dac_sector)
        select x.convention_id, x.axis_id, 'Action ' || x.k || ' de la convention ' || x.convention_id, '',
               (array['PLANNED','IN_PROGRESS','COMPLETED','COMPLETED','CANCELLED'])[1 + ${s(rnd('x.action_no', 7))} % 5],
               x.period_start + (${s(rnd('x.action_no', 8))} % 700)::int,
               x.period_start + (${s(rnd('x.action_no', 8))} % 700)::int + 60 + (${s(rnd('x.action_no', 9))} % 300)::int,
               (array['15150','43010','41010','31120','11330'])[1 + x.k % 5]
        from (
          select a.convention_id, a.id as axis_id, a.period_start, k,
                 (a.convention_id - 1) * ${size.actionsPerConvention} + k as action_no
          from axis a cross join generate_series(1, ${size.actionsPerConvention / 5}) k
        ) x order by x.convention_id, x.axis_id, x.k`,
    },
    {
      name: 'specific conventions (every action that started)',
      statement: sql`
        insert into specific_convention (action_id, reference, signed_on)
        select id, 'CS-' || id, start_date - 30 from action where status <> 'PLANNED'`,
    },
    {
      name: `expense lines (${size.linesPerAction} per action, 3 in the partner's currency)`,
      statement: sql`
        insert into expense_line (action_id, category, label, amount, currency, executed_amount, year)
        select a.id,
               (array['STAFF','TRAVEL','ACCOMMODATION','EQUIPMENT','SERVICES','COMMUNICATION','EVENTS','TRAINING','OTHER'])[1 + (${s(rnd('a.id * 16 + l', 10))} % 9)],
               case when l <= ${size.linesPerAction - 3} then 'Ligne ' else 'Partenaire ' end || l,
               case when l <= ${size.linesPerAction - 3}
                    then (50000 + ${s(rnd('a.id * 16 + l', 11))} % 4950000)
                    else round((50000 + ${s(rnd('a.id * 16 + l', 11))} % 4950000) * coalesce(r.rate, 1)) end::bigint,
               case when l <= ${size.linesPerAction - 3} then 'EUR' else p.currency end,
               case when a.status = 'COMPLETED' then
                    case when l <= ${size.linesPerAction - 3}
                         then (50000 + ${s(rnd('a.id * 16 + l', 11))} % 4950000) * 9 / 10
                         else round((50000 + ${s(rnd('a.id * 16 + l', 11))} % 4950000) * coalesce(r.rate, 1)) * 9 / 10 end
               end::bigint,
               extract(year from a.start_date)::int
        from action a
        join convention_party cp on cp.convention_id = a.convention_id and cp.position = 2
        join collectivity p on p.id = cp.collectivity_id
        left join exchange_rate r on r.convention_id is null and r.from_currency = 'EUR' and r.to_currency = p.currency
             and r.valid_from = date '2020-01-01'
        cross join generate_series(1, ${size.linesPerAction}) l`,
    },
    {
      name: 'contributions (3 per action: French cash, partner in kind, a co-funder)',
      statement: sql`
        insert into contribution (action_id, kind, collectivity_id, organization_id, amount, currency, description, funding_status)
        select t.action_id, v.kind, v.collectivity_id, v.organization_id, v.amount, v.currency, v.description, v.funding_status
        from (
          select a.id as action_id, fr.collectivity_id as french_id, pa.collectivity_id as partner_id,
                 coalesce(sum(l.amount) filter (where l.label like 'Ligne%'), 0) as eur_total,
                 coalesce(sum(l.amount) filter (where l.label like 'Partenaire%'), 0) as partner_total,
                 max(l.currency) filter (where l.label like 'Partenaire%') as partner_currency
          from action a
          join convention_party fr on fr.convention_id = a.convention_id and fr.position = 1
          join convention_party pa on pa.convention_id = a.convention_id and pa.position = 2
          join expense_line l on l.action_id = a.id
          group by a.id, fr.collectivity_id, pa.collectivity_id
        ) t
        cross join lateral (values
          ('PARTY_CASH', t.french_id, null::int, (t.eur_total * 6 / 10)::bigint, 'EUR', '', null),
          ('FUNDER', null::int, 1 + (t.action_id % 200), (t.eur_total - t.eur_total * 6 / 10
             + case when t.action_id % 7 = 0 then 10000 else 0 end)::bigint, 'EUR', '',
             (array['REQUESTED','GRANTED','RECEIVED'])[1 + t.action_id % 3]),
          ('PARTY_IN_KIND', t.partner_id, null::int,
             case when t.action_id % 11 = 0 then 0 else t.partner_total end::bigint,
             coalesce(t.partner_currency, 'EUR'), 'Mise à disposition de locaux et de personnel', null)
        ) v(kind, collectivity_id, organization_id, amount, currency, description, funding_status)`,
    },
    {
      name: 'budget approvals (both parties, for every action that started)',
      statement: sql`
        insert into approval (subject_type, subject_id, version, collectivity_id)
        select 'BUDGET', a.id, a.budget_version, cp.collectivity_id
        from action a join convention_party cp on cp.convention_id = a.convention_id
        where a.status <> 'PLANNED'`,
    },
    {
      name: `missions (${size.missionsPerConvention} per convention)`,
      statement: sql`
        insert into mission (convention_id, origin_collectivity_id, host_collectivity_id, departure_date, return_date, purpose)
        select c.id,
               case when m % 2 = 0 then fr.collectivity_id else pa.collectivity_id end,
               case when m % 2 = 0 then pa.collectivity_id else fr.collectivity_id end,
               coalesce(c.signature_date, date '2026-01-01') + (m * 200 + ${s(rnd('c.id * 8 + m', 12))} % 150)::int,
               coalesce(c.signature_date, date '2026-01-01') + (m * 200 + ${s(rnd('c.id * 8 + m', 12))} % 150 + 4 + ${s(rnd('c.id * 8 + m', 13))} % 8)::int,
               'Mission ' || m || ' de la convention ' || c.id
        from convention c
        join convention_party fr on fr.convention_id = c.id and fr.position = 1
        join convention_party pa on pa.convention_id = c.id and pa.position = 2
        cross join generate_series(1, ${size.missionsPerConvention}) m
        order by c.id, m`,
    },
    {
      name: 'delegates (3 per mission)',
      statement: sql`
        insert into delegate (mission_id, name, category, position)
        select m.id, 'Délégué ' || m.id || '-' || d,
               (array['ELECTED','TECHNICIAN','YOUTH','ARTIST','OTHER'])[1 + (${s(rnd('m.id * 4 + d', 14))} % 5)], ''
        from mission m cross join generate_series(1, 3) d`,
    },
    {
      name: 'mission costs (4 per mission, in the payer’s currency)',
      statement: sql`
        insert into mission_cost (mission_id, category, label, amount, currency)
        select m.id, (array['INTERNATIONAL_TRANSPORT','ACCOMMODATION','MEALS','LOCAL_TRANSPORT'])[k], '',
               (20000 + ${s(rnd('m.id * 4 + k', 15))} % 300000)::bigint,
               case when k = 1 then o.currency else h.currency end
        from mission m
        join collectivity o on o.id = m.origin_collectivity_id
        join collectivity h on h.id = m.host_collectivity_id
        cross join generate_series(1, 4) k`,
    },
    {
      name: `indicators (${size.indicatorsPerConvention} per convention)`,
      statement: sql`
        insert into indicator (convention_id, code, name, unit, baseline, direction, aggregation)
        select c.id, 'IND-' || i, (array['Jeunes échangés','Artistes accueillis','Agents formés','Événements'])[i],
               'personnes', 0, 'INCREASE', 'SUM'
        from convention c cross join generate_series(1, ${size.indicatorsPerConvention}) i order by c.id, i`,
    },
    {
      name: 'indicator approvals (both parties)',
      statement: sql`
        insert into approval (subject_type, subject_id, version, collectivity_id)
        select 'INDICATOR', i.id, i.version, cp.collectivity_id
        from indicator i join convention_party cp on cp.convention_id = i.convention_id`,
    },
    {
      name: 'indicator targets (five years)',
      statement: sql`
        insert into indicator_target (indicator_id, year, value)
        select i.id, extract(year from coalesce(c.signature_date, date '2026-01-01'))::int + y, 10 + (${s(rnd('i.id * 8 + y', 16))} % 40)
        from indicator i join convention c on c.id = i.convention_id cross join generate_series(0, 4) y`,
    },
    {
      name: 'measurements (five years, by the French party)',
      statement: sql`
        insert into measurement (indicator_id, year, value, collectivity_id)
        select i.id, extract(year from c.signature_date)::int + y, 5 + (${s(rnd('i.id * 8 + y', 17))} % 50), cp.collectivity_id
        from indicator i join convention c on c.id = i.convention_id
        join convention_party cp on cp.convention_id = c.id and cp.position = 1
        cross join generate_series(0, 4) y
        where c.signature_date is not null and extract(year from c.signature_date)::int + y <= 2026`,
    },
    {
      name: 'annual evaluations (approved, for past years)',
      statement: sql`
        insert into evaluation (convention_id, scope, year, status, summary, approved_at)
        select c.id, 'ANNUAL', extract(year from c.signature_date)::int + y, 'APPROVED', 'Bilan annuel', now()
        from convention c cross join generate_series(1, 3) y
        where c.signature_date is not null and extract(year from c.signature_date)::int + y < 2026`,
    },
    {
      // The reports read what was just loaded: without statistics the planner scans it all.
      name: 'analyze (before the reports are computed)',
      run: async (db) => {
        await sql`analyze`.execute(db);
        return 0;
      },
    },
    {
      name: 'evaluation reports (frozen, as a submission freezes them)',
      run: (db, log) => {
        let shown = 0;
        return freezeMissingReports(db, (frozen) => {
          if (frozen - shown < 2000) return;
          shown = frozen;
          log(`  … ${frozen.toLocaleString('en')} reports frozen`);
        });
      },
    },
    {
      name: 'benchmark API tokens (read-write, one per collectivity)',
      run: (db) => insertBenchmarkTokens(db, size.collectivities),
    },
  ];
}

async function insertBenchmarkTokens(db: Db, collectivities: number): Promise<number> {
  const batch = 1000;
  for (let first = 1; first <= collectivities; first += batch) {
    const rows = [];
    for (let id = first; id < Math.min(first + batch, collectivities + 1); id++) {
      rows.push({
        collectivity_id: id,
        name: 'Benchmark',
        token_hash: hashSecretToken(benchmarkToken(id)),
        access: 'READ_WRITE' as const,
      });
    }
    await db.insertInto('api_token').values(rows).execute();
  }
  return collectivities;
}

export async function generateDataset(
  db: Db,
  size: DatasetSize,
  log: (line: string) => void,
): Promise<void> {
  const started = Date.now();
  const applied = await migrateToLatest(db);
  if (applied.length) log(`migrated: ${applied.join(', ')}`);
  const existing = await db
    .selectFrom('collectivity')
    .select((eb) => eb.fn.countAll<bigint>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) {
    throw new TypeError('the database is not empty: generate the dataset into a fresh database');
  }
  const passwordHash = await hashPassword(BENCHMARK_PASSWORD);
  const all = steps(size, passwordHash);
  for (const [index, step] of all.entries()) {
    const at = Date.now();
    const rows =
      'run' in step
        ? await step.run(db, log)
        : Number((await step.statement.execute(db)).numAffectedRows ?? 0n);
    const seconds = ((Date.now() - at) / 1000).toFixed(1);
    log(
      `[${index + 1}/${all.length}] ${step.name}: ${rows.toLocaleString('en')} rows in ${seconds} s`,
    );
  }
  const at = Date.now();
  await sql`analyze`.execute(db);
  log(`analyze: ${((Date.now() - at) / 1000).toFixed(1)} s`);
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const scaleArg = args.indexOf('--scale');
  const scale = scaleArg >= 0 ? Number(args[scaleArg + 1]) : 1;
  if (!(scale > 0)) throw new TypeError('--scale takes a positive number');
  const url = process.env.DATABASE_URL;
  const connection: Connection = url
    ? openPostgres({ url, statementTimeoutMs: 30 * 60_000 })
    : await openPglite({ dataDir: process.env.COOP_DATA_DIR ?? '.coop-bench-data' });
  const size = sizeAt(scale);
  console.log(
    `Generating the national dataset at scale ${scale} into ${url ? 'PostgreSQL' : 'PGlite'}:`,
    size,
  );
  try {
    await generateDataset(connection.db, size, (line) => console.log(line));
  } finally {
    await connection.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
