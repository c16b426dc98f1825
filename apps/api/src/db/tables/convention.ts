import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { DeliberationKind } from '@coop/domain';

export interface ConventionTable {
  id: Generated<number>;
  title: string;
  object: string;
  preamble: string;
  duration_years: number;
  signature_place: string | null;
  /** ISO date string (the driver is told not to turn dates into Date objects). */
  signature_date: string | null;
  signature_originals: number | null;
  /** The currency budgets of the convention are totalled in (A4.6). */
  reporting_currency: Generated<string>;
  /** Budget policy: a co-funder's largest share of an action's total (A4.3); null for no cap. */
  funder_cap_percent: Generated<number | null>;
  /** Budget policy: each party's smallest share; 0 means "above zero" (A4.2). */
  minimum_party_share_percent: Generated<number>;
  /** Optimistic concurrency: every edit bumps it, a stale one is refused. */
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** A collectivity bound by a convention, and who signs for it. */
export interface ConventionPartyTable {
  convention_id: number;
  collectivity_id: number;
  /** Order in which the text names the parties ("d'une part… d'autre part"). */
  position: number;
  signatory_name: string | null;
  signatory_office: string | null;
}

export interface DeliberationTable {
  id: Generated<number>;
  convention_id: number;
  collectivity_id: number;
  kind: DeliberationKind;
  body: string;
  date: string;
  reference: string | null;
  subject: string;
  created_at: Generated<Date>;
}

/** A renewal the parties decided (A7): each row opens one more term. */
export interface RenewalTable {
  id: Generated<number>;
  convention_id: number;
  /** The number of the term it opens: 2 for the first renewal. */
  term_number: number;
  decided_on: string;
  created_at: Generated<Date>;
}

export interface AxisTable {
  id: Generated<number>;
  convention_id: number;
  position: number;
  title: string;
  description: string;
  period_start: string;
  period_end: string;
  version: Generated<number>;
}

export type ConventionRow = Selectable<ConventionTable>;
export type NewConvention = Insertable<ConventionTable>;
export type ConventionUpdate = Updateable<ConventionTable>;
export type ConventionPartyRow = Selectable<ConventionPartyTable>;
export type DeliberationRow = Selectable<DeliberationTable>;
export type NewDeliberation = Insertable<DeliberationTable>;
export type RenewalRow = Selectable<RenewalTable>;
export type AxisRow = Selectable<AxisTable>;
export type NewAxis = Insertable<AxisTable>;
