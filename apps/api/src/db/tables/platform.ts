import type { Generated, Selectable } from 'kysely';

export type TokenAccess = 'READ' | 'READ_WRITE';

/** A partner's API token: the secret is shown once, the table keeps its SHA-256. */
export interface ApiTokenTable {
  id: Generated<number>;
  collectivity_id: number;
  created_by: number | null;
  name: string;
  token_hash: string;
  access: TokenAccess;
  created_at: Generated<Date>;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

/** A secret, revocable, read-only address of a collectivity's deadlines as iCalendar. */
export interface CalendarFeedTable {
  id: Generated<number>;
  collectivity_id: number;
  created_by: number | null;
  name: string;
  token_hash: string;
  created_at: Generated<Date>;
  revoked_at: Date | null;
}

/** Who changed what, when, before and after: written in the transaction of the change. */
export interface AuditEntryTable {
  id: Generated<number>;
  at: Generated<Date>;
  convention_id: number | null;
  actor_collectivity_id: number | null;
  actor_account_id: number | null;
  actor_token_id: number | null;
  actor_label: string;
  operation: string;
  subject_type: string;
  subject_id: number | null;
  before: unknown;
  after: unknown;
}

export type ApiTokenRow = Selectable<ApiTokenTable>;
export type CalendarFeedRow = Selectable<CalendarFeedTable>;
export type AuditEntryRow = Selectable<AuditEntryTable>;

/** Changes committed per convention (db/migrations/…_change_counts.ts): kept answers check it. */
export interface ConventionChangeCountTable {
  convention_id: number;
  changes: number;
}

/** Changes committed to the directory: collectivities, organizations, exchange rates. */
export interface DirectoryChangeCountTable {
  single: Generated<boolean>;
  changes: number;
}
