import { decodeGlobalID } from '@pothos/plugin-relay';
import {
  print,
  valueFromASTUntyped,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { sql } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Viewer } from '../access/viewer.js';
import type { Context } from '../context.js';
import type { Executor } from '../db/database.js';
import { parseDbId } from '../schema/pagination.js';
import { KEPT_ROOTS, keptShapeOf, keptTypes, type KeptRoot, type KeptShape } from './kept-shape.js';

/**
 * Answers kept, per server process, for the queries that read one convention's objects (a
 * convention page, a mission, an evaluation, as kept-shape.ts decides), and handed back while
 * nothing they were computed from has changed. Every request still checks, in one statement, how
 * many changes the convention and the directory have committed (db/migrations/…_change_counts.ts);
 * an answer kept under other counts is computed again. So a kept answer is never
 * older than the last committed change, whichever process or machine made it: the same as
 * computing it, for the cost of the token's lookup and that one statement.
 *
 * An answer is kept for the viewer it was computed for (account or token, role, collectivity and
 * the conventions it is party to), for today's date in its time zone, and for the exact query and
 * variables: nothing one viewer was shown is handed to another.
 */
export interface AnswerCacheOptions {
  /** What the kept answers may take, in characters of their JSON; the least recently used go. */
  readonly maxChars: number;
}

/** What a kept answer was computed from: counts read before it was computed. */
interface Counts {
  readonly conventionId: number;
  readonly changes: number;
  readonly directory: number;
}

interface Kept {
  readonly counts: Counts;
  /** Frozen: no later step of one request can change what the next one is handed. */
  readonly result: ExecutionResult;
  /** Characters of its JSON, for the bound on what is kept. */
  readonly size: number;
}

interface Root {
  readonly type: KeptRoot;
  readonly id: number;
}

export function answerCache(schema: GraphQLSchema, options: AnswerCacheOptions): Plugin<Context> {
  const kept = keptTypes(schema);
  const shapes = new WeakMap<DocumentNode, { shape: KeptShape; text: string } | null>();
  const answers = new LRUCache<string, Kept>({
    maxSize: options.maxChars,
    sizeCalculation: (entry, key) => key.length + entry.size,
  });

  function shapeOf(document: DocumentNode) {
    let known = shapes.get(document);
    if (known === undefined) {
      const shape = keptShapeOf(schema, kept, document);
      known = shape && { shape, text: print(document) };
      shapes.set(document, known);
    }
    return known;
  }

  /** Hands back the kept answer, or keeps the one about to be computed. */
  async function keptOrKeep(
    context: Context,
    root: Root,
    key: string,
    handBack: (result: ExecutionResult) => void,
  ): Promise<{ onExecuteDone(done: { result: unknown }): void } | undefined> {
    const counts = await countsOf(context.db, root);
    // A missing object is answered by executing: its error is never kept.
    if (!counts) return undefined;
    const found = answers.get(key);
    if (found && sameCounts(found.counts, counts)) {
      handBack(found.result);
      return undefined;
    }
    return {
      onExecuteDone({ result }) {
        if (!isKeepable(result)) return;
        const size = JSON.stringify(result).length;
        answers.set(key, { counts, result: deepFreeze(result), size });
      },
    };
  }

  return {
    // Not async: every other query goes on without waiting for a promise.
    onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as Context;
      const variables = args.variableValues as Record<string, unknown> | null | undefined;
      const viewer = context.viewer;
      const known = shapeOf(args.document as DocumentNode);
      if (!viewer || !known) return undefined;
      const root = rootOf(valueFromASTUntyped(known.shape.id, variables ?? undefined));
      if (!root) return undefined;
      const key = [
        viewerKey(viewer),
        context.today,
        args.operationName ?? '',
        JSON.stringify(variables ?? {}),
        known.text,
      ].join('\u0000');
      return keptOrKeep(context, root, key, setResultAndStopExecution);
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/** The object the query starts from, when it is one whose convention we can count. */
function rootOf(id: unknown): Root | null {
  if (typeof id !== 'string') return null;
  try {
    const decoded = decodeGlobalID(id);
    const dbId = parseDbId(decoded.id);
    if (dbId === null || !Object.hasOwn(KEPT_ROOTS, decoded.typename)) return null;
    return { type: decoded.typename as KeptRoot, id: dbId };
  } catch {
    return null;
  }
}

/** The object's convention and how many changes it and the directory have committed; null when it is gone. */
async function countsOf(db: Executor, root: Root): Promise<Counts | null> {
  const { table, conventionColumn } = KEPT_ROOTS[root.type];
  const { rows } = await sql<{
    convention_id: number | null;
    changes: number | null;
    directory: number;
  }>`
    select owner.convention_id, changed.changes, directory.changes as directory
    from directory_change_count directory
    left join (
      select ${sql.ref(conventionColumn)} as convention_id from ${sql.table(table)}
      where id = ${root.id}
    ) owner on true
    left join convention_change_count changed on changed.convention_id = owner.convention_id
  `.execute(db);
  const row = rows[0];
  if (!row || row.convention_id === null) return null;
  // No row yet: the convention has not changed since it was created (or since counting began).
  return { conventionId: row.convention_id, changes: row.changes ?? 0, directory: row.directory };
}

function sameCounts(a: Counts, b: Counts): boolean {
  return (
    a.conventionId === b.conventionId && a.changes === b.changes && a.directory === b.directory
  );
}

/** Who the answer was computed for: everything the access rules decide by. */
function viewerKey(viewer: Viewer): string {
  return [
    viewer.kind,
    viewer.accountId ?? '',
    viewer.tokenId ?? '',
    viewer.role,
    viewer.collectivityId,
    viewer.timeZone,
    viewer.canWrite,
    viewer.partyTo?.join(',') ?? '?',
  ].join('/');
}

/** A whole answer, without errors, that found its object: never an error, never a partial answer. */
function isKeepable(result: unknown): result is ExecutionResult {
  if (!result || typeof result !== 'object' || Symbol.asyncIterator in result) return false;
  const { errors, data } = result as ExecutionResult;
  if (errors?.length || !data) return false;
  return Object.values(data).every((value) => value !== null);
}
