import { approvalStatus, approve, asId } from '@coop/domain';
import { brandWithType, createContextCache } from '@pothos/core';
import { decodeGlobalID } from '@pothos/plugin-relay';
import type { Transaction } from 'kysely';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import type { Database } from '../db/database.js';
import type { ApprovalRow, ApprovalSubjectType } from '../db/tables/evaluation.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { jointSubjectOf } from '../mapping/approval.js';
import { runMutation } from '../mutation.js';
import { approvalsOf, insertApproval, type SubjectKey } from '../repositories/approval.js';
import { findParties } from '../repositories/convention.js';
import { Collectivity } from './collectivity.js';
import { EDIT_ERRORS } from './errors.js';
import { requireDbId } from './global-id.js';
import { partiesLoader } from './loaders.js';
import { bothSettled, SettledLoader, type MaybePromise } from './settled-loader.js';

/**
 * Joint approval ("d'un commun accord", A4, A6) for every subject decided by all parties: an
 * action's budget, an indicator's definition, an evaluation. Each kind registers how to read and
 * lock its subject; the rule itself — who may approve what, when it is AGREED — is the domain's.
 */
export interface ApprovalSubject {
  /** The GraphQL type whose global ID names the subject: "Budget", "Indicator", "Evaluation". */
  readonly typename: string;
  readonly type: ApprovalSubjectType;
  /** Reads and locks the subject in the approving transaction; null when it does not exist. */
  lock(
    trx: Transaction<Database>,
    id: number,
  ): Promise<{ conventionId: number; version: number } | null>;
  /** What must hold before a party may approve (a balanced budget, a submitted evaluation…). */
  check?(trx: Transaction<Database>, id: number, context: Context): Promise<void>;
  /** Once every party approved the current version. */
  agreed?(trx: Transaction<Database>, id: number): Promise<void>;
  /** The subject as the mutation returns it. */
  load(trx: Transaction<Database>, id: number): Promise<unknown>;
}

const subjects = new Map<string, ApprovalSubject>();

export function registerApprovalSubject(subject: ApprovalSubject): void {
  subjects.set(subject.typename, subject);
}

const approvalsLoader = createContextCache((context: Context) => {
  const loader = new SettledLoader<SubjectKey, ApprovalRow[]>(
    (keys) => approvalsOf(context.db, keys),
    { cacheKeyFn: (key) => `${key.type}:${key.id}` },
  );
  // An approval given in this request is seen by what the request reads next (mutation.ts).
  context.loaded.add(loader);
  return loader;
});

/** Approvals read with their subject (an evaluation with its report): not read again. */
export function primeApprovals(
  context: Context,
  type: ApprovalSubjectType,
  approvals: ReadonlyMap<number, ApprovalRow[]>,
): void {
  const loader = approvalsLoader(context);
  for (const [id, rows] of approvals) loader.prime({ type, id }, rows);
}

interface JointApprovalShape {
  state: 'PENDING' | 'AGREED';
  version: number;
  parties: { collectivityId: number; approved: boolean; approvedAt: Date | null }[];
}

/**
 * The approval state of a subject at its current version, for its `approval` field: at once when
 * the parties and approvals came with the page.
 */
export function jointApprovalOf(
  context: Context,
  subject: { type: ApprovalSubjectType; id: number; version: number; conventionId: number },
): MaybePromise<JointApprovalShape> {
  return bothSettled(
    partiesLoader(context).load(subject.conventionId),
    approvalsLoader(context).load({ type: subject.type, id: subject.id }),
    (parties, rows) => jointApproval(subject.version, parties, rows),
  );
}

function jointApproval(
  version: number,
  parties: readonly { collectivity_id: number }[],
  rows: readonly ApprovalRow[],
): JointApprovalShape {
  const partyIds = parties.map((party) => party.collectivity_id);
  const status = approvalStatus(jointSubjectOf(version, partyIds, rows));
  const current = rows.filter((row) => row.version === version);
  return {
    state: status.state,
    version,
    parties: partyIds.map((collectivityId) => {
      const approval = current.find((row) => row.collectivity_id === collectivityId);
      return { collectivityId, approved: !!approval, approvedAt: approval?.approved_at ?? null };
    }),
  };
}

export const ApprovalStateEnum = builder.enumType('ApprovalState', {
  values: {
    PENDING: { description: 'Some party has not approved the current version yet.' },
    AGREED: { description: 'Every party approved the current version.' },
  },
});

