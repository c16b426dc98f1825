import type { Viewer } from '../access/viewer.js';
import { decoyHash, verifyPassword } from '../auth/password.js';
import { clearedSessionCookie, closeSession, openSession, sessionCookie } from '../auth/session.js';
import { builder } from '../builder.js';
import { InvalidCredentialsError, TooManyAttemptsError, ValidationError } from '../errors.js';
import {
  clearFailedLogins,
  countRecentFailedLogins,
  findAccountByEmail,
  findAccountsOfCollectivity,
  recordFailedLogin,
} from '../repositories/account.js';
import { findCollectivitiesByIds } from '../repositories/collectivity.js';
import { findApiTokensOfCollectivity } from '../repositories/api-token.js';
import { partnerCountriesOf } from '../repositories/convention.js';
import { Account } from './account.js';
import { ApiToken } from './api-token.js';
import { Collectivity } from './collectivity.js';
import { RoleEnum } from './role.js';

const ViewerRef = builder.objectRef<Viewer>('Viewer').implement({
  description: 'Who is asking, for which collectivity.',
  fields: (t) => ({
    email: t.exposeString('email', { nullable: true, description: 'Null for an API token.' }),
    displayName: t.exposeString('displayName'),
    role: t.field({ type: RoleEnum, resolve: (viewer) => viewer.role }),
    canWrite: t.exposeBoolean('canWrite', { description: 'False for a read-only API token.' }),
    // A viewer always sees its own collectivity, even within the request that signs it in.
    accounts: t.field({
      type: [Account],
      description:
        'The accounts of the viewer’s collectivity (administrators only; empty otherwise).',
      resolve: (viewer, _args, context) =>
        context.access.canAdminister(viewer.collectivityId)
          ? findAccountsOfCollectivity(context.db, viewer.collectivityId)
          : [],
    }),
    partnerCountries: t.stringList({
      description:
        'ISO 3166-1 codes of the other parties to the viewer’s conventions, for filters.',
      resolve: (viewer, _args, context) => partnerCountriesOf(context.db, viewer),
    }),
    apiTokens: t.field({
      type: [ApiToken],
      description:
        'The API tokens of the viewer’s collectivity (administrators only; empty otherwise).',
      resolve: (viewer, _args, context) =>
        context.access.canAdminister(viewer.collectivityId)
          ? findApiTokensOfCollectivity(context.db, viewer.collectivityId)
          : [],
    }),
    collectivity: t.field({
      type: Collectivity,
      resolve: async (viewer, _args, context) => {
        const [row] = await findCollectivitiesByIds(context.db, [viewer.collectivityId]);
        if (!row)
          throw new TypeError(`collectivity ${viewer.collectivityId} of a viewer is missing`);
        return row;
      },
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({ type: ViewerRef, nullable: true, resolve: (_root, _args, context) => context.viewer }),
);

/** Failed sign-ins allowed per account, and per network address, within the window. */
const LOGIN_WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 20;

const LoginInput = builder.inputType('LoginInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true }),
  }),
});

builder.mutationField('login', (t) =>
  t.field({
    type: ViewerRef,
    description: 'Signs in and sets an HttpOnly session cookie.',
    args: { input: t.arg({ type: LoginInput, required: true }) },
    errors: {
      types: [ValidationError, InvalidCredentialsError, TooManyAttemptsError],
      result: { name: 'LoginSuccess' },
      union: { name: 'LoginResult' },
      dataField: { name: 'viewer' },
    },
    resolve: async (_root, { input }, context) => {
      const email = input.email.trim();
      if (!email) throw ValidationError.of(['input', 'email'], 'Enter your email', 'REQUIRED');
      if (!input.password)
        throw ValidationError.of(['input', 'password'], 'Enter your password', 'REQUIRED');

      const failures = await countRecentFailedLogins(
        context.db,
        email,
        context.remoteAddress,
        LOGIN_WINDOW_SECONDS,
      );
      if (
        failures.forAccount >= MAX_FAILURES_PER_ACCOUNT ||
        failures.forAddress >= MAX_FAILURES_PER_ADDRESS
      ) {
        throw new TooManyAttemptsError(LOGIN_WINDOW_SECONDS);
      }

      const account = await findAccountByEmail(context.db, email);
      const valid = await verifyPassword(
        input.password,
        account?.password_hash ?? (await decoyHash()),
      );
      if (!account || !valid || account.disabled_at) {
        await recordFailedLogin(context.db, email, context.remoteAddress);
        throw new InvalidCredentialsError();
      }

      await clearFailedLogins(context.db, email);
      const token = await openSession(context.db, account.id);
      context.responseCookies.push(sessionCookie(token, context.secureCookies));
      return {
        kind: 'session',
        accountId: account.id,
        email: account.email,
        displayName: account.display_name,
        role: account.role,
        collectivityId: account.collectivity_id,
        timeZone: account.time_zone,
        canWrite: true,
      } satisfies Viewer;
    },
  }),
);

builder.mutationField('logout', (t) =>
  t.boolean({
    description: 'Ends the session of this browser. True when there was one.',
    resolve: async (_root, _args, context) => {
      context.responseCookies.push(clearedSessionCookie(context.secureCookies));
      const hash = context.viewer?.sessionTokenHash;
      if (!hash) return false;
      await closeSession(context.db, hash);
      return true;
    },
  }),
);
