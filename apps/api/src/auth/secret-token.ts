import { createHash, randomBytes } from 'node:crypto';

/**
 * Session cookies and API tokens are random secrets handed to the client once; the database keeps
 * only their SHA-256, so a leaked table opens no session. (A fast hash is right here: the secret has
 * 256 bits of entropy, unlike a password.)
 */
export function newSecretToken(prefix: string): { token: string; hash: string } {
  const token = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashSecretToken(token) };
}

export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
