import { describe, expect, it } from 'vitest';
import { expiryNoticeStart, statusAt, termEndDate, termsOf } from './term.js';
import { d, foundingDuration } from './test-fixtures/dijon-chefchaouen.js';

describe('A7 term of five years from the signature', () => {
  it('ends the day before the fifth anniversary: signed 2016-06-01, last day 2021-05-31', () => {
    expect(termEndDate(d('2016-06-01'), 5)).toBe('2021-05-31');
  });

  it('signed on 29 February ends on 28 February of a common year, losing no day', () => {
    expect(termEndDate(d('2016-02-29'), 5)).toBe('2021-02-28');
  });

  it('signed on 1 March before a leap February ends on 29 February', () => {
    expect(termEndDate(d('2019-03-01'), 1)).toBe('2020-02-29');
  });

  it('has no term while unsigned', () => {
    expect(termsOf({ signature: null, durationYears: 5, renewals: [] })).toEqual([]);
  });

  it('opens each renewed term the day after the previous one ends', () => {
    expect(termsOf({ ...foundingDuration, renewals: [{ decidedOn: d('2021-03-29') }] })).toEqual([
      { number: 1, startDate: '2016-06-01', endDate: '2021-05-31' },
      { number: 2, startDate: '2021-06-01', endDate: '2026-05-31' },
    ]);
  });

  it('gives the terms computed once to every later caller, which cannot alter them', () => {
    const renewed = { ...foundingDuration, renewals: [{ decidedOn: d('2021-03-29') }] };
    const first = termsOf(renewed);
    expect(termsOf({ ...renewed, renewals: [{ decidedOn: d('2021-04-02') }] })).toBe(first);
    expect(() => (first as unknown as { number: number }[]).push({ number: 3 })).toThrow(TypeError);
    expect(() => ((first[0] as { endDate: string }).endDate = '2030-01-01')).toThrow(TypeError);
    // Another signature date, duration or number of renewals is another set of terms.
    expect(termsOf({ ...renewed, durationYears: 3 })[0]?.endDate).toBe('2019-05-31');
    expect(termsOf(foundingDuration)).toHaveLength(1);
  });
});

describe('A7 status at a date', () => {
  it('is DRAFT while unsigned', () => {
    expect(statusAt({ signature: null, durationYears: 5, renewals: [] }, d('2016-06-01'))).toBe(
      'DRAFT',
    );
  });

  it('is DRAFT before the signature date', () => {
    expect(statusAt(foundingDuration, d('2016-05-31'))).toBe('DRAFT');
  });

  it('is IN_FORCE from the signature date', () => {
    expect(statusAt(foundingDuration, d('2016-06-01'))).toBe('IN_FORCE');
  });

  it('is IN_FORCE with exactly six months left, EXPIRING with less', () => {
    expect(
      expiryNoticeStart({ number: 1, startDate: d('2016-06-01'), endDate: d('2021-05-31') }),
    ).toBe('2020-12-02');
    expect(statusAt(foundingDuration, d('2020-12-01'))).toBe('IN_FORCE');
    expect(statusAt(foundingDuration, d('2020-12-02'))).toBe('EXPIRING');
  });

  it('is EXPIRING on the last day and EXPIRED the day after', () => {
    expect(statusAt(foundingDuration, d('2021-05-31'))).toBe('EXPIRING');
    expect(statusAt(foundingDuration, d('2021-06-01'))).toBe('EXPIRED');
  });

  it('stays IN_FORCE near the end of a term once a renewal is decided', () => {
    const renewed = { ...foundingDuration, renewals: [{ decidedOn: d('2021-03-29') }] };
    expect(statusAt(renewed, d('2021-05-01'))).toBe('IN_FORCE');
    expect(statusAt(renewed, d('2021-06-01'))).toBe('IN_FORCE');
    expect(statusAt(renewed, d('2026-06-01'))).toBe('EXPIRED');
  });

  it('on a past date ignores renewals decided after it', () => {
    const renewed = { ...foundingDuration, renewals: [{ decidedOn: d('2021-03-29') }] };
    expect(statusAt(renewed, d('2021-03-28'))).toBe('EXPIRING');
    expect(statusAt(renewed, d('2021-03-29'))).toBe('IN_FORCE');
  });

  it('was EXPIRED between the end of a term and a late renewal, IN_FORCE after it', () => {
    const late = { ...foundingDuration, renewals: [{ decidedOn: d('2021-07-01') }] };
    expect(statusAt(late, d('2021-06-15'))).toBe('EXPIRED');
    expect(statusAt(late, d('2021-07-01'))).toBe('IN_FORCE');
  });
});
