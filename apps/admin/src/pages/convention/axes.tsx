import { asId, axesOutsidePeriod, checkAxisPeriod, parseIsoDate } from '@coop/domain';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Link, useLocation } from 'wouter';
import { ErrorFields } from '../../errors/error-fields.js';
import { clientIssues, outcomeOf, type Issue } from '../../errors/outcome.js';
import { useFormat } from '../../format/use-format.js';
import { Field, FormAlert, SubmitButton, useFormFailure } from '../../forms.js';
import { graphql } from '../../graphql.js';
import { Empty } from '../../status.js';
import { CreateActionForm } from '../action/action-form.js';
import { ActionStatusBadge } from '../action/action-status.js';
import { useReloadConvention, type Convention } from './convention-query.js';
import { Disclosure } from './disclosure.js';

const CreateAxisMutation = graphql(
  `
    mutation CreateAxis($input: CreateAxisInput!) {
      createAxis(input: $input) {
        __typename
        ... on CreateAxisSuccess {
          axis {
            id
            convention {
              id
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const UpdateAxisMutation = graphql(
  `
    mutation UpdateAxis($input: UpdateAxisInput!) {
      updateAxis(input: $input) {
        __typename
        ... on UpdateAxisSuccess {
          axis {
            id
            version
            title
            description
            periodStart
            periodEnd
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

type AxisData = Convention['axes'][number];

/** A2: the thematic axes, each with its own period; flagged when outside the current term. */
export function AxesSection({
  convention,
  editable,
}: {
  convention: Convention;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [, navigate] = useLocation();
  const actions = convention.actions.edges.map((edge) => edge.node);
  // Axes that no longer orient the current term (A2 after a renewal): the domain's rule.
  const flags = new Map<string, string>();
  const start = convention.startDate ? parseIsoDate(convention.startDate) : null;
  const end = convention.endDate ? parseIsoDate(convention.endDate) : null;
  if (start?.ok && end?.ok) {
    const axes = convention.axes.flatMap((axis) => {
      const periodStart = parseIsoDate(axis.periodStart);
      const periodEnd = parseIsoDate(axis.periodEnd);
      return periodStart.ok && periodEnd.ok
        ? [
            {
              id: asId<'Axis'>(axis.id),
              title: axis.title,
              description: axis.description,
              periodStart: periodStart.value,
              periodEnd: periodEnd.value,
            },
          ]
        : [];
    });
    for (const flag of axesOutsidePeriod(axes, { startDate: start.value, endDate: end.value })) {
      flags.set(flag.axis.id, flag.code);
    }
  }
  return (
    <section aria-labelledby="axes-heading">
      <h2 id="axes-heading">{t('convention.axes')}</h2>
      {convention.axes.length === 0 ? (
        <Empty>{t('axes.empty')}</Empty>
      ) : (
        <ol className="axes">
          {convention.axes.map((axis) => (
            <li key={axis.id}>
              <h3>{axis.title}</h3>
              <p className="period">
                {t('convention.period', {
                  start: format.year(axis.periodStart),
                  end: format.year(axis.periodEnd),
                })}
              </p>
              {flags.has(axis.id) && (
                <p className="flag">{t(`axes.flags.${flags.get(axis.id) ?? ''}`)}</p>
              )}
              {axis.description && <p>{axis.description}</p>}
              <AxisActions actions={actions.filter((action) => action.axis.id === axis.id)} />
              {editable && (
                <Disclosure label={t('actions.newUnder', { axis: axis.title })}>
                  {() => (
                    <CreateActionForm
                      conventionId={convention.id}
                      axes={convention.axes}
                      defaultAxisId={axis.id}
                      onCreated={(action) => navigate(`/actions/${encodeURIComponent(action.id)}`)}
                    />
                  )}
                </Disclosure>
              )}
              {editable && (
                <Disclosure label={t('axes.edit', { title: axis.title })}>
                  {(close) => <AxisForm convention={convention} axis={axis} onDone={close} />}
                </Disclosure>
              )}
            </li>
          ))}
        </ol>
      )}
      {editable && (
        <Disclosure label={t('axes.add')}>
          {(close) => <AxisForm convention={convention} axis={null} onDone={close} />}
        </Disclosure>
      )}
    </section>
  );
}

/** A2: every action belongs to exactly one axis; the axis lists its own. */
function AxisActions({ actions }: { actions: Convention['actions']['edges'][number]['node'][] }) {
  const { t } = useTranslation();
  if (actions.length === 0) return <p className="empty">{t('actions.noneUnderAxis')}</p>;
  return (
    <ul className="axis-actions" aria-label={t('actions.ofAxis')}>
      {actions.map((action) => (
        <li key={action.id}>
          <Link href={`/actions/${encodeURIComponent(action.id)}`}>
            <bdi>{action.title}</bdi>
          </Link>{' '}
          <ActionStatusBadge status={action.status} />
        </li>
      ))}
    </ul>
  );
}

const FIELDS = ['title', 'description', 'periodStart', 'periodEnd'];

function AxisForm({
  convention,
  axis,
  onDone,
}: {
  convention: Convention;
  axis: AxisData | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState({
    title: axis?.title ?? '',
    description: axis?.description ?? '',
    periodStart: axis?.periodStart ?? convention.startDate ?? '',
    periodEnd: axis?.periodEnd ?? convention.endDate ?? '',
  });
  const form = useFormFailure(FIELDS);
  const [creating, createAxis] = useMutation(CreateAxisMutation);
  const [updating, updateAxis] = useMutation(UpdateAxisMutation);
  const reload = useReloadConvention(convention.id);
  const set = (field: keyof typeof values, value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  const periodStart = parseIsoDate(values.periodStart);
  const periodEnd = parseIsoDate(values.periodEnd);
  // The period's rule, while typing (the server checks it again).
  const reversed =
    periodStart.ok &&
    periodEnd.ok &&
    !checkAxisPeriod({ periodStart: periodStart.value, periodEnd: periodEnd.value }).ok;

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    const issues: Issue[] = [];
    for (const [field, parsed] of [
      ['periodStart', periodStart],
      ['periodEnd', periodEnd],
    ] as const) {
      if (!parsed.ok) {
        issues.push({
          path: ['input', field],
          code: values[field] ? 'INVALID_DATE' : 'REQUIRED',
          message: '',
        });
      }
    }
    const local = clientIssues(issues);
    if (local || !periodStart.ok || !periodEnd.ok) {
      if (local) form.report(local);
      return;
    }
    const common = {
      title: values.title,
      description: values.description,
      periodStart: periodStart.value,
      periodEnd: periodEnd.value,
    };
    if (axis) {
      const result = await updateAxis({ input: { id: axis.id, version: axis.version, ...common } });
      const outcome = outcomeOf(result.data?.updateAxis, result.error);
      if (outcome.ok) onDone();
      else form.report(outcome.failure);
    } else {
      const result = await createAxis({ input: { conventionId: convention.id, ...common } });
      const outcome = outcomeOf(result.data?.createAxis, result.error);
      if (outcome.ok) onDone();
      else form.report(outcome.failure);
    }
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert form={form} onReload={reload} />
      <Field form={form} name="title" label={t('axes.titleLabel')}>
        {(control) => (
          <input
            {...control}
            value={values.title}
            onChange={(event) => set('title', event.target.value)}
            required
          />
        )}
      </Field>
      <Field form={form} name="description" label={t('axes.description')}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={values.description}
            onChange={(event) => set('description', event.target.value)}
          />
        )}
      </Field>
      <div className="field-row">
        <Field form={form} name="periodStart" label={t('axes.periodStart')}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.periodStart}
              onChange={(event) => set('periodStart', event.target.value)}
            />
          )}
        </Field>
        <Field form={form} name="periodEnd" label={t('axes.periodEnd')}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.periodEnd}
              onChange={(event) => set('periodEnd', event.target.value)}
            />
          )}
        </Field>
      </div>
      {reversed && (
        <p className="flag" role="status">
          {t('errors.codes.AXIS_PERIOD_REVERSED')}
        </p>
      )}
      <SubmitButton busy={creating.fetching || updating.fetching} label={t('common.save')} />
    </form>
  );
}
