import {
  assignPayer,
  costSharing,
  delegatesByCategory,
  DELEGATE_CATEGORIES,
  MISSION_COST_CATEGORIES,
  MISSION_COST_PAYER_ROLE,
  unwrap,
  validateMission,
  type AssignedMissionCost,
  type DelegateCategory,
  type Mission as DomainMission,
  type MissionCost,
  type MissionCostCategory,
  type MissionError,
  type Money,
} from '@coop/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Transaction } from 'kysely';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import type { Database } from '../db/database.js';
import type { DelegateRow, MissionCostRow, MissionRow } from '../db/tables/mission.js';
import { NotFoundError } from '../errors.js';
import { collectivityIdOf, missionCostOf, missionOf } from '../mapping/mission.js';
import { runMutation } from '../mutation.js';
import { findParties } from '../repositories/convention.js';
import {
  conventionOfAction,
  costsOfMissions,
  deleteDelegate,
  deleteMissionCost,
  delegatesOfMissions,
  findDelegate,
  findMissionCost,
  findMissionForUpdate,
  findVisibleMissions,
  insertDelegates,
  insertMission,
  insertMissionCosts,
  updateMissionCost,
} from '../repositories/mission.js';
import { updateVersioned } from '../repositories/versioned.js';
import { Collectivity } from './collectivity.js';
import { Convention } from './convention.js';
import { EDIT_ERRORS } from './errors.js';
import { referencedDbId } from './foreign-id.js';
import { requireDbId } from './global-id.js';
import { InputCheck } from './input-check.js';
import { conventionPagesLoader, partiesLoader, perRequest } from './loaders.js';
import { MoneyInput, MoneyRef, readMoney } from './money.js';
import { loadByDbIds, NODE_LOADER_OPTIONS } from './node-loading.js';
import { pageOf, readPageArgs, type Page } from './pagination.js';

/** Trips between the parties' cities (A5) and who pays what of them (A4.5). */

export const delegatesLoader = perRequest((context, ids) => delegatesOfMissions(context.db, ids));
export const missionCostsLoader = perRequest((context, ids) => costsOfMissions(context.db, ids));

export const DelegateCategoryEnum = builder.enumType('DelegateCategory', {
  description: 'A5: elected officials and technicians, and the young people and artists of A2.',
  values: DELEGATE_CATEGORIES,
});

const costCategories = Object.fromEntries(
  MISSION_COST_CATEGORIES.map((category) => [
    category,
    {
      description:
        MISSION_COST_PAYER_ROLE[category] === 'TRAVELLING_PARTY'
          ? 'Paid by the travelling party (A4.5).'
          : 'A stay cost: paid by the host (A4.5).',
    },
  ]),
) as Record<MissionCostCategory, { description: string }>;

export const MissionCostCategoryEnum = builder.enumType('MissionCostCategory', {
  description: 'A4.5, "le principe des coûts partagés": the category decides who pays.',
  values: costCategories,
});

const DelegateRef = builder.objectRef<DelegateRow>('Delegate').implement({
  description: 'A person travelling on a mission.',
  fields: (t) => ({
    id: t.id({
      description: 'Send it to removeDelegate.',
      resolve: (row) => encodeGlobalID('Delegate', row.id),
    }),
    name: t.exposeString('name'),
    category: t.field({
      type: DelegateCategoryEnum,
      resolve: (row) => row.category,
    }),
    position: t.exposeString('position', {
      description: '"Adjointe au maire", "chargé de mission".',
    }),
  }),
});

export const DelegateCountRef = builder
  .objectRef<{ category: DelegateCategory; count: number }>('DelegateCount')
  .implement({
    fields: (t) => ({
      category: t.field({ type: DelegateCategoryEnum, resolve: (entry) => entry.category }),
      count: t.exposeInt('count'),
    }),
  });

/** Each category once, in the domain's order, with how many travelled. */
export function delegateCounts(
  counts: Record<DelegateCategory, number>,
): { category: DelegateCategory; count: number }[] {
  return DELEGATE_CATEGORIES.map((category) => ({ category, count: counts[category] }));
}

