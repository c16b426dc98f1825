import { Temporal } from 'temporal-polyfill';
import { err, ok, type Result } from './result.js';

/**
 * A calendar date without time or zone, as the convention writes them ("le 21 mars 2016"),
 * carried as its ISO 8601 string ("2016-03-21") so that it stays a plain, serialisable value.
 * Arithmetic goes through Temporal.PlainDate: leap years and month lengths are its job, not ours.
 */
declare const isoDateBrand: unique symbol;
export type IsoDate = string & { readonly [isoDateBrand]: true };

export interface InvalidDate {
  readonly code: 'INVALID_DATE';
  readonly input: string;
  readonly message: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Accepts only real calendar dates in the form YYYY-MM-DD: "2021-02-30" is refused. */
export function parseIsoDate(input: string): Result<IsoDate, InvalidDate> {
  const match = ISO_DATE.exec(input);
  if (!match) {
    return err({
      code: 'INVALID_DATE',
      input,
      message: `"${input}" is not a date of the form YYYY-MM-DD`,
    });
  }
  const [, year, month, day] = match;
  try {
    const date = Temporal.PlainDate.from(
      { year: Number(year), month: Number(month), day: Number(day) },
      { overflow: 'reject' },
    );
    return ok(date.toString() as IsoDate);
  } catch {
    return err({ code: 'INVALID_DATE', input, message: `${input} does not exist in the calendar` });
  }
}

export function toPlainDate(date: IsoDate): Temporal.PlainDate {
  return Temporal.PlainDate.from(date);
}

export function fromPlainDate(date: Temporal.PlainDate): IsoDate {
  return date.toString() as IsoDate;
}

/** Negative when a is before b, zero when equal, positive when after. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  // ISO strings of four-digit years sort as the dates they name.
  return a < b ? -1 : a > b ? 1 : 0;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromPlainDate(toPlainDate(date).add({ days }));
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  return fromPlainDate(toPlainDate(date).add({ months }));
}

/**
 * The same day `years` later. A 29 February lands on 1 March in a common year: the anniversary
 * of a date is reached only once that day has fully passed, so no day of the period is lost.
 */
export function anniversary(date: IsoDate, years: number): IsoDate {
  const start = toPlainDate(date);
  const target = start.add({ years });
  if (start.month === 2 && start.day === 29 && target.day === 28) {
    return fromPlainDate(target.add({ days: 1 }));
  }
  return fromPlainDate(target);
}

export function yearOf(date: IsoDate): number {
  return toPlainDate(date).year;
}

/** Today in the given IANA time zone (a city's own calendar day). */
export function today(timeZone = 'UTC'): IsoDate {
  return fromPlainDate(Temporal.Now.plainDateISO(timeZone));
}

export function isWithin(date: IsoDate, first: IsoDate, last: IsoDate): boolean {
  return compareDates(first, date) <= 0 && compareDates(date, last) <= 0;
}
