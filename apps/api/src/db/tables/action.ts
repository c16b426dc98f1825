import type { Generated, Insertable, Selectable } from 'kysely';

export type ActionStatus = 'PLANNED' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED';
export type ContributionKind = 'PARTY_CASH' | 'PARTY_IN_KIND' | 'FUNDER';
export type FundingStatus = 'REQUESTED' | 'GRANTED' | 'RECEIVED';
export type OrganizationKind =
  | 'GOVERNMENT'
  | 'MULTILATERAL'
  | 'PUBLIC_BODY'
  | 'ASSOCIATION'
  | 'UNIVERSITY'
  | 'COMPANY'
  | 'OTHER';
export type ParticipatoryActivityKind = 'INFORMATION' | 'CONSULTATION' | 'COLLABORATION';

/** A concrete project under one axis (A2, A4). */
export interface ActionTable {
  id: Generated<number>;
  convention_id: number;
  axis_id: number;
  title: string;
  description: Generated<string>;
  status: Generated<ActionStatus>;
  start_date: string | null;
  end_date: string | null;
  /** OECD DAC 5-digit purpose code, for the IATI export. */
  dac_sector: string | null;
  version: Generated<number>;
  budget_version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** The agreement fixing one action's budget (A4.1). */
export interface SpecificConventionTable {
  id: Generated<number>;
  action_id: number;
  reference: string;
  signed_on: string | null;
  version: Generated<number>;
}

export interface ExpenseLineTable {
  id: Generated<number>;
  action_id: number;
  category: string;
  label: string;
  /** Minor units of `currency`. */
  amount: bigint;
  currency: string;
  executed_amount: bigint | null;
  executed_on: string | null;
  year: number | null;
  version: Generated<number>;
}

/** A party's cash or in-kind contribution, or a co-funder's (A4.2, A4.3). */
export interface ContributionTable {
  id: Generated<number>;
  action_id: number;
  kind: ContributionKind;
  collectivity_id: number | null;
  organization_id: number | null;
  amount: bigint;
  currency: string;
  description: Generated<string>;
  funding_status: FundingStatus | null;
  year: number | null;
  executed_amount: bigint | null;
  executed_on: string | null;
  version: Generated<number>;
}

/** Municipal staff time, valued as the employer's in-kind contribution (A5). */
export interface StaffAssignmentTable {
  id: Generated<number>;
  action_id: number;
  collectivity_id: number;
  role: Generated<string>;
  /** numeric(8,2): read back as its exact decimal string. */
  days: string;
  daily_cost: bigint;
  currency: string;
  year: number | null;
  executed_days: string | null;
  executed_on: string | null;
  version: Generated<number>;
}

export interface OrganizationTable {
  id: Generated<number>;
  name: string;
  country_code: string | null;
  kind: OrganizationKind;
  iati_identifier: string | null;
  created_at: Generated<Date>;
}

/** An institution associated to an action, with its role (A3). */
export interface ActionOrganizationTable {
  id: Generated<number>;
  action_id: number;
  organization_id: number;
  role: string;
}

/** Information, consultation or collaboration with civil society (A3). */
export interface ParticipatoryActivityTable {
  id: Generated<number>;
  action_id: number;
  kind: ParticipatoryActivityKind;
  date: string;
  audience: string;
  participants: number;
  description: Generated<string>;
}

export type ActionRow = Selectable<ActionTable>;
export type NewAction = Insertable<ActionTable>;
export type SpecificConventionRow = Selectable<SpecificConventionTable>;
export type ExpenseLineRow = Selectable<ExpenseLineTable>;
export type ContributionRow = Selectable<ContributionTable>;
export type StaffAssignmentRow = Selectable<StaffAssignmentTable>;
export type OrganizationRow = Selectable<OrganizationTable>;
export type ActionOrganizationRow = Selectable<ActionOrganizationTable>;
export type ParticipatoryActivityRow = Selectable<ParticipatoryActivityTable>;
