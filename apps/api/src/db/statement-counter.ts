import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

/**
 * Counts the SQL statements one request sends: tests assert that a nested query costs the same
 * number of statements however many items it returns, and the load benchmark reports it.
 * Counted as they answer, not as they are built: Kysely also hands every subquery
 * (`where id in (select …)`) to `transformQuery`, which would count it as a statement of its own.
 */
export class StatementCounter implements KyselyPlugin {
  #count = 0;

  get count(): number {
    return this.#count;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.#count++;
    return Promise.resolve(args.result);
  }
}
