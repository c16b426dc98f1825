/**
 * The floor the GraphQL layer is measured against: a hand-written endpoint that answers the
 * partner dashboard with ONE SQL statement building the whole JSON document inside PostgreSQL,
 * served by a bare Node HTTP server with the same API token check. Nothing generic can be faster
 * on this machine; the benchmark reports GraphQL's throughput as a ratio of this one.
 */
import { createServer, type Server } from 'node:http';
import pg from 'pg';
import { currencyExponent, parseCurrency, type CurrencyCode } from '@coop/domain';
import { hashSecretToken } from '../src/auth/secret-token.js';
import { PARTNER_COUNTRIES } from './countries.js';

/**
 * The same data as the GraphQL dashboard query (bench/scenarios.ts): the collectivity's first 20
 * conventions by ID with their parties and axes, and each convention's first 20 actions with their
 * budget totals per currency (expenses, resources) and their contributions. Amounts are exact
 * decimal strings, as GraphQL's Money.amount.
 */
export function dashboardSql(): string {
  // Each currency's decimals come from the same table as the domain's (ISO 4217 via dinero.js).
  const exponents = [...new Set(['EUR', ...PARTNER_COUNTRIES.map((country) => country.currency)])]
    .map((code) => `('${code}', ${currencyExponent(parseCurrencyOrThrow(code))})`)
    .join(', ');
  return `
with viewer as (
  select t.collectivity_id from api_token t
  where t.token_hash = $1 and t.revoked_at is null and (t.expires_at is null or t.expires_at > now())
),
conventions as (
  select c.* from convention c
  where c.id in (select cp.convention_id from convention_party cp where cp.collectivity_id = (select collectivity_id from viewer))
  order by c.id limit 20
),
actions as (
  select a.* from conventions c
  cross join lateral (select * from action a where a.convention_id = c.id order by a.id limit 20) a
),
exponent(currency, places) as (values ${exponents}),
lines as (
  select l.action_id, l.currency, sum(l.amount) as total from expense_line l
  where l.action_id in (select id from actions) group by l.action_id, l.currency
),
resources as (
  select c.action_id, c.currency, sum(c.amount) as total from contribution c
  where c.action_id in (select id from actions) group by c.action_id, c.currency
),
money as (
  select currency, coalesce((select places from exponent e where e.currency = m.currency), 2) as places
  from (select currency from lines union select currency from resources) m
)
select json_build_object('data', json_build_object('conventions', json_build_object('edges', coalesce(json_agg(
  json_build_object('node', json_build_object(
    'id', encode(convert_to('Convention:' || c.id, 'UTF8'), 'base64'),
    'title', c.title,
    'parties', (select json_agg(json_build_object('collectivity', json_build_object(
                   'id', encode(convert_to('Collectivity:' || k.id, 'UTF8'), 'base64'),
                   'name', k.name, 'countryCode', k.country_code)) order by p.position)
                from convention_party p join collectivity k on k.id = p.collectivity_id where p.convention_id = c.id),
    'axes', (select coalesce(json_agg(json_build_object(
                'id', encode(convert_to('Axis:' || x.id, 'UTF8'), 'base64'), 'title', x.title) order by x.position, x.id), '[]')
             from axis x where x.convention_id = c.id),
    'actions', json_build_object('edges', (select coalesce(json_agg(json_build_object('node', json_build_object(
        'id', encode(convert_to('Action:' || a.id, 'UTF8'), 'base64'),
        'title', a.title, 'status', a.status, 'startDate', a.start_date, 'endDate', a.end_date,
        'budget', json_build_object(
          'totals', json_build_object(
            'expenses', json_build_object('byCurrency', (select coalesce(json_agg(json_build_object(
                'amount', round(l.total / 10::numeric ^ mo.places, mo.places)::text, 'currency', l.currency) order by l.currency), '[]')
              from lines l join money mo on mo.currency = l.currency where l.action_id = a.id)),
            'resources', json_build_object('byCurrency', (select coalesce(json_agg(json_build_object(
                'amount', round(r.total / 10::numeric ^ mo.places, mo.places)::text, 'currency', r.currency) order by r.currency), '[]')
              from resources r join money mo on mo.currency = r.currency where r.action_id = a.id))),
          'contributions', (select coalesce(json_agg(json_build_object(
              'kind', t.kind,
              'amount', json_build_object('amount', round(t.amount / 10::numeric ^ coalesce(mo.places, 2), coalesce(mo.places, 2))::text, 'currency', t.currency),
              'party', case when k.id is null then null else json_build_object('name', k.name) end,
              'funder', case when o.id is null then null else json_build_object('name', o.name) end,
              'fundingStatus', t.funding_status) order by t.id), '[]')
            from contribution t
            left join money mo on mo.currency = t.currency
            left join collectivity k on k.id = t.collectivity_id
            left join organization o on o.id = t.organization_id
            where t.action_id = a.id))
      )) order by a.id), '[]') from actions a where a.convention_id = c.id))
  )) order by c.id), '[]')))) as body
from conventions c`;
}

function parseCurrencyOrThrow(code: string): CurrencyCode {
  const parsed = parseCurrency(code);
  if (!parsed.ok) throw new TypeError(parsed.error.message);
  return parsed.value;
}

/**
 * Serves GET /dashboard with `Authorization: Bearer <token>`. The body is the text PostgreSQL
 * built: no parsing, no re-serialising.
 */
export function startFloor(
  databaseUrl: string,
  port: number,
  connections = 10,
): Promise<{ server: Server; close: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  // Take the JSON as text: the floor must not pay for a parse and a stringify.
  pool.on('connect', (client) => {
    client.setTypeParser(pg.types.builtins.JSON, (value: string) => value);
  });
  const sqlText = dashboardSql();
  const server = createServer((req, res) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (req.url !== '/dashboard' || !match?.[1]) {
      res.writeHead(404).end();
      return;
    }
    pool
      .query<{ body: string }>(sqlText, [hashSecretToken(match[1])])
      .then((result) => {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(result.rows[0]?.body ?? '{}');
      })
      .catch(() => {
        res.writeHead(500).end();
      });
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () =>
      resolve({
        server,
        close: async () => {
          await new Promise((done) => server.close(done));
          await pool.end();
        },
      }),
    );
  });
}