interface CostShape {
  readonly row: MissionCostRow;
  readonly assigned: AssignedMissionCost;
}

const PayerExceptionRef = builder.objectRef<{ reason: string }>('PayerException').implement({
  description: 'A payer other than the shared-cost rule’s, agreed with a written reason (A4.5).',
  fields: (t) => ({ reason: t.exposeString('reason') }),
});

const MissionCostRef = builder.objectRef<CostShape>('MissionCost').implement({
  description: 'A cost line of a mission and who pays it: by the rule, or a visible exception.',
  fields: (t) => ({
    id: t.id({
      description: 'Send it to updateMissionCost or removeMissionCost.',
      resolve: (cost) => encodeGlobalID('MissionCost', cost.row.id),
    }),
    category: t.field({
      type: MissionCostCategoryEnum,
      resolve: (cost) => cost.assigned.cost.category,
    }),
    label: t.string({ resolve: (cost) => cost.assigned.cost.label ?? '' }),
    amount: t.field({ type: MoneyRef, resolve: (cost) => cost.assigned.cost.amount }),
    payer: t.field({ type: Collectivity, resolve: (cost) => Number(cost.assigned.payer) }),
    payerByRule: t.field({
      type: Collectivity,
      description:
        'Who pays under the rule: the travelling party for transport, the host for the stay.',
      resolve: (cost) => Number(cost.assigned.payerByRule),
    }),
    exception: t.field({
      type: PayerExceptionRef,
      nullable: true,
      description: 'Set when the payer differs from the rule.',
      resolve: (cost) => cost.assigned.exception,
    }),
  }),
});

const PartyShareRef = builder
  .objectRef<{ collectivityId: number; amounts: Money[] }>('PartyShare')
  .implement({
    description: 'What one party pays of a mission, per currency: the shares add up to the whole.',
    fields: (t) => ({
      collectivity: t.field({ type: Collectivity, resolve: (share) => share.collectivityId }),
      amounts: t.field({
        type: [MoneyRef],
        description: 'One amount per currency, sorted by code; empty when it pays nothing.',
        resolve: (share) => share.amounts,
      }),
    }),
  });

export const Mission = builder.loadableNode('Mission', {
  description: 'A trip from one party’s city to another’s (A5), with its delegates and costs.',
  id: { resolve: (row: MissionRow) => row.id },
  authScopes: (row) => ({ readConvention: row.convention_id }),
  loaderOptions: NODE_LOADER_OPTIONS,
  load: (keys: (string | number)[], context) =>
    loadByDbIds(keys, (ids) =>
      context.viewer ? findVisibleMissions(context.db, context.viewer, ids) : Promise.resolve([]),
    ),
  fields: (t) => ({
    convention: t.field({ type: Convention, resolve: (row) => row.convention_id }),
    origin: t.field({
      type: Collectivity,
      description: 'The travelling party.',
      resolve: (row) => row.origin_collectivity_id,
    }),
    host: t.field({
      type: Collectivity,
      description: 'The receiving party.',
      resolve: (row) => row.host_collectivity_id,
    }),
    departureDate: t.expose('departure_date', { type: 'Date' }),
    returnDate: t.expose('return_date', { type: 'Date' }),
    purpose: t.exposeString('purpose'),
    actionId: t.id({
      nullable: true,
      description: 'The global ID of the Action the mission serves, if any.',
      resolve: (row) => (row.action_id === null ? null : encodeGlobalID('Action', row.action_id)),
    }),
    version: t.exposeInt('version', {
      description: 'Send it back with any change to the mission, its delegates or its costs.',
    }),
    delegates: t.field({
      type: [DelegateRef],
      resolve: (row, _args, context) => delegatesLoader(context).load(row.id),
    }),
    delegatesByCategory: t.field({
      type: [DelegateCountRef],
      resolve: async (row, _args, context) =>
        delegateCounts(
          delegatesByCategory(missionOf(row, await delegatesLoader(context).load(row.id), [])),
        ),
    }),
    costs: t.field({
      type: [MissionCostRef],
      resolve: async (row, _args, context) => {
        const rows = await missionCostsLoader(context).load(row.id);
        const mission = missionOf(row, [], rows);
        // Stored lines were checked on the way in (and the table requires a reason with a payer).
        return mission.costs.map((cost, index) => ({
          row: rows[index] as MissionCostRow,
          assigned: unwrap(assignPayer(cost, mission, index)),
        }));
      },
    }),
    costSharing: t.field({
      type: [PartyShareRef],
      description: 'A4.5: per party, what it pays, per currency; origin first, then host.',
      resolve: async (row, _args, context) =>
        unwrap(costSharing(missionOf(row, [], await missionCostsLoader(context).load(row.id)))).map(
          (share) => ({
            collectivityId: Number(share.party),
            amounts: share.amounts,
          }),
        ),
    }),
  }),
});

