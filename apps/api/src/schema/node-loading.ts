import { parseDbId } from './pagination.js';

/**
 * Node keys arrive as strings (from a global ID) or numbers (from a foreign key): one cache entry
 * for both.
 */
export const NODE_LOADER_OPTIONS = { cacheKeyFn: (key: string | number) => String(key) };

/**
 * Loads the rows for a batch of node keys and answers in the keys' order, null for every key that
 * is malformed, missing or not visible: the three look the same from outside.
 */
export async function loadByDbIds<Row extends { id: number }>(
  keys: readonly (string | number)[],
  load: (ids: number[]) => Promise<readonly Row[]>,
): Promise<(Row | null)[]> {
  const ids = keys.map(parseDbId);
  const valid = [...new Set(ids.filter((id): id is number => id !== null))];
  const rows = valid.length > 0 ? await load(valid) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => (id === null ? null : (byId.get(id) ?? null)));
}
