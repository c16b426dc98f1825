import { parseIsoDate, unwrap } from '@coop/domain';
import { describe, expect, it } from 'vitest';
import { upcomingDeadlines, type ConventionDates } from './deadlines.js';

const d = (text: string) => unwrap(parseIsoDate(text));

const founding: ConventionDates = {
  id: 'founding',
  title: 'Dijon – Chefchaouen',
  status: 'IN_FORCE',
  terms: [
    { number: 1, startDate: '2016-06-01', endDate: '2021-05-31' },
    { number: 2, startDate: '2021-06-01', endDate: '2026-05-31' },
    { number: 3, startDate: '2026-06-01', endDate: '2031-05-31' },
  ],
  renewal: { eligible: false, issues: [{}, {}, {}] },
};

const mainz: ConventionDates = {
  id: 'mainz',
  title: 'Dijon – Mainz',
  status: 'EXPIRING',
  terms: [{ number: 1, startDate: '2022-01-14', endDate: '2027-01-13' }],
  renewal: { eligible: false, issues: [{}, {}] },
};

describe('upcomingDeadlines', () => {
  it('puts an expiring convention first, with the end of its term and its blockers', () => {
    const deadlines = upcomingDeadlines([founding, mainz], d('2026-11-27'));
    expect(deadlines).toEqual([
      { kind: 'RENEWAL_OPEN', date: '2027-01-13', convention: mainz, blockers: 2 },
    ]);
  });

  it('announces the renewal window (six months before the end, A7) and the end of the term', () => {
    const deadlines = upcomingDeadlines([founding], d('2030-06-15'));
    expect(deadlines.map((deadline) => [deadline.kind, deadline.date])).toEqual([
      ['RENEWAL_WINDOW', '2030-12-02'],
      ['TERM_END', '2031-05-31'],
    ]);
  });

  it('says nothing of drafts, expired conventions, or deadlines beyond the horizon', () => {
    expect(upcomingDeadlines([founding], d('2026-11-27'))).toEqual([]);
    expect(
      upcomingDeadlines(
        [
          { ...founding, id: 'draft', status: 'DRAFT', terms: [] },
          { ...mainz, id: 'old', status: 'EXPIRED' },
        ],
        d('2026-11-27'),
      ),
    ).toEqual([]);
  });

  it('announces the missions leaving within the horizon, and those under way (A5)', () => {
    const withMissions: ConventionDates = {
      ...founding,
      missions: [
        {
          id: 'past',
          departureDate: '2026-04-10',
          returnDate: '2026-04-15',
          purpose: 'Mission passée',
          origin: { name: 'Dijon' },
          host: { name: 'Chefchaouen' },
        },
        {
          id: 'under-way',
          departureDate: '2026-11-25',
          returnDate: '2026-11-30',
          purpose: 'Festival',
          origin: { name: 'Chefchaouen' },
          host: { name: 'Dijon' },
        },
        {
          id: 'soon',
          departureDate: '2027-03-02',
          returnDate: '2027-03-06',
          purpose: 'Mission technique',
          origin: { name: 'Dijon' },
          host: { name: 'Chefchaouen' },
        },
        {
          id: 'far',
          departureDate: '2028-03-02',
          returnDate: '2028-03-06',
          purpose: 'Trop loin',
          origin: { name: 'Dijon' },
          host: { name: 'Chefchaouen' },
        },
      ],
    };
    const deadlines = upcomingDeadlines([withMissions], d('2026-11-27'));
    expect(
      deadlines.map((deadline) =>
        deadline.kind === 'MISSION' ? deadline.mission.id : deadline.kind,
      ),
    ).toEqual(['under-way', 'soon']);
  });

  it('puts last year’s annual evaluation first while it is overdue and not approved (A6)', () => {
    const evaluated = (status: 'DRAFT' | 'APPROVED'): ConventionDates => ({
      ...founding,
      evaluations: [
        { scope: 'ANNUAL', year: 2024, status: 'APPROVED' },
        { scope: 'ANNUAL', year: 2025, status },
      ],
    });
    expect(upcomingDeadlines([evaluated('DRAFT'), mainz], d('2026-11-27'))).toEqual([
      {
        kind: 'ANNUAL_EVALUATION',
        date: '2026-03-31',
        convention: evaluated('DRAFT'),
        year: 2025,
        overdue: true,
      },
      { kind: 'RENEWAL_OPEN', date: '2027-01-13', convention: mainz, blockers: 2 },
    ]);
    expect(upcomingDeadlines([evaluated('APPROVED')], d('2026-11-27'))).toEqual([]);
    // Before 31 March it is due, not late.
    const due = upcomingDeadlines([evaluated('DRAFT')], d('2026-02-01'))[0];
    expect(due).toMatchObject({ kind: 'ANNUAL_EVALUATION', year: 2025, overdue: false });
  });
});
