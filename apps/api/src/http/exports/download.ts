import type { Plugin } from 'graphql-yoga';
import { Access } from '../../access/policy.js';
import type { Viewer } from '../../access/viewer.js';
import { viewerOfRequest } from '../../auth/viewer-of-request.js';
import type { Db } from '../../db/database.js';
import { readDatabaseOf, type Databases } from '../../db/read-routing.js';

/**
 * The plain HTTP downloads (exports, calendar feed) answer like GraphQL: the same sign-in, the
 * same access rules, and what the viewer may not see answers exactly like what does not exist.
 * Nothing unexpected leaves as more than "Unexpected error.".
 */

/** A file to hand over: its bytes, media type and the name a browser saves it under. */
export interface Download {
  readonly body: string;
  readonly contentType: string;
  readonly fileName: string;
  /** Shown in the browser rather than saved (a printable report); saved by default. */
  readonly inline?: boolean;
}

/** What a route answers: a file, or NOT_FOUND (answered the same for missing and not visible). */
export type DownloadResult = Download | 'NOT_FOUND';

export interface DownloadRequest {
  readonly request: Request;
  readonly url: URL;
  /** The parts of the path the route's pattern captured. */
  readonly params: readonly string[];
  /** The primary; for a signed-in route, where its viewer reads (db/read-routing.ts). */
  readonly db: Db;
}

export interface SignedInRequest extends DownloadRequest {
  readonly viewer: Viewer;
  /** The one place that decides what the viewer may read (access/policy.ts). */
  readonly access: Access;
}

export type DownloadRoute =
  | {
      readonly pattern: RegExp;
      readonly signIn: true;
      readonly handle: (request: SignedInRequest) => Promise<DownloadResult>;
    }
  | {
      readonly pattern: RegExp;
      /** A route whose secret is in its path (the calendar feed) needs no sign-in. */
      readonly signIn: false;
      readonly handle: (request: DownloadRequest) => Promise<DownloadResult>;
    };

function errorResponse(status: number, code: string, message: string, headers = {}): Response {
  return new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    },
  });
}

/** One body for a missing object and for one the viewer may not see: they cannot be told apart. */
const notFound = (): Response =>
  errorResponse(404, 'NOT_FOUND', 'Nothing to download at this address');

function downloadResponse(download: Download): Response {
  return new Response(download.body, {
    status: 200,
    headers: {
      'content-type': download.contentType,
      'content-disposition': contentDisposition(
        download.fileName,
        download.inline ? 'inline' : 'attachment',
      ),
      // Each file holds what one viewer may see: never kept by a shared cache.
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

/** An ASCII name, and the UTF-8 one for browsers that read RFC 6266's form. */
export function contentDisposition(
  fileName: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** "Convention de partenariat … Chefchaouen" → "convention-de-partenariat-…-chefchaouen", at most 60. */
export function slug(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (words.length <= 60) return words || 'export';
  // Cut between words, not inside one.
  const cut = words.slice(0, 61);
  return cut.slice(0, cut.lastIndexOf('-')) || words.slice(0, 60);
}

/**
 * A Yoga plugin answering GET on each route's path, before GraphQL sees the request: 401 without
 * a viewer (for the routes that need one), 404 for what is missing or not visible, 405 for any
 * other method, 500 with no detail for anything unexpected.
 */
export function downloadRoutes(databases: Databases, routes: readonly DownloadRoute[]): Plugin {
  return {
    async onRequest(payload) {
      const { url, request } = payload;
      for (const route of routes) {
        const match = route.pattern.exec(url.pathname);
        if (!match) continue;
        payload.endResponse(await answer(databases, route, request, url, match.slice(1)));
        return;
      }
    },
  };
}

async function answer(
  databases: Databases,
  route: DownloadRoute,
  request: Request,
  url: URL,
  params: string[],
): Promise<Response> {
  if (request.method !== 'GET') {
    return errorResponse(405, 'METHOD_NOT_ALLOWED', 'Downloads are read with GET', {
      allow: 'GET',
    });
  }
  try {
    const db = databases.primary;
    const plain = { request, url, params: params.map((param) => decodeURIComponent(param)), db };
    let result: DownloadResult;
    if (route.signIn) {
      const viewer = await viewerOfRequest(db, request);
      if (!viewer) {
        return errorResponse(401, 'UNAUTHENTICATED', 'Sign in first, or send an API token', {
          'www-authenticate': 'Bearer',
        });
      }
      const reads = readDatabaseOf(viewer, databases);
      result = await route.handle({
        ...plain,
        db: reads,
        viewer,
        access: new Access(() => reads, viewer),
      });
    } else {
      result = await route.handle(plain);
    }
    return result === 'NOT_FOUND' ? notFound() : downloadResponse(result);
  } catch (error) {
    if (error instanceof URIError) return notFound();
    // Logged for the operators; the client learns nothing of the cause.
    console.error(`GET ${url.pathname} failed:`, error);
    return errorResponse(500, 'INTERNAL', 'Unexpected error.');
  }
}
