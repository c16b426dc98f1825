import type { Generated, Insertable, Selectable } from 'kysely';

export type Role = 'VIEWER' | 'EDITOR' | 'ADMIN' | 'PLATFORM_ADMIN';

/** A person who signs in to the admin app; belongs to one collectivity. */
export interface AccountTable {
  id: Generated<number>;
  collectivity_id: number;
  email: string;
  display_name: string;
  /** scrypt, self-describing: see auth/password.ts. */
  password_hash: string;
  role: Role;
  created_at: Generated<Date>;
  disabled_at: Date | null;
}

/** A signed-in browser: the cookie carries the secret, the table only its SHA-256. */
export interface SessionTable {
  id: Generated<number>;
  account_id: number;
  token_hash: string;
  created_at: Generated<Date>;
  expires_at: Date;
}

/** Failed sign-ins, counted per account and per address to slow down password guessing. */
export interface LoginAttemptTable {
  id: Generated<number>;
  email: string;
  address: string;
  attempted_at: Generated<Date>;
}

export type AccountRow = Selectable<AccountTable>;
export type NewAccount = Insertable<AccountTable>;
export type SessionRow = Selectable<SessionTable>;
