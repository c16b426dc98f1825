import { checkAxisPeriod, type IsoDate } from '@coop/domain';
import { builder } from '../builder.js';
import { NotFoundError } from '../errors.js';
import { runMutation } from '../mutation.js';
import {
  findAxisForUpdate,
  findConventionForUpdate,
  insertAxis,
  nextAxisPosition,
} from '../repositories/convention.js';
import { updateVersioned } from '../repositories/versioned.js';
import { Axis, Convention } from './convention.js';
import { EDIT_ERRORS } from './errors.js';
import { requireDbId } from './global-id.js';
import { InputCheck } from './input-check.js';

/** A2's axes are edited on their own: adding one does not touch the convention's text. */
const CreateAxisInput = builder.inputType('CreateAxisInput', {
  fields: (t) => ({
    conventionId: t.id({ required: true }),
    title: t.string({ required: true }),
    description: t.string(),
    periodStart: t.field({ type: 'Date', required: true }),
    periodEnd: t.field({ type: 'Date', required: true }),
  }),
});

function checkPeriod(check: InputCheck, periodStart: IsoDate, periodEnd: IsoDate): void {
  const period = checkAxisPeriod({ periodStart, periodEnd });
  if (!period.ok) check.add(['input', 'periodEnd'], period.error.message, period.error.code);
}

builder.mutationField('createAxis', (t) =>
  t.field({
    type: Axis,
    args: { input: t.arg({ type: CreateAxisInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'axis' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'createAxis', async ({ trx, audit }) => {
        const conventionId = requireDbId(input.conventionId, 'Convention');
        await context.access.requireEdit(conventionId);
        if (!(await findConventionForUpdate(trx, conventionId))) throw new NotFoundError();
        const check = new InputCheck();
        const title = check.text(['input', 'title'], input.title, 300);
        checkPeriod(check, input.periodStart, input.periodEnd);
        check.done();
        const axis = await insertAxis(trx, {
          convention_id: conventionId,
          position: await nextAxisPosition(trx, conventionId),
          title,
          description: input.description?.trim() ?? '',
          period_start: input.periodStart,
          period_end: input.periodEnd,
        });
        await audit({
          conventionId,
          subjectType: 'Axis',
          subjectId: axis.id,
          before: null,
          after: axis,
        });
        return axis;
      }),
  }),
);

const UpdateAxisInput = builder.inputType('UpdateAxisInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    title: t.string(),
    description: t.string(),
    periodStart: t.field({ type: 'Date' }),
    periodEnd: t.field({ type: 'Date' }),
  }),
});

builder.mutationField('updateAxis', (t) =>
  t.field({
    type: Axis,
    args: { input: t.arg({ type: UpdateAxisInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'axis' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'updateAxis', async ({ trx, audit }) => {
        const id = requireDbId(input.id, 'Axis');
        const before = await findAxisForUpdate(trx, id);
        if (!before) throw new NotFoundError();
        await context.access.requireEdit(before.convention_id);
        const check = new InputCheck();
        const title =
          input.title == null ? before.title : check.text(['input', 'title'], input.title, 300);
        const periodStart = input.periodStart ?? (before.period_start as IsoDate);
        const periodEnd = input.periodEnd ?? (before.period_end as IsoDate);
        checkPeriod(check, periodStart, periodEnd);
        check.done();
        const after = await updateVersioned(trx, 'axis', id, input.version, {
          title,
          description: input.description?.trim() ?? before.description,
          period_start: periodStart,
          period_end: periodEnd,
        });
        await audit({
          conventionId: before.convention_id,
          subjectType: 'Axis',
          subjectId: id,
          before,
          after,
        });
        return after;
      }),
  }),
);

builder.objectField(Axis, 'convention', (t) =>
  t.field({ type: Convention, resolve: (axis) => axis.convention_id }),
);
