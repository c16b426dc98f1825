/**
 * A value of the import's report ("12000.00", "2018-05-14", "TRAVEL") as the screen writes it:
 * the API gives numbers with a decimal point whatever the file used, so that the reader's
 * language can write them its own way, keeping every decimal the API wrote.
 */
export type CellValue =
  | { readonly kind: 'empty' }
  | { readonly kind: 'decimal'; readonly value: string; readonly fractionDigits: number }
  | { readonly kind: 'date'; readonly value: string }
  | { readonly kind: 'text'; readonly value: string };

/** The columns of budget.csv and measurements.csv that hold a quantity. */
const QUANTITY_COLUMNS = new Set([
  'amount',
  'executed',
  'daily_cost',
  'days',
  'executed_days',
  'value',
  'baseline',
]);

/** The columns that hold a calendar date. */
const DATE_COLUMNS = new Set(['executed_on']);

const DECIMAL = /^-?\d+(?:\.(\d+))?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function cellValueOf(column: string, value: string): CellValue {
  if (value.trim() === '') return { kind: 'empty' };
  if (QUANTITY_COLUMNS.has(column)) {
    const decimal = DECIMAL.exec(value);
    if (decimal) return { kind: 'decimal', value, fractionDigits: decimal[1]?.length ?? 0 };
  }
  if (DATE_COLUMNS.has(column) && ISO_DATE.test(value)) return { kind: 'date', value };
  // A year, a code, a category, a name: written as the file has it.
  return { kind: 'text', value };
}