const missionPages = conventionPagesLoader('mission');

const MissionConnection = builder.connectionObject(
  { type: Mission, name: 'MissionConnection' },
  { name: 'MissionEdge' },
);

builder.objectField(MissionConnection, 'totalCount', (t) =>
  t.int({ resolve: (connection) => (connection as unknown as Page<MissionRow>).totalCount() }),
);

builder.objectField(Convention, 'missions', (t) =>
  t.field({
    type: MissionConnection,
    description: 'The trips between the parties under this convention, in the order recorded.',
    args: { first: t.arg.int({ description: 'At most 100.' }), after: t.arg.string() },
    resolve: async (convention, args, context) => {
      const page = readPageArgs(args);
      // A mission travels between the convention's parties: with its lists read first, their
      // origin and host are already known and cost no statement of their own.
      const [rows] = await Promise.all([
        missionPages.pages(context, page).load(convention.id),
        partiesLoader(context).load(convention.id),
      ]);
      return pageOf(rows, page, () => missionPages.counts(context).load(convention.id));
    },
  }),
);

// ——— Mutations ———

/** A collectivity's database ID, or -1 for an ID that names none (the domain then says "not a party"). */
function collectivityDbId(globalId: string): number {
  return referencedDbId(globalId, 'Collectivity') ?? -1;
}

/**
 * Where a domain issue of the mission belongs in the input. `costPath` places the issues of cost
 * lines (by their index in the domain's mission).
 */
function missionIssuePath(error: MissionError, costPath: (index: number) => string[]): string[] {
  switch (error.code) {
    case 'RETURN_BEFORE_DEPARTURE':
      return ['input', 'returnDate'];
    case 'SAME_ORIGIN_AND_HOST':
    case 'HOST_NOT_A_PARTY':
      return ['input', 'hostId'];
    case 'ORIGIN_NOT_A_PARTY':
      return ['input', 'originId'];
    case 'NO_DELEGATES':
      return ['input', 'delegates'];
    case 'NEGATIVE_COST':
      return [...costPath(error.index), 'amount'];
    case 'OVERRIDE_WITHOUT_REASON':
      return [...costPath(error.index), 'payerException', 'reason'];
    case 'PAYER_NOT_IN_MISSION':
      return [...costPath(error.index), 'payerException', 'payerId'];
  }
}

/** Runs the domain's validateMission and adds every issue to the check. */
async function checkMission(
  check: InputCheck,
  trx: Transaction<Database>,
  conventionId: number,
  mission: DomainMission,
  pathOf: (error: MissionError) => string[],
): Promise<void> {
  const parties = (await findParties(trx, conventionId)).map((party) =>
    collectivityIdOf(party.collectivity_id),
  );
  const valid = validateMission(mission, parties);
  if (valid.ok) return;
  for (const error of valid.error) check.add(pathOf(error), error.message, error.code);
}