const PartyApprovalRef = builder
  .objectRef<JointApprovalShape['parties'][number]>('PartyApproval')
  .implement({
    fields: (t) => ({
      collectivity: t.field({ type: Collectivity, resolve: (party) => party.collectivityId }),
      approved: t.exposeBoolean('approved', { description: 'Approved the current version.' }),
      approvedAt: t.expose('approvedAt', { type: 'DateTime', nullable: true }),
    }),
  });

export const JointApprovalRef = builder.objectRef<JointApprovalShape>('JointApproval').implement({
  description:
    '"D’un commun accord": every party approves the same version; any change clears the approvals.',
  fields: (t) => ({
    state: t.field({ type: ApprovalStateEnum, resolve: (approval) => approval.state }),
    version: t.exposeInt('version', {
      description: 'The version the parties approve: send it with `approve`.',
    }),
    parties: t.field({ type: [PartyApprovalRef], resolve: (approval) => approval.parties }),
  }),
});

/** The type named by a global ID; a malformed one names nothing (so: not found). */
function typenameOf(globalId: string): string {
  try {
    return decodeGlobalID(globalId).typename;
  } catch {
    return '';
  }
}

const ApproveInput = builder.inputType('ApproveInput', {
  fields: (t) => ({
    subjectId: t.id({ required: true, description: 'A Budget, an Indicator or an Evaluation.' }),
    version: t.int({ required: true, description: 'The version the approver reviewed.' }),
    partyId: t.id({
      description: 'The party approving: the viewer’s own collectivity, which is also the default.',
    }),
  }),
});

const Approved = builder
  .objectRef<{ subject: unknown; approval: JointApprovalShape }>('Approved')
  .implement({
    fields: (t) => ({
      subject: t.field({
        type: builder.nodeInterfaceRef(),
        resolve: (approved) => approved.subject as never,
      }),
      approval: t.field({ type: JointApprovalRef, resolve: (approved) => approved.approval }),
    }),
  });

builder.mutationField('approve', (t) =>
  t.field({
    type: Approved,
    description:
      'The viewer’s party approves one version of a budget, an indicator or an evaluation.',
    args: { input: t.arg({ type: ApproveInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'approved' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'approve', async ({ trx, viewer, audit }) => {
        const typename = typenameOf(input.subjectId);
        const subject = subjects.get(typename);
        if (!subject) throw new NotFoundError();
        const id = requireDbId(input.subjectId, typename);
        const locked = await subject.lock(trx, id);
        if (!locked) throw new NotFoundError();
        await context.access.requireRead(locked.conventionId);
        const party = input.partyId
          ? requireDbId(input.partyId, 'Collectivity')
          : viewer.collectivityId;
        context.access.requireActFor(party, 'approves');
        await subject.check?.(trx, id, context);

        const partyIds = (await findParties(trx, locked.conventionId)).map(
          (row) => row.collectivity_id,
        );
        const [rows = []] = await approvalsOf(trx, [{ type: subject.type, id }]);
        const decided = approve(jointSubjectOf(locked.version, partyIds, rows), {
          party: asId<'Collectivity'>(party),
          actingFor: asId<'Collectivity'>(viewer.collectivityId),
          version: input.version,
        });
        if (!decided.ok) {
          const error = decided.error;
          if (error.code === 'STALE_VERSION') throw new ConflictError(error.currentVersion);
          if (error.code === 'NOT_YOUR_PARTY')
            throw new ForbiddenError('A party approves only in its own name');
          if (error.code === 'NOT_A_PARTY')
            throw ValidationError.of(
              ['input', 'partyId'],
              'Your collectivity is not a party',
              error.code,
            );
          throw ValidationError.of(
            ['input', 'version'],
            'Your collectivity already approved this version',
            error.code,
          );
        }
        const approval = await insertApproval(trx, {
          type: subject.type,
          subjectId: id,
          version: input.version,
          collectivityId: party,
          accountId: viewer.accountId,
        });
        const state = approvalStatus(decided.value).state;
        if (state === 'AGREED') await subject.agreed?.(trx, id);
        await audit({
          conventionId: locked.conventionId,
          subjectType: typename,
          subjectId: id,
          before: null,
          after: { ...approval, state },
        });
        const current = [...rows, approval].filter((row) => row.version === locked.version);
        const loaded = await subject.load(trx, id);
        // The Node interface tells its members apart by this brand, as for objects from node(id:).
        brandWithType(loaded, typename as never);
        return {
          subject: loaded,
          approval: {
            state,
            version: locked.version,
            parties: partyIds.map((collectivityId) => {
              const given = current.find((row) => row.collectivity_id === collectivityId);
              return { collectivityId, approved: !!given, approvedAt: given?.approved_at ?? null };
            }),
          },
        };
      }),
  }),
);
