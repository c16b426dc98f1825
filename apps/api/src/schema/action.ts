import {
  ACTION_STATUSES,
  ORGANIZATION_ROLES,
  PARTICIPATORY_ACTIVITY_KINDS,
  actionPeriodFlags,
  checkActionPeriod,
  checkActionTransition,
  isSpecificConventionSigned,
  unwrap,
  validateParticipatoryActivity,
  type ActionPeriodFlag,
  type ActionStatus,
  type IsoDate,
} from '@coop/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Transaction, Updateable } from 'kysely';
import { builder } from '../builder.js';
import type { AxisRow } from '../db/tables/convention.js';
import type { Context } from '../context.js';
import type { Database } from '../db/database.js';
import type {
  ActionOrganizationRow,
  ActionRow,
  ActionTable,
  ParticipatoryActivityRow,
  SpecificConventionRow,
} from '../db/tables/action.js';
import { ConflictError, NotFoundError } from '../errors.js';
import {
  actionDatesOf,
  axisPeriodOf,
  isBudgetAgreed,
  specificConventionOf,
} from '../mapping/action.js';
import { runMutation } from '../mutation.js';
import {
  actionOrganizationsOfActions,
  deleteActionOrganization,
  deleteParticipatoryActivity,
  findActionForUpdate,
  findActionOrganization,
  findActionOrganizationByKey,
  findParticipatoryActivity,
  findSpecificConvention,
  findVisibleActions,
  insertAction,
  insertActionOrganization,
  insertParticipatoryActivity,
  insertSpecificConvention,
  participatoryActivitiesOfActions,
  specificConventionsOfActions,
} from '../repositories/action.js';
import { approvalsOf } from '../repositories/approval.js';
import { primeApprovals } from './approval.js';
import { findAxisForUpdate, findParties } from '../repositories/convention.js';
import { findOrganizationsByIds } from '../repositories/organization.js';
import { updateVersioned } from '../repositories/versioned.js';
import { Axis, Convention } from './convention.js';
import { EDIT_ERRORS } from './errors.js';
import { requireDbId } from './global-id.js';
import { InputCheck } from './input-check.js';
import { axesLoader, conventionPagesLoader, perRequest } from './loaders.js';
import { loadByDbIds, NODE_LOADER_OPTIONS } from './node-loading.js';
import { pageOf, readPageArgs, type Page } from './pagination.js';
import { asksFor } from './selection.js';
import { whenSettled, type MaybePromise } from './settled-loader.js';
import { Organization } from './organization.js';

export const ActionStatusEnum = builder.enumType('ActionStatus', {
  description:
    'PLANNED → IN_PROGRESS (once the budget is agreed and the specific convention signed, A4.1) → COMPLETED; CANCELLED from either.',
  values: ACTION_STATUSES,
});

export const OrganizationRoleEnum = builder.enumType('OrganizationRole', {
  description: 'A3: what an associated organisation does in the action.',
  values: ORGANIZATION_ROLES,
});

export const ParticipatoryActivityKindEnum = builder.enumType('ParticipatoryActivityKind', {
  description: 'A3: "actions d’information, de concertation et de collaboration".',
  values: PARTICIPATORY_ACTIVITY_KINDS,
});

// ——— Per-request loaders for what hangs under an action: one statement per list ———

const specificConventionLoader = perRequest((context, ids) =>
  specificConventionsOfActions(context.db, ids),
);
const actionOrganizationsLoader = perRequest((context, ids) =>
  actionOrganizationsOfActions(context.db, ids),
);
const participatoryActivitiesLoader = perRequest((context, ids) =>
  participatoryActivitiesOfActions(context.db, ids),
);
// A page of actions brings its budgets' approval state when the query shows it (convention page).
const actionPages = conventionPagesLoader('action', (context, approvals) =>
  primeApprovals(context, 'BUDGET', approvals),
);

/**
 * The action's axis, from its convention's axes: visible wherever the action is, and loaded once
 * for a whole page of actions and the convention's own `axes`.
 */
function axisOfAction(context: Context, row: ActionRow): MaybePromise<AxisRow> {
  return whenSettled(axesLoader(context).load(row.convention_id), (axes) => {
    const axis = axes.find((candidate) => candidate.id === row.axis_id);
    // Written only with an axis of the same convention (checkAxis below).
    if (!axis)
      throw new TypeError(`axis ${row.axis_id} is not one of convention ${row.convention_id}`);
    return axis;
  });
}