/** A linked action must be one of the same convention; anything else is as if it did not exist. */
async function checkAction(
  check: InputCheck,
  trx: Transaction<Database>,
  conventionId: number,
  actionId: string | null | undefined,
): Promise<number | null> {
  if (!actionId) return null;
  const id = referencedDbId(actionId, 'Action');
  if (id === null || (await conventionOfAction(trx, id)) !== conventionId) {
    check.add(['input', 'actionId'], 'No action with this ID in this convention', 'UNKNOWN_ACTION');
    return null;
  }
  return id;
}

const PayerExceptionInput = builder.inputType('PayerExceptionInput', {
  description: 'A4.5: a payer other than the rule’s, only with a written reason.',
  fields: (t) => ({
    payerId: t.id({ required: true, description: 'The origin or the host.' }),
    reason: t.string({ required: true }),
  }),
});

const DelegateInput = builder.inputType('DelegateInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    category: t.field({ type: DelegateCategoryEnum, required: true }),
    position: t.string({ description: '"Adjointe au maire", "chargé de mission".' }),
  }),
});

const MissionCostInput = builder.inputType('MissionCostInput', {
  fields: (t) => ({
    category: t.field({ type: MissionCostCategoryEnum, required: true }),
    label: t.string(),
    amount: t.field({ type: MoneyInput, required: true }),
    payerException: t.field({
      type: PayerExceptionInput,
      description: 'Absent: the payer follows the shared-cost rule.',
    }),
  }),
});

interface CostInput {
  category: MissionCostCategory;
  label?: string | null;
  amount: { amount: string; currency: string };
  payerException?: { payerId: string; reason: string } | null;
}

/** A cost line of the input as the domain reads it; an unreadable amount stands as zero (its issue is recorded). */
function costOfInput(check: InputCheck, path: string[], input: CostInput): MissionCost {
  const amount = readMoney(check, [...path, 'amount'], input.amount) ?? {
    amount: 0n,
    currency: 'EUR' as Money['currency'],
  };
  const label = check.optionalText([...path, 'label'], input.label, 300) ?? '';
  return {
    category: input.category,
    label,
    amount,
    payerOverride: input.payerException
      ? {
          payer: collectivityIdOf(collectivityDbId(input.payerException.payerId)),
          reason: input.payerException.reason,
        }
      : null,
  };
}

/** The row of a cost line: a payer and reason are stored only for an exception to the rule. */
function costColumns(cost: MissionCost, mission: Pick<DomainMission, 'origin' | 'host'>) {
  const assigned = unwrap(assignPayer(cost, mission));
  return {
    category: cost.category,
    label: cost.label ?? '',
    amount: cost.amount.amount,
    currency: cost.amount.currency,
    payer_collectivity_id: assigned.exception ? Number(assigned.payer) : null,
    exception_reason: assigned.exception?.reason ?? null,
  };
}

function delegateColumns(
  check: InputCheck,
  path: string[],
  input: { name: string; category: DelegateCategory; position?: string | null },
) {
  return {
    name: check.text([...path, 'name'], input.name, 200),
    category: input.category,
    position: check.optionalText([...path, 'position'], input.position, 200) ?? '',
  };
}

const CreateMissionInput = builder.inputType('CreateMissionInput', {
  fields: (t) => ({
    conventionId: t.id({ required: true }),
    originId: t.id({ required: true, description: 'The travelling party.' }),
    hostId: t.id({ required: true, description: 'The receiving party.' }),
    departureDate: t.field({ type: 'Date', required: true }),
    returnDate: t.field({ type: 'Date', required: true }),
    purpose: t.string({ required: true }),
    actionId: t.id({ description: 'An action of the same convention that the mission serves.' }),
    delegates: t.field({ type: [DelegateInput], required: true }),
    costs: t.field({ type: [MissionCostInput] }),
  }),
});

