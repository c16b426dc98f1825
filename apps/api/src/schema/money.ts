import { formatMoney, parseMoney, type Money } from '@coop/domain';
import { builder } from '../builder.js';
import type { InputCheck } from './input-check.js';

/**
 * Money as the contract writes it (A4.6): an exact decimal string in its own currency, never a
 * float. Inside, integer minor units (bigint) through @coop/domain.
 */
export const MoneyRef = builder.objectRef<Money>('Money').implement({
  description: 'An exact amount: "1234.50" EUR. Each amount keeps its own currency.',
  fields: (t) => ({
    amount: t.string({
      description: 'Exact decimal, as many decimals as the currency has.',
      resolve: (money) => formatMoney(money),
    }),
    currency: t.string({ description: 'ISO 4217.', resolve: (money) => money.currency }),
  }),
});

export const MoneyInput = builder.inputType('MoneyInput', {
  fields: (t) => ({
    amount: t.string({
      required: true,
      description: 'A decimal with a dot: "1234.50". Never a float.',
    }),
    currency: t.string({ required: true, description: 'ISO 4217: "EUR", "MAD".' }),
  }),
});

/** The domain's exact value of a MoneyInput, or the issue on its path (then null). */
export function readMoney(
  check: InputCheck,
  path: readonly string[],
  input: { amount: string; currency: string },
  options: { allowNegative?: boolean } = {},
): Money | null {
  const parsed = parseMoney(input.amount.trim(), input.currency.trim().toUpperCase(), options);
  if (parsed.ok) return parsed.value;
  const field = parsed.error.code === 'UNKNOWN_CURRENCY' ? 'currency' : 'amount';
  check.add([...path, field], parsed.error.message, parsed.error.code);
  return null;
}
