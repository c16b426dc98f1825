import type { Viewer } from '../access/viewer.js';
import type { Db } from '../db/database.js';
import { findLiveToken, touchToken } from '../repositories/api-token.js';
import { hashSecretToken } from './secret-token.js';

/** "Last used" is kept to the minute: no write on every request of a busy partner. */
const LAST_USE_RESOLUTION_MS = 60_000;

/**
 * The viewer behind `Authorization: Bearer coopt_…`: the token's collectivity, reading only
 * (role VIEWER) or reading and writing (role EDITOR); never administering.
 */
export async function viewerFromApiToken(db: Db, token: string): Promise<Viewer | null> {
  const holder = await findLiveToken(db, hashSecretToken(token));
  if (!holder) return null;
  if (!holder.lastUsedAt || Date.now() - holder.lastUsedAt.getTime() > LAST_USE_RESOLUTION_MS) {
    await touchToken(db, holder.tokenId);
  }
  return {
    kind: 'token',
    accountId: null,
    tokenId: holder.tokenId,
    email: null,
    displayName: holder.name,
    role: holder.access === 'READ_WRITE' ? 'EDITOR' : 'VIEWER',
    collectivityId: holder.collectivityId,
    timeZone: holder.timeZone,
    canWrite: holder.access === 'READ_WRITE',
    partyTo: holder.partyTo,
  };
}

export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}
