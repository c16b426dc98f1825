import { decodeGlobalID } from '@pothos/plugin-relay';
import { NotFoundError } from '../errors.js';
import { parseDbId } from './pagination.js';

/**
 * The database ID behind a global ID of the given type. A malformed ID, an ID of another type and
 * an ID of an object the viewer may not see all end as NotFoundError: the client cannot tell them
 * apart.
 */
export function requireDbId(globalId: string, typename: string): number {
  try {
    const decoded = decodeGlobalID(globalId);
    const id = decoded.typename === typename ? parseDbId(decoded.id) : null;
    if (id !== null) return id;
  } catch {
    // a malformed ID is answered like a missing object
  }
  throw new NotFoundError();
}
