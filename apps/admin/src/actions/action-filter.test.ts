import { describe, expect, it } from 'vitest';
import {
  actionFilterFromSearch,
  matchesActionFilter,
  searchFromActionFilter,
} from './action-filter.js';

describe('the actions list’s filters in the URL', () => {
  it('reads the statuses in the order of an action’s life, without repeats or unknowns', () => {
    expect(
      actionFilterFromSearch('?status=in_progress,PLANNED,PLANNED,SLEEPING&axis=QXhpczox'),
    ).toEqual({ statuses: ['PLANNED', 'IN_PROGRESS'], axisId: 'QXhpczox' });
    expect(actionFilterFromSearch('')).toEqual({ statuses: [], axisId: '' });
  });

  it('writes them back, keeping the language and leaving no trace of empty filters', () => {
    expect(
      searchFromActionFilter({ statuses: ['IN_PROGRESS', 'PLANNED'], axisId: '' }, '?lang=ar'),
    ).toBe('?lang=ar&status=PLANNED%2CIN_PROGRESS');
    expect(searchFromActionFilter({ statuses: [], axisId: '' }, '?status=PLANNED')).toBe('');
  });

  it('keeps the actions of the chosen statuses and axis', () => {
    const youth = { status: 'PLANNED' as const, axis: { id: 'youth' } };
    const culture = { status: 'IN_PROGRESS' as const, axis: { id: 'culture' } };
    const filter = { statuses: ['PLANNED' as const], axisId: '' };
    expect([youth, culture].filter((action) => matchesActionFilter(action, filter))).toEqual([
      youth,
    ]);
    expect(matchesActionFilter(culture, { statuses: [], axisId: 'culture' })).toBe(true);
    expect(matchesActionFilter(culture, { statuses: [], axisId: 'youth' })).toBe(false);
  });
});
