import { hashPassword, verifyPassword } from '../auth/password.js';
import { builder } from '../builder.js';
import type { AccountRow, Role } from '../db/tables/account.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { runMutation } from '../mutation.js';
import {
  deleteSessionsOf,
  findAccountByEmail,
  findAccountById,
  findAccountsOfCollectivity,
  insertAccount,
  updateAccount,
} from '../repositories/account.js';
import { findCollectivitiesByIds } from '../repositories/collectivity.js';
import { Collectivity } from './collectivity.js';
import { requireDbId } from './global-id.js';
import { InputCheck } from './input-check.js';
import { loadByDbIds, NODE_LOADER_OPTIONS } from './node-loading.js';
import { RoleEnum } from './role.js';

/** Long enough to resist guessing without forcing rules of composition (NIST SP 800-63B). */
export const MIN_PASSWORD_LENGTH = 10;

/** Accounts are seen only by the administrators of their collectivity (and the platform's). */
export const Account = builder.loadableNode('Account', {
  description: 'A person who signs in to the admin app, for one collectivity.',
  id: { resolve: (row: AccountRow) => row.id },
  loaderOptions: NODE_LOADER_OPTIONS,
  load: (keys: (string | number)[], context) =>
    loadByDbIds(keys, (ids) => {
      const viewer = context.viewer;
      if (!viewer || !context.access.canAdminister(viewer.collectivityId))
        return Promise.resolve([]);
      return findAccountsOfCollectivity(context.db, viewer.collectivityId, ids);
    }),
  fields: (t) => ({
    email: t.exposeString('email'),
    displayName: t.exposeString('display_name'),
    role: t.field({ type: RoleEnum, resolve: (row) => row.role }),
    collectivity: t.field({ type: Collectivity, resolve: (row) => row.collectivity_id }),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    disabledAt: t.expose('disabled_at', { type: 'DateTime', nullable: true }),
    active: t.boolean({ resolve: (row) => row.disabled_at === null }),
    isViewer: t.boolean({
      description: 'This is the signed-in person’s own account.',
      resolve: (row, _args, context) => context.viewer?.accountId === row.id,
    }),
  }),
});

function checkPassword(check: InputCheck, path: string[], password: string): void {
  // Counted as a person counts characters, whatever the script.
  const length = [...new Intl.Segmenter().segment(password)].length;
  if (length < MIN_PASSWORD_LENGTH) {
    check.add(path, `At least ${MIN_PASSWORD_LENGTH} characters`, 'PASSWORD_TOO_SHORT');
  }
}

const ASSIGNABLE: readonly Role[] = ['VIEWER', 'EDITOR', 'ADMIN'];

const CreateAccountInput = builder.inputType('CreateAccountInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    displayName: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    password: t.string({
      required: true,
      description: `The first password, at least ${MIN_PASSWORD_LENGTH} characters; its owner changes it.`,
    }),
    collectivityId: t.id({ description: 'Platform administrators only: another collectivity.' }),
  }),
});

builder.mutationField('createAccount', (t) =>
  t.field({
    type: Account,
    description: 'An administrator opens an account for a colleague of its collectivity.',
    args: { input: t.arg({ type: CreateAccountInput, required: true }) },
    errors: {
      types: [ValidationError, ForbiddenError, NotFoundError],
      dataField: { name: 'account' },
    },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'createAccount', async ({ trx, viewer, audit }) => {
        const collectivityId = input.collectivityId
          ? requireDbId(input.collectivityId, 'Collectivity')
          : viewer.collectivityId;
        context.access.requireAdminister(collectivityId);
        if (!(await findCollectivitiesByIds(trx, [collectivityId])).length)
          throw new NotFoundError();
        const check = new InputCheck();
        const email = check.text(['input', 'email'], input.email, 200).toLowerCase();
        if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
          check.add(['input', 'email'], 'Not an email address', 'INVALID_EMAIL');
        else if (email && (await findAccountByEmail(trx, email)))
          check.add(['input', 'email'], 'An account with this email exists', 'DUPLICATE_EMAIL');
        const displayName = check.text(['input', 'displayName'], input.displayName, 200);
        if (!ASSIGNABLE.includes(input.role) && !context.access.isPlatformAdmin) {
          check.add(
            ['input', 'role'],
            'Only the platform assigns this role',
            'ROLE_NOT_ASSIGNABLE',
          );
        }
        checkPassword(check, ['input', 'password'], input.password);
        check.done();
        const account = await insertAccount(trx, {
          collectivity_id: collectivityId,
          email,
          display_name: displayName,
          password_hash: await hashPassword(input.password),
          role: input.role,
          disabled_at: null,
        });
        const { password_hash: _hash, ...visible } = account;
        await audit({
          conventionId: null,
          subjectType: 'Account',
          subjectId: account.id,
          before: null,
          after: visible,
        });
        return account;
      }),
  }),
);

