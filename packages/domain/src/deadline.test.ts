import { describe, expect, it } from 'vitest';
import {
  annualEvaluationDueDate,
  deadlinesOf,
  programmeEvaluationDueDate,
  type DeadlineConvention,
} from './deadline.js';
import { asId } from './ids.js';
import { CHEFCHAOUEN, DIJON, d, foundingDuration } from './test-fixtures/dijon-chefchaouen.js';

const FOUNDING = asId<'Convention'>('founding');

function founding(overrides: Partial<DeadlineConvention> = {}): DeadlineConvention {
  return {
    id: FOUNDING,
    title: 'Dijon – Chefchaouen',
    duration: foundingDuration,
    evaluations: [],
    missions: [],
    ...overrides,
  };
}

describe('deadlines of a convention (A6, A7)', () => {
  it('ends the first term on 2021-05-31 and opens the renewal window on 2020-12-02', () => {
    const deadlines = deadlinesOf([founding()]);
    expect(deadlines.find((x) => x.kind === 'TERM_END')).toMatchObject({
      date: '2021-05-31',
      endDate: '2021-05-31',
      termNumber: 1,
      key: 'TERM_END:founding:1',
    });
    expect(deadlines.find((x) => x.kind === 'RENEWAL_WINDOW')?.date).toBe('2020-12-02');
  });

  it('wants the programme evaluation the day before the renewal window opens', () => {
    const term = { number: 1, startDate: d('2016-06-01'), endDate: d('2021-05-31') };
    expect(programmeEvaluationDueDate(term)).toBe('2020-12-01');
    expect(deadlinesOf([founding()]).find((x) => x.kind === 'PROGRAMME_EVALUATION')?.date).toBe(
      '2020-12-01',
    );
  });

  it('wants the annual evaluation of year Y by 31 March of Y+1, for every year of the term', () => {
    expect(annualEvaluationDueDate(2017)).toBe('2018-03-31');
    const annual = deadlinesOf([founding()]).filter((x) => x.kind === 'ANNUAL_EVALUATION');
    expect(annual.map((x) => [x.year, x.date])).toEqual([
      [2016, '2017-03-31'],
      [2017, '2018-03-31'],
      [2018, '2019-03-31'],
      [2019, '2020-03-31'],
      [2020, '2021-03-31'],
      [2021, '2022-03-31'],
    ]);
  });

  it('marks an evaluation approved by every party as done, not one only submitted', () => {
    const deadlines = deadlinesOf([
      founding({
        evaluations: [
          { scope: 'ANNUAL', year: 2017, termNumber: null, status: 'APPROVED' },
          { scope: 'ANNUAL', year: 2018, termNumber: null, status: 'SUBMITTED' },
          { scope: 'PROGRAMME', year: null, termNumber: 1, status: 'APPROVED' },
        ],
      }),
    ]);
    const annual = (year: number) =>
      deadlines.find((x) => x.kind === 'ANNUAL_EVALUATION' && x.year === year);
    expect(annual(2017)?.done).toBe(true);
    expect(annual(2017)?.title).toContain('(approuvée)');
    expect(annual(2018)?.done).toBe(false);
    expect(deadlines.find((x) => x.kind === 'PROGRAMME_EVALUATION')?.done).toBe(true);
  });

  it('gives every renewed term its own end, window and programme evaluation', () => {
    const renewed = founding({
      duration: { ...foundingDuration, renewals: [{ decidedOn: d('2021-03-29') }] },
    });
    const ends = deadlinesOf([renewed]).filter((x) => x.kind === 'TERM_END');
    expect(ends.map((x) => x.date)).toEqual(['2021-05-31', '2026-05-31']);
    const annual = deadlinesOf([renewed]).filter((x) => x.kind === 'ANNUAL_EVALUATION');
    expect(annual.at(-1)?.year).toBe(2026);
  });

  it('has no term deadline while the convention is unsigned, but shows its missions', () => {
    const deadlines = deadlinesOf(
      [
        founding({
          duration: { signature: null, durationYears: 5, renewals: [] },
          missions: [
            {
              id: asId<'Mission'>('m1'),
              origin: DIJON,
              host: CHEFCHAOUEN,
              departureDate: d('2017-04-10'),
              returnDate: d('2017-04-14'),
              purpose: 'Atelier coopératives',
            },
          ],
        }),
      ],
      new Map([
        [DIJON, 'Dijon'],
        [CHEFCHAOUEN, 'Chefchaouen'],
      ]),
    );
    expect(deadlines).toEqual([
      {
        kind: 'MISSION',
        conventionId: FOUNDING,
        key: 'MISSION:founding:m1',
        title: 'Mission Dijon → Chefchaouen : Atelier coopératives',
        date: '2017-04-10',
        endDate: '2017-04-14',
        termNumber: null,
        year: null,
        missionId: 'm1',
        done: false,
      },
    ]);
  });

  it('lists the deadlines of several conventions in date order, with unique keys', () => {
    const other = founding({
      id: asId<'Convention'>('mainz'),
      title: 'Dijon – Mainz',
      duration: {
        signature: { place: 'Mainz', date: d('2022-01-14'), originals: 4 },
        durationYears: 5,
        renewals: [],
      },
    });
    const deadlines = deadlinesOf([founding(), other]);
    const dates = deadlines.map((x) => x.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(deadlines.map((x) => x.key)).size).toBe(deadlines.length);
    expect(deadlines.some((x) => x.conventionId === 'mainz' && x.date === '2027-01-13')).toBe(true);
  });
});
