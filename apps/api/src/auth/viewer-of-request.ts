import type { Viewer } from '../access/viewer.js';
import type { Db } from '../db/database.js';
import { bearerToken, viewerFromApiToken } from './api-token.js';
import { readCookie, SESSION_COOKIE, viewerFromSession } from './session.js';

/**
 * Who sends a request, for GraphQL and for every download alike: a partner's API token first,
 * else the admin app's session cookie; null for nobody.
 */
export async function viewerOfRequest(db: Db, request: Request): Promise<Viewer | null> {
  const token = bearerToken(request);
  if (token) return viewerFromApiToken(db, token);
  const session = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
  return session ? viewerFromSession(db, session) : null;
}
