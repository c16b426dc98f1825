import type { Generated, Selectable } from 'kysely';

export type DelegateCategory = 'ELECTED' | 'TECHNICIAN' | 'YOUTH' | 'ARTIST' | 'OTHER';

/** A trip from one party's city to another's (A5). */
export interface MissionTable {
  id: Generated<number>;
  convention_id: number;
  action_id: number | null;
  origin_collectivity_id: number;
  host_collectivity_id: number;
  departure_date: string;
  return_date: string;
  purpose: string;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface DelegateTable {
  id: Generated<number>;
  mission_id: number;
  name: string;
  category: DelegateCategory;
  position: Generated<string>;
}

/** A cost line of a mission; its payer follows the shared-cost rule unless an exception is written (A4.5). */
export interface MissionCostTable {
  id: Generated<number>;
  mission_id: number;
  category: string;
  label: Generated<string>;
  amount: bigint;
  currency: string;
  payer_collectivity_id: number | null;
  exception_reason: string | null;
}

export type MissionRow = Selectable<MissionTable>;
export type DelegateRow = Selectable<DelegateTable>;
export type MissionCostRow = Selectable<MissionCostTable>;
