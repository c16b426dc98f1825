import type { Role } from '../db/tables/account.js';

/**
 * Who is asking: an account signed in through the admin app, or a partner's API token. Both belong
 * to exactly one collectivity, which decides everything they may see (DESIGN.md, "Access").
 */
export interface Viewer {
  readonly kind: 'session' | 'token';
  readonly accountId: number | null;
  /** Present for an API token: audit entries name it. */
  readonly tokenId?: number;
  readonly email: string | null;
  readonly displayName: string;
  readonly role: Role;
  readonly collectivityId: number;
  readonly timeZone: string;
  /** A read-only API token may read everything its collectivity sees and change nothing. */
  readonly canWrite: boolean;
  /**
   * The conventions its collectivity was party to when the request began, read with the token or
   * the session in the same statement (access/visibility.ts); the policy starts from it.
   */
  readonly partyTo?: readonly number[];
  /** Present for a session, to end it on logout. */
  readonly sessionTokenHash?: string;
}