builder.mutationField('createMission', (t) =>
  t.field({
    type: Mission,
    description: 'A trip between two parties of the convention, with its delegates and costs.',
    args: { input: t.arg({ type: CreateMissionInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'mission' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'createMission', async ({ trx, audit }) => {
        const conventionId = requireDbId(input.conventionId, 'Convention');
        await context.access.requireEdit(conventionId);
        const check = new InputCheck();
        const purpose = check.text(['input', 'purpose'], input.purpose, 1000);
        const delegates = input.delegates.map((delegate, index) =>
          delegateColumns(check, ['input', 'delegates', String(index)], delegate),
        );
        const costPath = (index: number) => ['input', 'costs', String(index)];
        const mission: DomainMission = {
          origin: collectivityIdOf(collectivityDbId(input.originId)),
          host: collectivityIdOf(collectivityDbId(input.hostId)),
          departureDate: input.departureDate,
          returnDate: input.returnDate,
          purpose,
          delegates,
          costs: (input.costs ?? []).map((cost, index) =>
            costOfInput(check, costPath(index), cost),
          ),
        };
        const actionId = await checkAction(check, trx, conventionId, input.actionId);
        await checkMission(check, trx, conventionId, mission, (error) =>
          missionIssuePath(error, costPath),
        );
        check.done();

        const row = await insertMission(trx, {
          convention_id: conventionId,
          action_id: actionId,
          origin_collectivity_id: Number(mission.origin),
          host_collectivity_id: Number(mission.host),
          departure_date: mission.departureDate,
          return_date: mission.returnDate,
          purpose,
        });
        const delegateRows = await insertDelegates(
          trx,
          delegates.map((delegate) => ({ ...delegate, mission_id: row.id })),
        );
        const costRows = await insertMissionCosts(
          trx,
          mission.costs.map((cost) => ({ ...costColumns(cost, mission), mission_id: row.id })),
        );
        await audit({
          conventionId,
          subjectType: 'Mission',
          subjectId: row.id,
          before: null,
          after: { ...row, delegates: delegateRows, costs: costRows },
        });
        return row;
      }),
  }),
);

/** The mission locked for a change, once the viewer may edit its convention. */
async function missionToChange(
  trx: Transaction<Database>,
  context: Context,
  id: number,
): Promise<MissionRow> {
  const row = await findMissionForUpdate(trx, id);
  if (!row) throw new NotFoundError();
  await context.access.requireEdit(row.convention_id);
  return row;
}

/** The mission as stored, delegates and costs included, read in the transaction. */
async function storedMission(trx: Transaction<Database>, row: MissionRow) {
  const [[delegates = []], [costs = []]] = await Promise.all([
    delegatesOfMissions(trx, [row.id]),
    costsOfMissions(trx, [row.id]),
  ]);
  return { delegates, costs, mission: missionOf(row, delegates, costs) };
}

const UpdateMissionInput = builder.inputType('UpdateMissionInput', {
  description: 'Only the fields given change; `actionId: null` unlinks the action.',
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    originId: t.id(),
    hostId: t.id(),
    departureDate: t.field({ type: 'Date' }),
    returnDate: t.field({ type: 'Date' }),
    purpose: t.string(),
    actionId: t.id(),
  }),
});

