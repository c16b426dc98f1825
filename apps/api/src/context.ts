import { today, type IsoDate } from '@coop/domain';
import { Access } from './access/policy.js';
import type { Viewer } from './access/viewer.js';
import type { Db } from './db/database.js';

/** What every resolver of one request shares. A fresh one per request: loaders cache per request. */
export interface Context {
  readonly db: Db;
  readonly viewer: Viewer | null;
  readonly access: Access;
  /** Today in the viewer's collectivity's time zone: statuses and deadlines are computed for it. */
  readonly today: IsoDate;
  /** The caller's network address, for rate limiting sign-ins. */
  readonly remoteAddress: string;
  readonly secureCookies: boolean;
  /** Set-Cookie values the response must carry (login, logout). */
  readonly responseCookies: string[];
}

export function createContext(options: {
  db: Db;
  viewer: Viewer | null;
  remoteAddress: string;
  secureCookies: boolean;
}): Context {
  return {
    db: options.db,
    viewer: options.viewer,
    access: new Access(options.db, options.viewer),
    today: today(options.viewer?.timeZone ?? 'UTC'),
    remoteAddress: options.remoteAddress,
    secureCookies: options.secureCookies,
    responseCookies: [],
  };
}