// ——— Types ———

const PeriodFlagCodeEnum = builder.enumType('ActionPeriodFlagCode', {
  values: {
    OUTSIDE_AXIS_PERIOD: { description: 'A2: allowed, but shown.' },
    UNDATED: { description: 'The action has no dates yet.' },
  },
});

const ActionPeriodFlagRef = builder.objectRef<ActionPeriodFlag>('ActionPeriodFlag').implement({
  description: 'A2: an action dated outside its axis’ period is allowed but flagged.',
  fields: (t) => ({
    code: t.field({ type: PeriodFlagCodeEnum, resolve: (flag) => flag.code }),
    message: t.exposeString('message'),
    startsBeforeAxis: t.boolean({
      resolve: (flag) => flag.code === 'OUTSIDE_AXIS_PERIOD' && flag.startsBeforeAxis,
    }),
    endsAfterAxis: t.boolean({
      resolve: (flag) => flag.code === 'OUTSIDE_AXIS_PERIOD' && flag.endsAfterAxis,
    }),
    axisPeriodStart: t.field({
      type: 'Date',
      nullable: true,
      resolve: (flag) => (flag.code === 'OUTSIDE_AXIS_PERIOD' ? flag.axisPeriod.start : null),
    }),
    axisPeriodEnd: t.field({
      type: 'Date',
      nullable: true,
      resolve: (flag) => (flag.code === 'OUTSIDE_AXIS_PERIOD' ? flag.axisPeriod.end : null),
    }),
  }),
});

const SpecificConventionRef = builder
  .objectRef<SpecificConventionRow>('SpecificConvention')
  .implement({
    description: 'A4.1: the agreement fixing one action’s budget ("convention spécifique").',
    fields: (t) => ({
      id: t.id({ resolve: (row) => encodeGlobalID('SpecificConvention', row.id) }),
      reference: t.exposeString('reference'),
      signedOn: t.expose('signed_on', {
        type: 'Date',
        nullable: true,
        description: 'Null while drafted.',
      }),
      signed: t.boolean({
        description: 'Signed on or before today: the action may start (with an agreed budget).',
        resolve: (row, _args, context) =>
          isSpecificConventionSigned(specificConventionOf(row), context.today),
      }),
      version: t.exposeInt('version', { description: 'Send it back with a change.' }),
    }),
  });

const ActionOrganizationRef = builder
  .objectRef<ActionOrganizationRow>('ActionOrganization')
  .implement({
    description: 'A3: an institution associated to the action, with its role.',
    fields: (t) => ({
      id: t.id({ resolve: (row) => encodeGlobalID('ActionOrganization', row.id) }),
      organization: t.field({ type: Organization, resolve: (row) => row.organization_id }),
      role: t.field({
        type: OrganizationRoleEnum,
        resolve: (row) => row.role as (typeof ORGANIZATION_ROLES)[number],
      }),
    }),
  });

const ParticipatoryActivityRef = builder
  .objectRef<ParticipatoryActivityRow>('ParticipatoryActivity')
  .implement({
    description: 'A3: civil society informed, consulted or collaborating.',
    fields: (t) => ({
      id: t.id({ resolve: (row) => encodeGlobalID('ParticipatoryActivity', row.id) }),
      kind: t.field({ type: ParticipatoryActivityKindEnum, resolve: (row) => row.kind }),
      date: t.expose('date', { type: 'Date' }),
      audience: t.exposeString('audience', { description: '"Habitants de la médina".' }),
      participants: t.exposeInt('participants'),
      description: t.exposeString('description'),
    }),
  });

