import { sql } from 'kysely';
import type { Plugin } from 'graphql-yoga';
import type { Db } from '../db/database.js';
import type { Databases } from '../db/read-routing.js';

async function answers(db: Db): Promise<'ok' | 'unreachable'> {
  try {
    await sql`select 1`.execute(db);
    return 'ok';
  } catch {
    return 'unreachable';
  }
}

/**
 * GET /health: the server is up, and whether its databases answer (the replica too, when there is
 * one: a server whose partners' reads fail is not healthy).
 */
export function healthRoute(databases: Databases): Plugin {
  return {
    async onRequest(payload) {
      const { url, request, fetchAPI } = payload;
      if (url.pathname !== '/health' || request.method !== 'GET') return;
      const [database, replica] = await Promise.all([
        answers(databases.primary),
        databases.replica ? answers(databases.replica) : undefined,
      ]);
      const healthy = database === 'ok' && (replica ?? 'ok') === 'ok';
      payload.endResponse(
        new fetchAPI.Response(
          JSON.stringify({
            status: healthy ? 'ok' : 'degraded',
            database,
            ...(replica ? { replica } : {}),
          }),
          {
            status: healthy ? 200 : 503,
            headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
          },
        ),
      );
    },
  };
}
