import { builder } from '../builder.js';
import { newSecretToken } from '../auth/secret-token.js';
import type { ApiTokenRow } from '../db/tables/platform.js';
import { NotFoundError, ValidationError, ForbiddenError } from '../errors.js';
import { runMutation } from '../mutation.js';
import {
  findApiTokensOfCollectivity,
  insertApiToken,
  revokeApiToken,
} from '../repositories/api-token.js';
import { InputCheck } from './input-check.js';
import { requireDbId } from './global-id.js';
import { loadByDbIds, NODE_LOADER_OPTIONS } from './node-loading.js';

export const TokenAccessEnum = builder.enumType('TokenAccess', {
  values: {
    READ: { description: 'Reads everything its collectivity sees; changes nothing.' },
    READ_WRITE: { description: 'Also changes what an EDITOR of its collectivity may change.' },
  },
});

/** Tokens are visible only to the administrators of their own collectivity. */
export const ApiToken = builder.loadableNode('ApiToken', {
  description:
    'A partner’s API token. Its secret is shown once, at creation; Coop keeps only a hash.',
  id: { resolve: (row: ApiTokenRow) => row.id },
  loaderOptions: NODE_LOADER_OPTIONS,
  load: (keys: (string | number)[], context) =>
    loadByDbIds(keys, (ids) => {
      const viewer = context.viewer;
      if (!viewer || !context.access.canAdminister(viewer.collectivityId))
        return Promise.resolve([]);
      return findApiTokensOfCollectivity(context.db, viewer.collectivityId, ids);
    }),
  fields: (t) => ({
    name: t.exposeString('name'),
    access: t.field({ type: TokenAccessEnum, resolve: (row) => row.access }),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    expiresAt: t.expose('expires_at', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revoked_at', { type: 'DateTime', nullable: true }),
    lastUsedAt: t.expose('last_used_at', { type: 'DateTime', nullable: true }),
    active: t.boolean({
      resolve: (row) =>
        !row.revoked_at && (!row.expires_at || row.expires_at.getTime() > Date.now()),
    }),
  }),
});

const CreateApiTokenInput = builder.inputType('CreateApiTokenInput', {
  fields: (t) => ({
    name: t.string({
      required: true,
      description: 'Says who uses it: "Chefchaouen reporting tool".',
    }),
    access: t.field({ type: TokenAccessEnum, required: true }),
    expiresAt: t.field({ type: 'DateTime', description: 'None: valid until revoked.' }),
  }),
});

const CreatedApiToken = builder
  .objectRef<{ token: string; apiToken: ApiTokenRow }>('CreatedApiToken')
  .implement({
    fields: (t) => ({
      token: t.exposeString('token', {
        description: 'The secret, shown this once: send it as `Authorization: Bearer …`.',
      }),
      apiToken: t.field({ type: ApiToken, resolve: (created) => created.apiToken }),
    }),
  });

builder.mutationField('createApiToken', (t) =>
  t.field({
    type: CreatedApiToken,
    description: 'An administrator creates a token for its own collectivity.',
    args: { input: t.arg({ type: CreateApiTokenInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError], dataField: { name: 'created' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'createApiToken', async ({ trx, viewer, audit }) => {
        context.access.requireAdminister(viewer.collectivityId);
        const check = new InputCheck();
        const name = check.text(['input', 'name'], input.name, 100);
        if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
          check.add(['input', 'expiresAt'], 'The expiry must be in the future', 'IN_THE_PAST');
        }
        check.done();
        const { token, hash } = newSecretToken('coopt');
        const row = await insertApiToken(trx, {
          collectivityId: viewer.collectivityId,
          createdBy: viewer.accountId,
          name,
          tokenHash: hash,
          access: input.access,
          expiresAt: input.expiresAt ?? null,
        });
        const { token_hash: _secret, ...visible } = row;
        await audit({
          conventionId: null,
          subjectType: 'ApiToken',
          subjectId: row.id,
          before: null,
          after: visible,
        });
        return { token, apiToken: row };
      }),
  }),
);

const RevokeApiTokenInput = builder.inputType('RevokeApiTokenInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

builder.mutationField('revokeApiToken', (t) =>
  t.field({
    type: ApiToken,
    args: { input: t.arg({ type: RevokeApiTokenInput, required: true }) },
    errors: { types: [NotFoundError, ForbiddenError], dataField: { name: 'apiToken' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'revokeApiToken', async ({ trx, viewer, audit }) => {
        const id = requireDbId(input.id, 'ApiToken');
        if (!context.access.canAdminister(viewer.collectivityId)) throw new NotFoundError();
        const [existing] = await findApiTokensOfCollectivity(trx, viewer.collectivityId, [id]);
        if (!existing) throw new NotFoundError();
        const revoked = await revokeApiToken(trx, id);
        if (!revoked) throw new NotFoundError();
        await audit({
          conventionId: null,
          subjectType: 'ApiToken',
          subjectId: id,
          before: { revoked_at: existing.revoked_at },
          after: { revoked_at: revoked.revoked_at },
        });
        return revoked;
      }),
  }),
);