export const Action = builder.loadableNode('Action', {
  description: 'A concrete project under exactly one axis of a convention (A2).',
  id: { resolve: (row: ActionRow) => row.id },
  authScopes: (row) => ({ readConvention: row.convention_id }),
  loaderOptions: NODE_LOADER_OPTIONS,
  load: (keys: (string | number)[], context) =>
    loadByDbIds(keys, (ids) =>
      context.viewer ? findVisibleActions(context.db, context.viewer, ids) : Promise.resolve([]),
    ),
  fields: (t) => ({
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    convention: t.field({ type: Convention, resolve: (row) => row.convention_id }),
    axis: t.field({
      type: Axis,
      // The action was checked, and its axis is of the same convention: not checked again.
      skipTypeScopes: true,
      resolve: (row, _args, context) => axisOfAction(context, row),
    }),
    status: t.field({ type: ActionStatusEnum, resolve: (row) => row.status }),
    startDate: t.expose('start_date', { type: 'Date', nullable: true }),
    endDate: t.expose('end_date', { type: 'Date', nullable: true, description: 'Inclusive.' }),
    dacSector: t.exposeString('dac_sector', {
      nullable: true,
      description: 'OECD DAC 5-digit purpose code ("15112"), for the IATI export.',
    }),
    version: t.exposeInt('version', {
      description: 'Send it back with updateAction: a stale one is refused.',
    }),
    periodFlags: t.field({
      type: [ActionPeriodFlagRef],
      description: 'A2: set when the action runs outside its axis’ period, or is undated.',
      resolve: async (row, _args, context) => {
        const axis = await axisOfAction(context, row);
        return actionPeriodFlags(actionDatesOf(row), axisPeriodOf(axis));
      },
    }),
    specificConvention: t.field({
      type: SpecificConventionRef,
      nullable: true,
      description: 'A4.1; null until one is drafted.',
      resolve: (row, _args, context) => specificConventionLoader(context).load(row.id),
    }),
    organizations: t.field({
      type: [ActionOrganizationRef],
      resolve: (row, _args, context) => actionOrganizationsLoader(context).load(row.id),
    }),
    participatoryActivities: t.field({
      type: [ParticipatoryActivityRef],
      resolve: (row, _args, context) => participatoryActivitiesLoader(context).load(row.id),
    }),
  }),
});

const ActionConnection = builder.connectionObject(
  { type: Action, name: 'ActionConnection' },
  { name: 'ActionEdge' },
);

builder.objectField(ActionConnection, 'totalCount', (t) =>
  t.int({ resolve: (connection) => (connection as unknown as Page<ActionRow>).totalCount() }),
);

builder.objectField(Convention, 'actions', (t) =>
  t.field({
    type: ActionConnection,
    description: 'The actions run under the convention, oldest first.',
    args: { first: t.arg.int({ description: 'At most 100.' }), after: t.arg.string() },
    resolve: async (convention, args, context, info) => {
      const page = readPageArgs(args);
      const budgetApprovals = asksFor(info, ['edges', 'node', 'budget', 'approval']);
      const rows = await actionPages
        .pages(context, { ...page, budgetApprovals })
        .load(convention.id);
      return pageOf(rows, page, () => actionPages.counts(context).load(convention.id));
    },
  }),
);

// ——— Editing ———

export function auditableAction(row: ActionRow): Omit<ActionRow, 'created_at' | 'updated_at'> {
  const { created_at: _created, updated_at: _updated, ...rest } = row;
  return rest;
}

/**
 * The action behind a global ID, locked for the mutation, once the viewer may edit its convention.
 * Missing and not visible answer the same NotFoundError.
 */
export async function actionForEdit(
  trx: Transaction<Database>,
  context: Context,
  actionId: number,
): Promise<ActionRow> {
  const action = await findActionForUpdate(trx, actionId);
  if (!action) throw new NotFoundError();
  await context.access.requireEdit(action.convention_id);
  return action;
}

/** The axis must be one of the action's convention (A2: every action belongs to one of its axes). */
async function checkAxis(
  trx: Transaction<Database>,
  check: InputCheck,
  axisGlobalId: string,
  conventionId: number,
): Promise<number> {
  let axisId: number | null;
  try {
    axisId = requireDbId(axisGlobalId, 'Axis');
  } catch {
    axisId = null;
  }
  const axis = axisId === null ? undefined : await findAxisForUpdate(trx, axisId);
  if (!axis || axis.convention_id !== conventionId) {
    check.add(['input', 'axisId'], 'No axis of this convention with this ID', 'UNKNOWN_AXIS');
    return -1;
  }
  return axis.id;
}

function checkDates(check: InputCheck, startDate: IsoDate | null, endDate: IsoDate | null): void {
  const period = checkActionPeriod({ startDate, endDate });
  if (!period.ok) check.add(['input', 'endDate'], period.error.message, period.error.code);
}

