import {
  formatDecimal,
  parseDecimal,
  parseIsoDate,
  parseMoney,
  type IsoDate,
  type Money,
} from '@coop/domain';
import type { CsvFile, CsvRecord } from './csv-file.js';
import type { RowCheck } from './import-report.js';

/**
 * The cells of one row, read as the exports write them. A column the file lacks is "not given":
 * a row that updates a stored object keeps its stored value (`stored`, the export's own row for
 * it), a new one leaves it empty. A decimal uses the file's separator. Every rule about the values
 * themselves is the domain's (parseMoney, parseDecimal…).
 */
export class RowCells {
  readonly #record: CsvRecord;
  readonly #separator: CsvFile['decimalSeparator'];
  /** The export's row for the stored object: decimal commas, as budget.csv writes them. */
  readonly #stored: Readonly<Record<string, string>> | null;

  constructor(
    file: Pick<CsvFile, 'decimalSeparator'>,
    record: CsvRecord,
    stored: Readonly<Record<string, string>> | null = null,
  ) {
    this.#record = record;
    this.#separator = file.decimalSeparator;
    this.#stored = stored;
  }

  /** The same row over the stored object it updates. */
  over(stored: Readonly<Record<string, string>>): RowCells {
    return new RowCells({ decimalSeparator: this.#separator }, this.#record, stored);
  }

  /** The file's decimal separator. */
  get separator(): CsvFile['decimalSeparator'] {
    return this.#separator;
  }

  get line(): number {
    return this.#record.line;
  }

  /** The file's trimmed cell, or undefined when the file has no such column. */
  given(column: string): string | undefined {
    return this.#record.cells.get(column)?.trim();
  }

  /** The file's cell, else the stored value, else empty. */
  text(column: string): string {
    return this.given(column) ?? this.#stored?.[column] ?? '';
  }

  /**
   * A decimal as the domain reads it: written with the file's separator ("12,5" → "12.5" in a
   * semicolon file), null with an issue when the other separator is used, since "1.234" could
   * then mean a thousand.
   */
  decimal(check: RowCheck, column: string, code = 'INVALID_DECIMAL'): string | null {
    const cell = this.given(column);
    if (cell === undefined) return (this.#stored?.[column] ?? '').replace(',', '.');
    const other = this.#separator === ',' ? '.' : ',';
    if (cell.includes(other)) {
      const file = this.#separator === ',' ? 'a semicolon-separated' : 'a comma-separated';
      check.add(
        column,
        `"${cell}": decimals are written with a "${this.#separator}" in ${file} file`,
        code,
      );
      return null;
    }
    return this.#separator === ',' ? cell.replace(',', '.') : cell;
  }
}

/** The largest amount a bigint column holds, in minor units. */
const MAX_MINOR_UNITS = 2n ** 63n - 1n;

/**
 * An amount in its currency through the domain (parseMoney: TOO_MANY_DECIMALS, NEGATIVE_AMOUNT,
 * UNKNOWN_CURRENCY…), the issue on the amount's column or on `currency`.
 */
export function readAmount(
  check: RowCheck,
  cells: RowCells,
  column: string,
  currency: string,
): Money | null {
  const decimal = cells.decimal(check, column, 'INVALID_AMOUNT');
  if (decimal === null) return null;
  const parsed = parseMoney(decimal, currency.toUpperCase());
  if (!parsed.ok) {
    // The domain quotes the decimal it read ("12.3x"): the person reads the cell as written.
    const message =
      parsed.error.code === 'INVALID_AMOUNT'
        ? `"${cells.text(column)}" is not an amount such as 1234${cells.separator}50`
        : parsed.error.message;
    check.add(
      parsed.error.code === 'UNKNOWN_CURRENCY' ? 'currency' : column,
      message,
      parsed.error.code,
    );
    return null;
  }
  if (parsed.value.amount > MAX_MINOR_UNITS) {
    check.add(column, `"${cells.text(column)}" is too large an amount`, 'AMOUNT_TOO_LARGE');
    return null;
  }
  return parsed.value;
}

/** An optional year of the budget: empty is none; else a whole number from 1900 to 2200. */
export function readOptionalYear(check: RowCheck, cells: RowCells, column = 'year'): number | null {
  const cell = cells.text(column);
  if (cell === '') return null;
  return readYear(check, cells, column);
}

export function readYear(check: RowCheck, cells: RowCells, column = 'year'): number | null {
  const cell = cells.text(column);
  const year = /^\d{4}$/.test(cell) ? Number(cell) : NaN;
  if (!(year >= 1900 && year <= 2200)) {
    check.add(column, `"${cell}" is not a year from 1900 to 2200`, 'INVALID_YEAR');
    return null;
  }
  return year;
}

/** An optional day, ISO 8601 ("2017-11-30"), checked by the domain. */
export function readOptionalDate(check: RowCheck, cells: RowCells, column: string): IsoDate | null {
  const cell = cells.text(column);
  if (cell === '') return null;
  const parsed = parseIsoDate(cell);
  if (parsed.ok) return parsed.value;
  check.add(column, parsed.error.message, parsed.error.code);
  return null;
}

/** A text of at most `max` characters, trimmed. */
export function readText(check: RowCheck, cells: RowCells, column: string, max: number): string {
  const cell = cells.text(column);
  if (cell.length > max) check.add(column, `At most ${max} characters`, 'TOO_LONG');
  return cell;
}

/**
 * A decimal as a numeric(p, scale) column returns it ("10.5" → "10.50"), so that a value read
 * from a file compares with a stored one; null when it is no decimal (the domain says why).
 */
export function numericText(decimal: string, scale: number): string | null {
  const parsed = parseDecimal(decimal);
  if (!parsed.ok || parsed.value.scale > scale) return null;
  const units = parsed.value.units * 10n ** BigInt(scale - parsed.value.scale);
  return formatDecimal({ units, scale });
}

/** A cell that only some row types use, refused when filled in on another. */
export function checkEmpty(check: RowCheck, cells: RowCells, column: string, why: string): void {
  if (cells.text(column) !== '') check.add(column, why, 'NOT_APPLICABLE');
}