builder.mutationField('updateMission', (t) =>
  t.field({
    type: Mission,
    args: { input: t.arg({ type: UpdateMissionInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'mission' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'updateMission', async ({ trx, audit }) => {
        const before = await missionToChange(trx, context, requireDbId(input.id, 'Mission'));
        const stored = await storedMission(trx, before);
        const check = new InputCheck();
        const purpose =
          input.purpose == null
            ? before.purpose
            : check.text(['input', 'purpose'], input.purpose, 1000);
        const actionId =
          input.actionId === undefined
            ? before.action_id
            : await checkAction(check, trx, before.convention_id, input.actionId);
        const mission: DomainMission = {
          ...stored.mission,
          origin: input.originId
            ? collectivityIdOf(collectivityDbId(input.originId))
            : stored.mission.origin,
          host: input.hostId
            ? collectivityIdOf(collectivityDbId(input.hostId))
            : stored.mission.host,
          departureDate: input.departureDate ?? stored.mission.departureDate,
          returnDate: input.returnDate ?? stored.mission.returnDate,
          purpose,
        };
        // A new origin or host may leave a stored exception with a payer outside the mission.
        await checkMission(check, trx, before.convention_id, mission, (error) =>
          missionIssuePath(error, () => ['input', 'hostId']),
        );
        check.done();
        const after = await updateVersioned(trx, 'mission', before.id, input.version, {
          origin_collectivity_id: Number(mission.origin),
          host_collectivity_id: Number(mission.host),
          departure_date: mission.departureDate,
          return_date: mission.returnDate,
          purpose,
          action_id: actionId,
        });
        await audit({
          conventionId: before.convention_id,
          subjectType: 'Mission',
          subjectId: before.id,
          before,
          after,
        });
        return after;
      }),
  }),
);

const AddDelegateInput = builder.inputType('AddDelegateInput', {
  fields: (t) => ({
    missionId: t.id({ required: true }),
    version: t.int({ required: true, description: 'The mission’s version.' }),
    name: t.string({ required: true }),
    category: t.field({ type: DelegateCategoryEnum, required: true }),
    position: t.string(),
  }),
});

builder.mutationField('addDelegate', (t) =>
  t.field({
    type: Mission,
    args: { input: t.arg({ type: AddDelegateInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'mission' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'addDelegate', async ({ trx, audit }) => {
        const row = await missionToChange(trx, context, requireDbId(input.missionId, 'Mission'));
        const check = new InputCheck();
        const delegate = delegateColumns(check, ['input'], input);
        check.done();
        const after = await updateVersioned(trx, 'mission', row.id, input.version, {});
        const [added] = await insertDelegates(trx, [{ ...delegate, mission_id: row.id }]);
        await audit({
          conventionId: row.convention_id,
          subjectType: 'Delegate',
          subjectId: added?.id ?? null,
          before: null,
          after: added,
        });
        return after;
      }),
  }),
);

const RemoveDelegateInput = builder.inputType('RemoveDelegateInput', {
  fields: (t) => ({
    id: t.id({ required: true, description: 'The delegate.' }),
    version: t.int({ required: true, description: 'The mission’s version.' }),
  }),
});

builder.mutationField('removeDelegate', (t) =>
  t.field({
    type: Mission,
    description: 'A mission keeps at least one delegate (A5).',
    args: { input: t.arg({ type: RemoveDelegateInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'mission' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'removeDelegate', async ({ trx, audit }) => {
        const delegate = await findDelegate(trx, requireDbId(input.id, 'Delegate'));
        if (!delegate) throw new NotFoundError();
        const row = await missionToChange(trx, context, delegate.mission_id);
        const stored = await storedMission(trx, row);
        const check = new InputCheck();
        const remaining = stored.delegates.filter((other) => other.id !== delegate.id);
        await checkMission(
          check,
          trx,
          row.convention_id,
          { ...stored.mission, delegates: missionOf(row, remaining, []).delegates },
          () => ['input', 'id'],
        );
        check.done();
        const after = await updateVersioned(trx, 'mission', row.id, input.version, {});
        await deleteDelegate(trx, delegate.id);
        await audit({
          conventionId: row.convention_id,
          subjectType: 'Delegate',
          subjectId: delegate.id,
          before: delegate,
          after: null,
        });
        return after;
      }),
  }),
);

const AddMissionCostInput = builder.inputType('AddMissionCostInput', {
  fields: (t) => ({
    missionId: t.id({ required: true }),
    version: t.int({ required: true, description: 'The mission’s version.' }),
    category: t.field({ type: MissionCostCategoryEnum, required: true }),
    label: t.string(),
    amount: t.field({ type: MoneyInput, required: true }),
    payerException: t.field({
      type: PayerExceptionInput,
      description: 'Absent: the payer follows the shared-cost rule (A4.5).',
    }),
  }),
});

/** The issues of one cost line placed on the input's own fields. */
function costIssues(check: InputCheck, cost: MissionCost, mission: DomainMission): void {
  const assigned = assignPayer(cost, mission);
  if (assigned.ok) return;
  const field = assigned.error.code === 'OVERRIDE_WITHOUT_REASON' ? 'reason' : 'payerId';
  check.add(['input', 'payerException', field], assigned.error.message, assigned.error.code);
}

builder.mutationField('addMissionCost', (t) =>
  t.field({
    type: Mission,
    description:
      'A cost line; its payer follows the shared-cost rule unless an exception is written (A4.5).',
    args: { input: t.arg({ type: AddMissionCostInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'mission' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'addMissionCost', async ({ trx, audit }) => {
        const row = await missionToChange(trx, context, requireDbId(input.missionId, 'Mission'));
        const { mission } = await storedMission(trx, row);
        const check = new InputCheck();
        const cost = costOfInput(check, ['input'], input);
        costIssues(check, cost, mission);
        check.done();
        const after = await updateVersioned(trx, 'mission', row.id, input.version, {});
        const [added] = await insertMissionCosts(trx, [
          { ...costColumns(cost, mission), mission_id: row.id },
        ]);
        await audit({
          conventionId: row.convention_id,
          subjectType: 'MissionCost',
          subjectId: added?.id ?? null,
          before: null,
          after: added,
        });
        return after;
      }),
  }),
);

const UpdateMissionCostInput = builder.inputType('UpdateMissionCostInput', {
  description: 'Only the fields given change; `payerException: null` returns to the rule.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The cost line.' }),
    version: t.int({ required: true, description: 'The mission’s version.' }),
    category: t.field({ type: MissionCostCategoryEnum }),
    label: t.string(),
    amount: t.field({ type: MoneyInput }),
    payerException: t.field({ type: PayerExceptionInput }),
  }),
});

builder.mutationField('updateMissionCost', (t) =>
  t.field({
    type: Mission,
    args: { input: t.arg({ type: UpdateMissionCostInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'mission' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'updateMissionCost', async ({ trx, audit }) => {
        const before = await findMissionCost(trx, requireDbId(input.id, 'MissionCost'));
        if (!before) throw new NotFoundError();
        const row = await missionToChange(trx, context, before.mission_id);
        const { mission } = await storedMission(trx, row);
        const check = new InputCheck();
        const current = missionCostOf(before);
        const cost: MissionCost = {
          category: input.category ?? current.category,
          label:
            input.label === undefined
              ? current.label
              : (check.optionalText(['input', 'label'], input.label, 300) ?? ''),
          amount: input.amount
            ? (readMoney(check, ['input', 'amount'], input.amount) ?? current.amount)
            : current.amount,
          payerOverride:
            input.payerException === undefined
              ? current.payerOverride
              : input.payerException && {
                  payer: collectivityIdOf(collectivityDbId(input.payerException.payerId)),
                  reason: input.payerException.reason,
                },
        };
        costIssues(check, cost, mission);
        check.done();
        const after = await updateVersioned(trx, 'mission', row.id, input.version, {});
        const changed = await updateMissionCost(trx, before.id, costColumns(cost, mission));
        await audit({
          conventionId: row.convention_id,
          subjectType: 'MissionCost',
          subjectId: before.id,
          before,
          after: changed,
        });
        return after;
      }),
  }),
);

const RemoveMissionCostInput = builder.inputType('RemoveMissionCostInput', {
  fields: (t) => ({
    id: t.id({ required: true, description: 'The cost line.' }),
    version: t.int({ required: true, description: 'The mission’s version.' }),
  }),
});

builder.mutationField('removeMissionCost', (t) =>
  t.field({
    type: Mission,
    args: { input: t.arg({ type: RemoveMissionCostInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'mission' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'removeMissionCost', async ({ trx, audit }) => {
        const before = await findMissionCost(trx, requireDbId(input.id, 'MissionCost'));
        if (!before) throw new NotFoundError();
        const row = await missionToChange(trx, context, before.mission_id);
        const after = await updateVersioned(trx, 'mission', row.id, input.version, {});
        await deleteMissionCost(trx, before.id);
        await audit({
          conventionId: row.convention_id,
          subjectType: 'MissionCost',
          subjectId: before.id,
          before,
          after: null,
        });
        return after;
      }),
  }),
);
