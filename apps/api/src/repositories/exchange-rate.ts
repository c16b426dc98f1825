import type { Executor } from '../db/database.js';
import type { ExchangeRateRow } from '../db/tables/evaluation.js';

/**
 * The rates that apply to each convention: its own, then the platform's (convention_id null), so
 * that a rate the parties agreed on wins over the platform's for the same day.
 */
export async function exchangeRatesOfConventions(
  db: Executor,
  ids: readonly number[],
): Promise<ExchangeRateRow[][]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('exchange_rate')
    .selectAll()
    .where((eb) => eb.or([eb('convention_id', 'in', ids), eb('convention_id', 'is', null)]))
    .orderBy('valid_from')
    .orderBy('id')
    .execute();
  const platform = rows.filter((row) => row.convention_id === null);
  return ids.map((id) => [...rows.filter((row) => row.convention_id === id), ...platform]);
}

export async function insertExchangeRate(
  db: Executor,
  row: {
    conventionId: number | null;
    from: string;
    to: string;
    rate: string;
    validFrom: string;
    source: string;
  },
): Promise<ExchangeRateRow> {
  return db
    .insertInto('exchange_rate')
    .values({
      convention_id: row.conventionId,
      from_currency: row.from,
      to_currency: row.to,
      rate: row.rate,
      valid_from: row.validFrom,
      source: row.source,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findExchangeRate(
  db: Executor,
  key: { conventionId: number | null; from: string; to: string; validFrom: string },
): Promise<ExchangeRateRow | undefined> {
  let query = db
    .selectFrom('exchange_rate')
    .selectAll()
    .where('from_currency', '=', key.from)
    .where('to_currency', '=', key.to)
    .where('valid_from', '=', key.validFrom);
  query =
    key.conventionId === null
      ? query.where('convention_id', 'is', null)
      : query.where('convention_id', '=', key.conventionId);
  return query.executeTakeFirst();
}
