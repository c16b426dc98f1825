import { requireDbId } from './global-id.js';

/**
 * The database ID behind a global ID that an input gives as a reference (a payer, an action, an
 * axis): null when it names nothing of that type, so that the input check reports it on its own
 * field instead of answering NotFoundError for the whole mutation.
 */
export function referencedDbId(globalId: string, typename: string): number | null {
  try {
    return requireDbId(globalId, typename);
  } catch {
    return null;
  }
}
