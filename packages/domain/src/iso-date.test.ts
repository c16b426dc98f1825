import { describe, expect, it } from 'vitest';
import { anniversary, compareDates, parseIsoDate } from './iso-date.js';
import { d } from './test-fixtures/dijon-chefchaouen.js';

describe('parseIsoDate', () => {
  it('accepts the date of Dijon’s deliberation', () => {
    expect(parseIsoDate('2016-03-21')).toEqual({ ok: true, value: '2016-03-21' });
  });

  it.each(['2021-02-30', '2019-02-29', '2016-13-01', '2016-00-10'])(
    'refuses %s, which is not in the calendar',
    (input) => {
      const result = parseIsoDate(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject({ code: 'INVALID_DATE', input });
    },
  );

  it.each(['21/03/2016', '2016-3-21', '', '2016-03-21T00:00:00Z'])(
    'refuses %j, which is not YYYY-MM-DD',
    (input) => {
      expect(parseIsoDate(input).ok).toBe(false);
    },
  );

  it('accepts 29 February in a leap year', () => {
    expect(parseIsoDate('2016-02-29').ok).toBe(true);
  });
});

describe('anniversary', () => {
  it('falls on the same day of the month', () => {
    expect(anniversary(d('2016-06-01'), 5)).toBe('2021-06-01');
  });

  it('of 29 February in a common year is 1 March, once the whole period has passed', () => {
    expect(anniversary(d('2016-02-29'), 5)).toBe('2021-03-01');
    expect(anniversary(d('2016-02-29'), 4)).toBe('2020-02-29');
  });
});

describe('compareDates', () => {
  it('orders dates as the calendar does', () => {
    expect(compareDates(d('2016-03-21'), d('2016-06-01'))).toBeLessThan(0);
    expect(compareDates(d('2021-05-31'), d('2021-05-31'))).toBe(0);
    expect(compareDates(d('2021-06-01'), d('2021-05-31'))).toBeGreaterThan(0);
  });
});
