/**
 * The conventions list's filters, kept in the URL so that a filtered list can be shared and
 * comes back with the browser's Back button: `?q=jeunesse&status=IN_FORCE,EXPIRING&country=MA`.
 */
export const CONVENTION_STATUSES = ['DRAFT', 'IN_FORCE', 'EXPIRING', 'EXPIRED'] as const;
export type ConventionStatusName = (typeof CONVENTION_STATUSES)[number];

export interface ConventionListFilter {
  readonly search: string;
  readonly statuses: readonly ConventionStatusName[];
  readonly partnerCountry: string;
  readonly axis: string;
}

export const NO_FILTER: ConventionListFilter = {
  search: '',
  statuses: [],
  partnerCountry: '',
  axis: '',
};

const PARAMS = { search: 'q', statuses: 'status', partnerCountry: 'country', axis: 'axis' };

function isStatus(value: string): value is ConventionStatusName {
  return (CONVENTION_STATUSES as readonly string[]).includes(value);
}

export function filterFromSearch(search: string): ConventionListFilter {
  const params = new URLSearchParams(search);
  const statuses = (params.get(PARAMS.statuses) ?? '')
    .split(',')
    .map((value) => value.trim().toUpperCase())
    .filter(isStatus);
  const country = (params.get(PARAMS.partnerCountry) ?? '').trim().toUpperCase();
  return {
    search: params.get(PARAMS.search)?.trim() ?? '',
    // In the order of the status' life, without repeats, whatever the URL said.
    statuses: CONVENTION_STATUSES.filter((status) => statuses.includes(status)),
    partnerCountry: /^[A-Z]{2}$/.test(country) ? country : '',
    axis: params.get(PARAMS.axis)?.trim() ?? '',
  };
}

/**
 * The URL's query for these filters. Parameters that are not filters (`lang`…) are kept; empty
 * filters leave no trace.
 */
export function searchFromFilter(filter: ConventionListFilter, current = ''): string {
  const params = new URLSearchParams(current);
  const values: Record<keyof typeof PARAMS, string> = {
    search: filter.search.trim(),
    statuses: CONVENTION_STATUSES.filter((status) => filter.statuses.includes(status)).join(','),
    partnerCountry: filter.partnerCountry.trim().toUpperCase(),
    axis: filter.axis.trim(),
  };
  for (const [key, name] of Object.entries(PARAMS) as [keyof typeof PARAMS, string][]) {
    if (values[key]) params.set(name, values[key]);
    else params.delete(name);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The API's ConventionFilter, or null when nothing filters (the plain, cheaper list). */
export function apiFilterOf(filter: ConventionListFilter): {
  search?: string;
  status?: ConventionStatusName[];
  partnerCountry?: string;
  axis?: string;
} | null {
  const api = {
    ...(filter.search ? { search: filter.search } : {}),
    ...(filter.statuses.length ? { status: [...filter.statuses] } : {}),
    ...(filter.partnerCountry ? { partnerCountry: filter.partnerCountry } : {}),
    ...(filter.axis ? { axis: filter.axis } : {}),
  };
  return Object.keys(api).length ? api : null;
}

export function isFiltered(filter: ConventionListFilter): boolean {
  return apiFilterOf(filter) !== null;
}
