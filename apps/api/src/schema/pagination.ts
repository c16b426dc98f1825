import type { MaybePromise } from './settled-loader.js';
import { GraphQLError } from 'graphql';

/** A page is at most this long: a larger `first` is refused, not silently cut. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** Cursors are opaque to clients; inside, the keyset position of the last row of the page. */
export function encodeCursor(id: number): string {
  return Buffer.from(`cursor:${id}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^cursor:(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badInput(`"${cursor}" is not a cursor of this connection`);
  return Number(match[1]);
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

export function readPageArgs(args: PageArgs): { limit: number; afterId: number | null } {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0) throw badInput('first must be zero or more');
  if (first > MAX_PAGE_SIZE)
    throw badInput(`first may be at most ${MAX_PAGE_SIZE}; page with after`);
  return { limit: first, afterId: args.after ? decodeCursor(args.after) : null };
}

export interface Page<Node> {
  edges: { cursor: string; node: Node }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: () => MaybePromise<number>;
}

/**
 * A connection page from rows fetched with limit + 1 (the extra row only says that more follow).
 * totalCount is counted only when a client selects it.
 */
export function pageOf<Row extends { id: number }>(
  rows: readonly Row[],
  page: { limit: number; afterId: number | null },
  totalCount: () => MaybePromise<number>,
): Page<Row> {
  const edges = rows.slice(0, page.limit).map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: page.afterId !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/** A database ID from the local part of a global ID; null when it cannot be one (so: not found). */
export function parseDbId(id: string | number): number | null {
  const value = typeof id === 'number' ? id : /^\d{1,10}$/.test(id) ? Number(id) : NaN;
  return Number.isSafeInteger(value) && value > 0 && value <= 2_147_483_647 ? value : null;
}