/** IATI and the OECD's creditor reporting use 5-digit DAC purpose codes ("15112"). */
function checkDacSector(check: InputCheck, value: string | null | undefined): string | null {
  const code = value?.trim() || null;
  if (code !== null && !/^\d{5}$/.test(code)) {
    check.add(['input', 'dacSector'], 'A 5-digit OECD DAC purpose code', 'INVALID_DAC_SECTOR');
  }
  return code;
}

const CreateActionInput = builder.inputType('CreateActionInput', {
  fields: (t) => ({
    conventionId: t.id({ required: true }),
    axisId: t.id({ required: true, description: 'One of the convention’s axes (A2).' }),
    title: t.string({ required: true }),
    description: t.string(),
    startDate: t.field({ type: 'Date' }),
    endDate: t.field({ type: 'Date', description: 'Inclusive.' }),
    dacSector: t.string({ description: 'OECD DAC 5-digit purpose code.' }),
  }),
});

builder.mutationField('createAction', (t) =>
  t.field({
    type: Action,
    description: 'A new action, PLANNED, under one axis of the convention.',
    args: { input: t.arg({ type: CreateActionInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'action' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'createAction', async ({ trx, audit }) => {
        const conventionId = requireDbId(input.conventionId, 'Convention');
        await context.access.requireEdit(conventionId);
        const check = new InputCheck();
        const axisId = await checkAxis(trx, check, input.axisId, conventionId);
        const title = check.text(['input', 'title'], input.title, 300);
        const startDate = input.startDate ?? null;
        const endDate = input.endDate ?? null;
        checkDates(check, startDate, endDate);
        const dacSector = checkDacSector(check, input.dacSector);
        check.done();
        const action = await insertAction(trx, {
          convention_id: conventionId,
          axis_id: axisId,
          title,
          description: input.description?.trim() ?? '',
          start_date: startDate,
          end_date: endDate,
          dac_sector: dacSector,
        });
        await audit({
          conventionId,
          subjectType: 'Action',
          subjectId: action.id,
          before: null,
          after: auditableAction(action),
        });
        return action;
      }),
  }),
);

const UpdateActionInput = builder.inputType('UpdateActionInput', {
  description: 'Only the fields given change; null clears a date or the DAC sector.',
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true, description: 'The version the change was made on.' }),
    axisId: t.id(),
    title: t.string(),
    description: t.string(),
    startDate: t.field({ type: 'Date' }),
    endDate: t.field({ type: 'Date' }),
    dacSector: t.string(),
    status: t.field({
      type: ActionStatusEnum,
      description: 'IN_PROGRESS needs an agreed budget and a signed specific convention (A4.1).',
    }),
  }),
});

/** A4.1: whether the action may start today — its budget agreed by every party, its specific convention signed. */
async function startConditions(
  trx: Transaction<Database>,
  action: ActionRow,
  today: IsoDate,
): Promise<{ budgetAgreed: boolean; specificConventionSigned: boolean }> {
  const [parties, [approvals = []], specificConvention] = await Promise.all([
    findParties(trx, action.convention_id),
    approvalsOf(trx, [{ type: 'BUDGET', id: action.id }]),
    findSpecificConvention(trx, action.id),
  ]);
  return {
    budgetAgreed: isBudgetAgreed(
      action,
      parties.map((party) => party.collectivity_id),
      approvals,
    ),
    specificConventionSigned: isSpecificConventionSigned(
      specificConventionOf(specificConvention ?? null),
      today,
    ),
  };
}

async function checkStatus(
  trx: Transaction<Database>,
  check: InputCheck,
  action: ActionRow,
  status: ActionStatus,
  today: IsoDate,
): Promise<void> {
  const decided = checkActionTransition(
    action.status,
    status,
    await startConditions(trx, action, today),
  );
  if (decided.ok) return;
  const error = decided.error;
  if (error.code === 'INVALID_ACTION_TRANSITION') {
    check.add(['input', 'status'], error.message, error.code);
    return;
  }
  for (const blocker of error.blockers) {
    check.add(
      ['input', 'status'],
      blocker === 'ACTION_STARTED_WITHOUT_AGREED_BUDGET'
        ? 'The action cannot start: its budget is not yet agreed by every party (A4.1)'
        : 'The action cannot start: its specific convention is not signed (A4.1)',
      blocker,
    );
  }
}

