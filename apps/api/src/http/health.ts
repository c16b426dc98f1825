import { sql } from 'kysely';
import type { Plugin } from 'graphql-yoga';
import type { Db } from '../db/database.js';

/** GET /health: the server is up, and whether the database answers. */
export function healthRoute(db: Db): Plugin {
  return {
    async onRequest(payload) {
      const { url, request, fetchAPI } = payload;
      if (url.pathname !== '/health' || request.method !== 'GET') return;
      let database = 'ok';
      try {
        await sql`select 1`.execute(db);
      } catch {
        database = 'unreachable';
      }
      payload.endResponse(
        new fetchAPI.Response(
          JSON.stringify({ status: database === 'ok' ? 'ok' : 'degraded', database }),
          {
            status: database === 'ok' ? 200 : 503,
            headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
          },
        ),
      );
    },
  };
}
