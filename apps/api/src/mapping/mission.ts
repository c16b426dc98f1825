import {
  asId,
  type CollectivityId,
  type Delegate,
  type IsoDate,
  type Mission,
  type MissionCost,
  type MissionCostCategory,
} from '@coop/domain';
import type { DelegateRow, MissionCostRow, MissionRow } from '../db/tables/mission.js';
import { money } from './budget.js';

/** Rows → the domain's values for the shared-cost rule (A4.5, A5). Every rule itself is in @coop/domain. */
export function collectivityIdOf(id: number): CollectivityId {
  return asId<'Collectivity'>(id);
}

export function delegateOf(row: Pick<DelegateRow, 'name' | 'category'>): Delegate {
  return { name: row.name, category: row.category };
}

/** A stored payer is always an exception to the rule, with its written reason (A4.5). */
export function missionCostOf(
  row: Pick<
    MissionCostRow,
    'category' | 'label' | 'amount' | 'currency' | 'payer_collectivity_id' | 'exception_reason'
  >,
): MissionCost {
  return {
    category: row.category as MissionCostCategory,
    label: row.label,
    amount: money(row.amount, row.currency),
    payerOverride:
      row.payer_collectivity_id === null
        ? null
        : {
            payer: collectivityIdOf(row.payer_collectivity_id),
            reason: row.exception_reason ?? '',
          },
  };
}

export function missionOf(
  row: Pick<
    MissionRow,
    | 'id'
    | 'origin_collectivity_id'
    | 'host_collectivity_id'
    | 'departure_date'
    | 'return_date'
    | 'purpose'
    | 'action_id'
  >,
  delegates: readonly Pick<DelegateRow, 'name' | 'category'>[],
  costs: readonly Parameters<typeof missionCostOf>[0][],
): Mission {
  return {
    id: asId<'Mission'>(row.id),
    origin: collectivityIdOf(row.origin_collectivity_id),
    host: collectivityIdOf(row.host_collectivity_id),
    departureDate: row.departure_date as IsoDate,
    returnDate: row.return_date as IsoDate,
    purpose: row.purpose,
    actionId: row.action_id === null ? null : asId<'Action'>(row.action_id),
    delegates: delegates.map(delegateOf),
    costs: costs.map(missionCostOf),
  };
}