builder.mutationField('updateAction', (t) =>
  t.field({
    type: Action,
    args: { input: t.arg({ type: UpdateActionInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'action' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'updateAction', async ({ trx, audit }) => {
        const before = await actionForEdit(trx, context, requireDbId(input.id, 'Action'));
        if (before.version !== input.version) throw new ConflictError(before.version);
        const check = new InputCheck();
        const changes: Updateable<ActionTable> = {};
        if (input.axisId != null)
          changes.axis_id = await checkAxis(trx, check, input.axisId, before.convention_id);
        if (input.title != null) changes.title = check.text(['input', 'title'], input.title, 300);
        if (input.description != null) changes.description = input.description.trim();
        if (input.startDate !== undefined) changes.start_date = input.startDate;
        if (input.endDate !== undefined) changes.end_date = input.endDate;
        const dates = actionDatesOf({ ...before, ...changes });
        checkDates(check, dates.startDate, dates.endDate);
        if (input.dacSector !== undefined)
          changes.dac_sector = checkDacSector(check, input.dacSector);
        if (input.status != null && input.status !== before.status) {
          await checkStatus(trx, check, before, input.status, context.today);
          changes.status = input.status;
        }
        check.done();
        const after = await updateVersioned(trx, 'action', before.id, input.version, {
          ...changes,
          updated_at: new Date(),
        });
        await audit({
          conventionId: before.convention_id,
          subjectType: 'Action',
          subjectId: before.id,
          before: auditableAction(before),
          after: auditableAction(after),
        });
        return after;
      }),
  }),
);

const SetSpecificConventionInput = builder.inputType('SetSpecificConventionInput', {
  fields: (t) => ({
    actionId: t.id({ required: true }),
    reference: t.string({ required: true, description: '"CS-2017-01".' }),
    signedOn: t.field({ type: 'Date', description: 'Null while drafted.' }),
    version: t.int({
      description: 'The specific convention’s version, when it already exists.',
    }),
  }),
});

builder.mutationField('setSpecificConvention', (t) =>
  t.field({
    type: Action,
    description:
      'Drafts, amends or records the signature of the action’s specific convention (A4.1).',
    args: { input: t.arg({ type: SetSpecificConventionInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'action' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'setSpecificConvention', async ({ trx, audit }) => {
        const action = await actionForEdit(trx, context, requireDbId(input.actionId, 'Action'));
        const check = new InputCheck();
        const reference = check.text(['input', 'reference'], input.reference, 200);
        const signedOn = input.signedOn ?? null;
        const existing = await findSpecificConvention(trx, action.id);
        if (existing && input.version == null) {
          check.add(
            ['input', 'version'],
            'The specific convention exists: send the version you changed',
            'REQUIRED',
          );
        }
        check.done();
        const after = existing
          ? await updateVersioned(trx, 'specific_convention', existing.id, input.version ?? 0, {
              reference,
              signed_on: signedOn,
            })
          : await insertSpecificConvention(trx, { actionId: action.id, reference, signedOn });
        await audit({
          conventionId: action.convention_id,
          subjectType: 'SpecificConvention',
          subjectId: after.id,
          before: existing ?? null,
          after,
        });
        return action;
      }),
  }),
);

const AssociateOrganizationInput = builder.inputType('AssociateOrganizationInput', {
  fields: (t) => ({
    actionId: t.id({ required: true }),
    organizationId: t.id({ required: true }),
    role: t.field({ type: OrganizationRoleEnum, required: true }),
  }),
});

builder.mutationField('associateOrganization', (t) =>
  t.field({
    type: Action,
    description: 'A3: associates an institution to the action, with its role.',
    args: { input: t.arg({ type: AssociateOrganizationInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'action' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'associateOrganization', async ({ trx, audit }) => {
        const action = await actionForEdit(trx, context, requireDbId(input.actionId, 'Action'));
        const check = new InputCheck();
        const organizationId = await knownOrganization(trx, check, input.organizationId);
        const key = { actionId: action.id, organizationId, role: input.role };
        if (check.ok && (await findActionOrganizationByKey(trx, key))) {
          check.add(
            ['input', 'role'],
            'This organisation is already associated in this role',
            'ALREADY_ASSOCIATED',
          );
        }
        check.done();
        const association = await insertActionOrganization(trx, key);
        await audit({
          conventionId: action.convention_id,
          subjectType: 'ActionOrganization',
          subjectId: association.id,
          before: null,
          after: association,
        });
        return action;
      }),
  }),
);

/** An organisation of the directory, or an issue on the input's organizationId. */
export async function knownOrganization(
  trx: Transaction<Database>,
  check: InputCheck,
  globalId: string,
  path: readonly string[] = ['input', 'organizationId'],
): Promise<number> {
  let id: number | null;
  try {
    id = requireDbId(globalId, 'Organization');
  } catch {
    id = null;
  }
  const [found] = id === null ? [] : await findOrganizationsByIds(trx, [id]);
  if (!found) {
    check.add(path, 'No organisation with this ID', 'UNKNOWN_ORGANIZATION');
    return -1;
  }
  return found.id;
}

const RemoveByIdInput = builder.inputType('ActionPartInput', {
  description: 'Names one part of an action: an association, a participatory activity.',
  fields: (t) => ({ id: t.id({ required: true }) }),
});

builder.mutationField('dissociateOrganization', (t) =>
  t.field({
    type: Action,
    args: { input: t.arg({ type: RemoveByIdInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'action' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'dissociateOrganization', async ({ trx, audit }) => {
        const association = await findActionOrganization(
          trx,
          requireDbId(input.id, 'ActionOrganization'),
        );
        if (!association) throw new NotFoundError();
        const action = await actionForEdit(trx, context, association.action_id);
        await deleteActionOrganization(trx, association.id);
        await audit({
          conventionId: action.convention_id,
          subjectType: 'ActionOrganization',
          subjectId: association.id,
          before: association,
          after: null,
        });
        return action;
      }),
  }),
);

const AddParticipatoryActivityInput = builder.inputType('AddParticipatoryActivityInput', {
  fields: (t) => ({
    actionId: t.id({ required: true }),
    kind: t.field({ type: ParticipatoryActivityKindEnum, required: true }),
    date: t.field({ type: 'Date', required: true }),
    audience: t.string({ required: true, description: 'Who was involved.' }),
    participants: t.int({ required: true }),
    description: t.string(),
  }),
});

builder.mutationField('addParticipatoryActivity', (t) =>
  t.field({
    type: Action,
    description: 'A3: civil society informed, consulted or collaborating on the action.',
    args: { input: t.arg({ type: AddParticipatoryActivityInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'action' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'addParticipatoryActivity', async ({ trx, audit }) => {
        const action = await actionForEdit(trx, context, requireDbId(input.actionId, 'Action'));
        const check = new InputCheck();
        const validated = validateParticipatoryActivity({
          kind: input.kind,
          date: input.date,
          audience: input.audience,
          participants: input.participants,
        });
        if (!validated.ok) {
          check.add(
            ['input', validated.error.field],
            validated.error.message,
            validated.error.code,
          );
        }
        check.optionalText(['input', 'audience'], input.audience, 300);
        const description = check.optionalText(['input', 'description'], input.description, 5000);
        check.done();
        const activity = await insertParticipatoryActivity(trx, {
          action_id: action.id,
          // done() above refused the input when the domain did.
          ...unwrap(validated),
          description: description ?? '',
        });
        await audit({
          conventionId: action.convention_id,
          subjectType: 'ParticipatoryActivity',
          subjectId: activity.id,
          before: null,
          after: activity,
        });
        return action;
      }),
  }),
);

builder.mutationField('removeParticipatoryActivity', (t) =>
  t.field({
    type: Action,
    args: { input: t.arg({ type: RemoveByIdInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'action' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'removeParticipatoryActivity', async ({ trx, audit }) => {
        const activity = await findParticipatoryActivity(
          trx,
          requireDbId(input.id, 'ParticipatoryActivity'),
        );
        if (!activity) throw new NotFoundError();
        const action = await actionForEdit(trx, context, activity.action_id);
        await deleteParticipatoryActivity(trx, activity.id);
        await audit({
          conventionId: action.convention_id,
          subjectType: 'ParticipatoryActivity',
          subjectId: activity.id,
          before: activity,
          after: null,
        });
        return action;
      }),
  }),
);