const UpdateAccountInput = builder.inputType('UpdateAccountInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    displayName: t.string(),
    role: t.field({ type: RoleEnum }),
    active: t.boolean({ description: 'False disables the account and ends its sessions.' }),
  }),
});

builder.mutationField('updateAccount', (t) =>
  t.field({
    type: Account,
    args: { input: t.arg({ type: UpdateAccountInput, required: true }) },
    errors: {
      types: [ValidationError, ForbiddenError, NotFoundError],
      dataField: { name: 'account' },
    },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'updateAccount', async ({ trx, viewer, audit }) => {
        const id = requireDbId(input.id, 'Account');
        const before = await findAccountById(trx, id);
        if (!before || !context.access.canAdminister(before.collectivity_id))
          throw new NotFoundError();
        const check = new InputCheck();
        const changes: Parameters<typeof updateAccount>[2] = {};
        if (input.displayName != null)
          changes.display_name = check.text(['input', 'displayName'], input.displayName, 200);
        if (input.role != null) {
          if (!ASSIGNABLE.includes(input.role) && !context.access.isPlatformAdmin) {
            check.add(
              ['input', 'role'],
              'Only the platform assigns this role',
              'ROLE_NOT_ASSIGNABLE',
            );
          }
          // An administrator cannot lock itself out: another administrator has to do it.
          if (id === viewer.accountId && input.role !== before.role)
            check.add(['input', 'role'], 'You cannot change your own role', 'OWN_ACCOUNT');
          changes.role = input.role;
        }
        if (input.active != null) {
          if (id === viewer.accountId && !input.active)
            check.add(['input', 'active'], 'You cannot disable your own account', 'OWN_ACCOUNT');
          changes.disabled_at = input.active ? null : (before.disabled_at ?? new Date());
        }
        check.done();
        const after = await updateAccount(trx, id, changes);
        if (after.disabled_at) await deleteSessionsOf(trx, id);
        const { password_hash: _before, ...beforeVisible } = before;
        const { password_hash: _after, ...afterVisible } = after;
        await audit({
          conventionId: null,
          subjectType: 'Account',
          subjectId: id,
          before: beforeVisible,
          after: afterVisible,
        });
        return after;
      }),
  }),
);

const ChangePasswordInput = builder.inputType('ChangePasswordInput', {
  fields: (t) => ({
    currentPassword: t.string({ required: true }),
    newPassword: t.string({ required: true }),
  }),
});

builder.mutationField('changePassword', (t) =>
  t.boolean({
    description: 'The signed-in person changes its own password; its other sessions end.',
    args: { input: t.arg({ type: ChangePasswordInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError], dataField: { name: 'changed' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'changePassword', async ({ trx, viewer, audit }) => {
        if (viewer.kind !== 'session' || viewer.accountId === null)
          throw new ForbiddenError('Sign in to change your password');
        const account = await findAccountById(trx, viewer.accountId);
        if (!account) throw new ForbiddenError('Sign in to change your password');
        const check = new InputCheck();
        if (!(await verifyPassword(input.currentPassword, account.password_hash))) {
          check.add(
            ['input', 'currentPassword'],
            'This is not your current password',
            'WRONG_PASSWORD',
          );
        }
        checkPassword(check, ['input', 'newPassword'], input.newPassword);
        check.done();
        await updateAccount(trx, account.id, {
          password_hash: await hashPassword(input.newPassword),
        });
        await deleteSessionsOf(trx, account.id, viewer.sessionTokenHash);
        await audit({
          conventionId: null,
          subjectType: 'Account',
          subjectId: account.id,
          before: null,
          after: { passwordChanged: true },
        });
        return true;
      }),
  }),
);
