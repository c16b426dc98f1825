import { ACTION_STATUSES, type ActionStatus } from '@coop/domain';

/**
 * A convention's actions filtered by status and axis, kept in the URL so that a filtered list can
 * be shared: `?status=PLANNED,IN_PROGRESS&axis=QXhpczox`. The API lists a convention's actions
 * without filters (a convention holds tens of them): the list is filtered here.
 */
export interface ActionListFilter {
  readonly statuses: readonly ActionStatus[];
  readonly axisId: string;
}

export function actionFilterFromSearch(search: string): ActionListFilter {
  const params = new URLSearchParams(search);
  const asked = (params.get('status') ?? '').split(',').map((value) => value.trim().toUpperCase());
  return {
    // In the order of an action's life, without repeats, whatever the URL said.
    statuses: ACTION_STATUSES.filter((status) => asked.includes(status)),
    axisId: params.get('axis')?.trim() ?? '',
  };
}

/** The URL's query for these filters; other parameters (`lang`…) stay, empty filters go. */
export function searchFromActionFilter(filter: ActionListFilter, current = ''): string {
  const params = new URLSearchParams(current);
  const statuses = ACTION_STATUSES.filter((status) => filter.statuses.includes(status)).join(',');
  if (statuses) params.set('status', statuses);
  else params.delete('status');
  if (filter.axisId) params.set('axis', filter.axisId);
  else params.delete('axis');
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function matchesActionFilter(
  action: { readonly status: ActionStatus; readonly axis: { readonly id: string } },
  filter: ActionListFilter,
): boolean {
  return (
    (filter.statuses.length === 0 || filter.statuses.includes(action.status)) &&
    (!filter.axisId || action.axis.id === filter.axisId)
  );
}
