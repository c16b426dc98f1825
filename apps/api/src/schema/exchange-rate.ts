import {
  parseRate,
  type ExchangeRate as DomainRate,
  type IsoDate,
  type CurrencyCode,
} from '@coop/domain';
import { builder } from '../builder.js';
import { plainDecimal } from '../mapping/decimal.js';
import type { ExchangeRateRow } from '../db/tables/evaluation.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { runMutation } from '../mutation.js';
import {
  exchangeRatesOfConventions,
  findExchangeRate,
  insertExchangeRate,
} from '../repositories/exchange-rate.js';
import { Convention } from './convention.js';
import { requireDbId } from './global-id.js';
import { perRequest } from './loaders.js';

export const exchangeRatesLoader = perRequest((context, ids) =>
  exchangeRatesOfConventions(context.db, ids),
);

/** The domain's rate from a row: numeric(24,10) comes back with trailing zeros, dropped here. */
export function rateOf(row: ExchangeRateRow): DomainRate {
  return {
    from: row.from_currency as CurrencyCode,
    to: row.to_currency as CurrencyCode,
    rate: plainDecimal(row.rate),
    validFrom: row.valid_from as IsoDate,
  };
}

/**
 * The domain's rates of a convention, mapped once per request: every budget of a page shares its
 * convention's list (the loader hands back the same array), and the platform's rates, shared by
 * every convention, are mapped once each — 400 budgets cost one mapping, not 400.
 */
const mappedLists = new WeakMap<readonly ExchangeRateRow[], readonly DomainRate[]>();
const mappedRows = new WeakMap<ExchangeRateRow, DomainRate>();
export function ratesOf(rows: readonly ExchangeRateRow[]): readonly DomainRate[] {
  let rates = mappedLists.get(rows);
  if (!rates) {
    rates = rows.map((row) => {
      let rate = mappedRows.get(row);
      if (!rate) {
        rate = rateOf(row);
        mappedRows.set(row, rate);
      }
      return rate;
    });
    mappedLists.set(rows, rates);
  }
  return rates;
}

const ExchangeRateRef = builder.objectRef<ExchangeRateRow>('ExchangeRate').implement({
  description: 'From validFrom on, 1 `from` = `rate` `to` (A4.6), until a later rate replaces it.',
  fields: (t) => ({
    from: t.exposeString('from_currency'),
    to: t.exposeString('to_currency'),
    rate: t.string({
      description: 'An exact decimal: "10.8123".',
      resolve: (row) => plainDecimal(row.rate),
    }),
    validFrom: t.expose('valid_from', { type: 'Date' }),
    source: t.exposeString('source', {
      description: 'Where the rate comes from: "Banque de France", "agreed by the parties".',
    }),
    scope: t.string({
      description: 'CONVENTION for a rate the parties recorded, PLATFORM for the platform’s.',
      resolve: (row) => (row.convention_id === null ? 'PLATFORM' : 'CONVENTION'),
    }),
  }),
});

builder.objectField(Convention, 'exchangeRates', (t) =>
  t.field({
    type: [ExchangeRateRef],
    description:
      'The dated rates budgets of this convention are converted with: its own, then the platform’s.',
    resolve: (convention, _args, context) => exchangeRatesLoader(context).load(convention.id),
  }),
);

const RecordExchangeRateInput = builder.inputType('RecordExchangeRateInput', {
  fields: (t) => ({
    conventionId: t.id({
      description:
        'The convention whose parties agreed on it; none for a platform rate (platform administrators).',
    }),
    from: t.string({ required: true }),
    to: t.string({ required: true }),
    rate: t.string({ required: true, description: 'A positive decimal: "10.8123".' }),
    validFrom: t.field({ type: 'Date', required: true }),
    source: t.string(),
  }),
});

builder.mutationField('recordExchangeRate', (t) =>
  t.field({
    type: ExchangeRateRef,
    args: { input: t.arg({ type: RecordExchangeRateInput, required: true }) },
    errors: {
      types: [ValidationError, NotFoundError, ForbiddenError, ConflictError],
      dataField: { name: 'exchangeRate' },
    },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'recordExchangeRate', async ({ trx, audit }) => {
        const conventionId = input.conventionId
          ? requireDbId(input.conventionId, 'Convention')
          : null;
        if (conventionId === null) {
          if (!context.access.isPlatformAdmin) {
            throw new ForbiddenError(
              'Only the platform’s administrators record platform-wide rates',
            );
          }
        } else {
          await context.access.requireEdit(conventionId);
        }
        const parsed = parseRate({
          from: input.from.trim().toUpperCase(),
          to: input.to.trim().toUpperCase(),
          rate: input.rate,
          validFrom: input.validFrom,
        });
        if (!parsed.ok)
          throw ValidationError.of(
            ['input', parsed.error.field],
            parsed.error.message,
            parsed.error.code,
          );
        const rate = parsed.value;
        const key = { conventionId, from: rate.from, to: rate.to, validFrom: rate.validFrom };
        if (await findExchangeRate(trx, key)) {
          throw ValidationError.of(
            ['input', 'validFrom'],
            `A ${rate.from}→${rate.to} rate is already recorded for ${rate.validFrom}`,
            'DUPLICATE_RATE',
          );
        }
        const row = await insertExchangeRate(trx, {
          ...key,
          rate: rate.rate,
          source: input.source?.trim() ?? '',
        });
        await audit({
          conventionId,
          subjectType: 'ExchangeRate',
          subjectId: row.id,
          before: null,
          after: row,
        });
        return row;
      }),
  }),
);
