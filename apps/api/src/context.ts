import { today, type IsoDate } from '@coop/domain';
import { Access } from './access/policy.js';
import type { Viewer } from './access/viewer.js';
import type { Db } from './db/database.js';
import { StatementCounter } from './db/statement-counter.js';

/** What every resolver of one request shares. A fresh one per request: loaders cache per request. */
export interface Context {
  /** The database, counting this request's statements. */
  readonly db: Db;
  readonly statements: StatementCounter;
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
  statements?: StatementCounter;
}): Context {
  const statements = options.statements ?? new StatementCounter();
  const db = options.db.withPlugin(statements);
  return {
    db,
    statements,
    viewer: options.viewer,
    access: new Access(db, options.viewer),
    today: today(options.viewer?.timeZone ?? 'UTC'),
    remoteAddress: options.remoteAddress,
    secureCookies: options.secureCookies,
    responseCookies: [],
  };
}
