import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import sirv from 'sirv';
import type { App } from './yoga.js';

/** Paths the API answers; everything else is the admin app. */
const API_PATHS = /^\/(graphql|health|exports|calendar)(\/|$|\?)/;

/**
 * One port for everything: the API routes go to Yoga, the rest to the built admin app, whose
 * client-side routes all fall back to its index.html.
 */
export function createHttpServer(app: App, adminDist: string): Server {
  const admin = existsSync(adminDist)
    ? sirv(adminDist, { single: true, etag: true, gzip: true })
    : null;
  return createServer((req, res) => {
    if (API_PATHS.test(req.url ?? '/') || !admin) {
      void app(req, res);
      return;
    }
    // A file removed after start-up (the admin app rebuilt in place) fails its read stream after
    // the headers went out: cut that one response instead of letting the stream's unhandled error
    // end the process.
    res.once('pipe', (source) => {
      source.once('error', () => res.destroy());
    });
    admin(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
}
