import type { ConventionDuration } from '../convention.js';
import { unwrap } from '../result.js';
import { parseIsoDate, type IsoDate } from '../iso-date.js';

/** A date literal of the fixtures, checked like any input. */
export function d(input: string): IsoDate {
  return unwrap(parseIsoDate(input));
}

/**
 * The founding convention's own facts. Its text leaves place and date blank ("Fait à ____, le
 * ____"); 2016-06-01 is the illustrative signature date used throughout Coop's examples.
 */
export const FOUNDING_SIGNATURE_DATE = d('2016-06-01');
export const DIJON_DELIBERATION_DATE = d('2016-03-21');

export const foundingDuration: ConventionDuration = {
  signature: { place: null, date: FOUNDING_SIGNATURE_DATE, originals: 6 },
  durationYears: 5,
  renewals: [],
};
