import { useGraphQlJit } from '@envelop/graphql-jit';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { IncomingMessage } from 'node:http';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { answerCache, type AnswerCacheOptions } from './answer-cache/answer-cache.js';
import { viewerOfRequest } from './auth/viewer-of-request.js';
import { createContext, type Context } from './context.js';
import type { Db } from './db/database.js';
import { readDatabaseOf, type Databases } from './db/read-routing.js';
import { StatementCounter } from './db/statement-counter.js';
import { bodyLimit } from './http/body-limit.js';
import { healthRoute } from './http/health.js';
import { exportRoutes } from './http/exports/index.js';
import { calendarRoute } from './http/calendar.js';
import { schema } from './schema/index.js';

/** What the HTTP layer hands to each request: the Node request when bound to a socket. */
export interface ServerContext {
  req?: IncomingMessage;
  /** Tests, which call yoga.fetch with no socket, say who is calling here. */
  remoteAddress?: string;
}

export interface AppOptions {
  /** The primary: every write and every sign-in. */
  readonly db: Db;
  /** A streaming replica for the reads of read-only API tokens (db/read-routing.ts). */
  readonly replica?: Db | null;
  /** Secure cookies and no GraphiQL in production. */
  readonly production?: boolean;
  /** Adds the x-coop-sql-statements header to every response (tests, benchmarks). */
  readonly exposeSqlCount?: boolean;
  /** Keeps the answers of single-convention queries while their convention has not changed. */
  readonly answerCache?: AnswerCacheOptions | null;
}

/** The header every browser request must carry (CSRF prevention); urql sets it in the admin app. */
export const CSRF_HEADER = 'x-coop-csrf';

export type App = YogaServerInstance<ServerContext, Context>;

/** The context of each request, for what the response must carry once execution is done. */
const contextByRequest = new WeakMap<Request, Context>();

/** Carries the cookies a mutation set (login, logout), and on request the statement count. */
function responseHeaders(exposeSqlCount: boolean): Plugin {
  return {
    onResponse({ request, response }) {
      const context = contextByRequest.get(request);
      if (!context) return;
      for (const cookie of context.responseCookies) response.headers.append('set-cookie', cookie);
      if (exposeSqlCount) response.headers.set(SQL_COUNT_HEADER, String(context.statements.count));
    },
  };
}

/** How many SQL statements the request sent (with `exposeSqlCount`, for tests and benchmarks). */
export const SQL_COUNT_HEADER = 'x-coop-sql-statements';

/**
 * The whole API as one Yoga instance: GraphQL at /graphql, plus the plain HTTP routes. main.ts only
 * binds it to a port; tests call `app.fetch(...)` with no socket at all.
 */
export function createApp(options: AppOptions): App {
  const { db } = options;
  const databases: Databases = { primary: db, replica: options.replica ?? null };
  const production = options.production ?? false;
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    // Unexpected errors reach the client as "Unexpected error." only: no stack, no SQL.
    maskedErrors: true,
    graphiql: !production,
    landingPage: false,
    // Yoga's bare liveness probe moves aside: /health is ours and also checks the database.
    healthCheckEndpoint: '/health/live',
    // Partners' browser tools may call with a token from any origin, never with our cookie:
    // without Allow-Credentials, browsers do not send or expose credentialed cross-origin calls.
    cors: {
      origin: '*',
      credentials: false,
      allowedHeaders: ['content-type', 'authorization', CSRF_HEADER],
    },
    batching: false,
    // bodyLimit() below already refuses large bodies, counting bytes only when no length is
    // declared; Yoga's own limit would pipe every body through a stream that counts it.
    maxRequestBodySize: false,
    logging: production ? 'info' : 'warn',
    context: async ({ request, req, remoteAddress }) => {
      // The sign-in lookup is one of the request's statements too.
      const statements = new StatementCounter();
      const viewer = await viewerOfRequest(db.withPlugin(statements), request);
      const context = createContext({
        db,
        reads: readDatabaseOf(viewer, databases),
        statements,
        viewer,
        remoteAddress: remoteAddress ?? req?.socket.remoteAddress ?? 'unknown',
        secureCookies: production,
      });
      contextByRequest.set(request, context);
      return context;
    },
    plugins: [
      healthRoute(databases),
      exportRoutes(databases),
      calendarRoute(databases),
      bodyLimit(),
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      EnvelopArmorPlugin({
        maxDepth: { n: 12 },
        // Depth-weighted (×1.5 a level): a partner dashboard of 20 conventions × 20 actions with
        // budgets costs ~0.5 M; page sizes (≤ 100) and depth (≤ 12) bound the rest.
        costLimit: { maxCost: 1_500_000 },
        maxAliases: { n: 20 },
        maxDirectives: { n: 20 },
        maxTokens: { n: 5_000 },
        blockFieldSuggestion: { enabled: true },
      }),
      responseHeaders(options.exposeSqlCount ?? false),
      ...(options.answerCache ? [answerCache(schema, options.answerCache)] : []),
      // Operations compiled to plain JavaScript once, then cached: the executor's per-field work
      // is most of a large answer's cost (bench/ and docs/performance.md).
      useGraphQlJit(),
    ],
  });
}
