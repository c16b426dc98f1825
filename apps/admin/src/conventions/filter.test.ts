import { describe, expect, it } from 'vitest';
import {
  apiFilterOf,
  filterFromSearch,
  isFiltered,
  NO_FILTER,
  searchFromFilter,
} from './filter.js';

describe('the conventions filter in the URL', () => {
  it('reads a shared link', () => {
    expect(
      filterFromSearch('?q=Chefchaouen&status=IN_FORCE,EXPIRING&country=ma&axis=jeunesse'),
    ).toEqual({
      search: 'Chefchaouen',
      statuses: ['IN_FORCE', 'EXPIRING'],
      partnerCountry: 'MA',
      axis: 'jeunesse',
    });
  });

  it('ignores what is not a status or a country code', () => {
    expect(filterFromSearch('?status=SIGNED,expired,,EXPIRED&country=Maroc')).toEqual({
      ...NO_FILTER,
      statuses: ['EXPIRED'],
    });
  });

  it('writes the filters and keeps the language of a shared link', () => {
    expect(
      searchFromFilter(
        { search: ' Mayence ', statuses: ['EXPIRING', 'DRAFT'], partnerCountry: 'de', axis: '' },
        '?lang=ar&axis=culture',
      ),
    ).toBe('?lang=ar&q=Mayence&status=DRAFT%2CEXPIRING&country=DE');
  });

  it('leaves no query for no filter', () => {
    expect(searchFromFilter(NO_FILTER, '?q=old')).toBe('');
    expect(isFiltered(NO_FILTER)).toBe(false);
  });

  it('comes back unchanged from the URL it writes', () => {
    const filter = {
      search: 'coopération',
      statuses: ['IN_FORCE' as const],
      partnerCountry: 'MA',
      axis: 'Éducation & jeunesse',
    };
    expect(filterFromSearch(searchFromFilter(filter))).toEqual(filter);
  });

  it('asks the API only for the filters set, and for none at all without filters', () => {
    expect(apiFilterOf(NO_FILTER)).toBeNull();
    expect(apiFilterOf({ ...NO_FILTER, statuses: ['EXPIRING'], partnerCountry: 'DE' })).toEqual({
      status: ['EXPIRING'],
      partnerCountry: 'DE',
    });
  });
});
