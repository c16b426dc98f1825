import type { Viewer } from '../access/viewer.js';
import type { Db } from '../db/database.js';
import { deleteSession, findSessionAccount, insertSession } from '../repositories/account.js';
import { hashSecretToken, newSecretToken } from './secret-token.js';

export const SESSION_COOKIE = 'coop_session';
/** A working day and then some: staff sign in each morning. */
export const SESSION_HOURS = 12;

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}

export function sessionCookie(token: string, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${SESSION_HOURS * 3600}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return [
    `${SESSION_COOKIE}=`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    'Max-Age=0',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export async function openSession(db: Db, accountId: number): Promise<string> {
  const { token, hash } = newSecretToken('coops');
  await insertSession(db, {
    accountId,
    tokenHash: hash,
    expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000),
  });
  return token;
}

export async function closeSession(db: Db, tokenHash: string): Promise<void> {
  await deleteSession(db, tokenHash);
}

/** The viewer behind a session cookie, or null (no cookie, unknown, expired, disabled account). */
export async function viewerFromSession(db: Db, token: string): Promise<Viewer | null> {
  const tokenHash = hashSecretToken(token);
  const account = await findSessionAccount(db, tokenHash);
  if (!account) return null;
  return {
    kind: 'session',
    accountId: account.accountId,
    email: account.email,
    displayName: account.displayName,
    role: account.role,
    collectivityId: account.collectivityId,
    timeZone: account.timeZone,
    canWrite: true,
    partyTo: account.partyTo,
    sessionTokenHash: tokenHash,
  };
}
