import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Link, useLocation } from 'wouter';
import {
  changedMeanwhile,
  formValuesOf,
  shownValues,
  updateInputOf,
  type EditableField,
  type Edits,
  type FormValues,
} from '../conventions/edit-draft.js';
import { ErrorFields } from '../errors/error-fields.js';
import { clientIssues, outcomeOf } from '../errors/outcome.js';
import { Field, FormAlert, SubmitButton, useFormFailure, type ControlProps } from '../forms.js';
import { graphql } from '../graphql.js';
import { Failure, Loading, NotFound, useDocumentTitle } from '../status.js';
import { canEdit, useSignedInViewer } from '../viewer.js';
import {
  ConventionQuery,
  useReloadConvention,
  type Convention,
} from './convention/convention-query.js';

const UpdateConventionMutation = graphql(
  `
    mutation UpdateConvention($input: UpdateConventionInput!) {
      updateConvention(input: $input) {
        __typename
        ... on UpdateConventionSuccess {
          convention {
            id
            version
            title
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export default function EditConventionPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const viewer = useSignedInViewer();
  const [result, refetch] = useQuery({ query: ConventionQuery, variables: { id } });
  const convention = result.data?.node?.__typename === 'Convention' ? result.data.node : null;
  useDocumentTitle(t('conventionForm.editTitle'));
  if (result.fetching && !result.data) {
    return (
      <main id="main" className="page">
        <Loading />
      </main>
    );
  }
  if (result.error && !result.data) {
    return (
      <main id="main" className="page">
        <Failure error={result.error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      </main>
    );
  }
  if (!convention) return <NotFound />;
  if (!canEdit(viewer)) {
    return (
      <main id="main" className="page">
        <h1>{t('conventionForm.editTitle')}</h1>
        <p>{t('errors.forbidden')}</p>
      </main>
    );
  }
  return <EditForm convention={convention} />;
}

/**
 * The convention's text and policies. The form holds the user's edits apart from the server's
 * values: a stale version (ConflictError) loses nothing, and "reload" brings the others' changes
 * into the untouched fields.
 */
function EditForm({ convention }: { convention: Convention }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const latest = formValuesOf(convention);
  const [base] = useState<FormValues>(latest);
  const [edits, setEdits] = useState<Edits>({});
  const shown = shownValues(latest, edits);
  const meanwhile = new Set(changedMeanwhile(base, latest, edits));
  const form = useFormFailure([
    'title',
    'durationYears',
    'reportingCurrency',
    'funderCapPercent',
    'minimumPartySharePercent',
    'object',
    'preamble',
  ]);
  const [state, update] = useMutation(UpdateConventionMutation);
  const reload = useReloadConvention(convention.id);
  const path = `/conventions/${encodeURIComponent(convention.id)}`;
  const edit = (field: EditableField, value: string) =>
    setEdits((current) => ({ ...current, [field]: value }));

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    const input = updateInputOf(latest, edits);
    if (!input.ok) {
      const local = clientIssues(
        input.notWhole.map((field) => ({
          path: ['input', field],
          code: 'NOT_A_WHOLE_NUMBER',
          message: '',
        })),
      );
      if (local) form.report(local);
      return;
    }
    const result = await update({
      input: { id: convention.id, version: convention.version, ...input.values },
    });
    const outcome = outcomeOf(result.data?.updateConvention, result.error);
    if (outcome.ok) navigate(path);
    else form.report(outcome.failure);
  }

  const hint = (field: EditableField) =>
    meanwhile.has(field)
      ? t('conventionForm.changedMeanwhile', { value: latest[field] || '—' })
      : undefined;
  const text = (field: EditableField) => (control: ControlProps) => (
    <input
      {...control}
      value={shown[field]}
      onChange={(event) => edit(field, event.target.value)}
    />
  );
  const number = (field: EditableField, min: number, max: number) => (control: ControlProps) => (
    <input
      {...control}
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      value={shown[field]}
      onChange={(event) => edit(field, event.target.value)}
    />
  );
  const area = (field: EditableField, rows: number) => (control: ControlProps) => (
    <textarea
      {...control}
      rows={rows}
      value={shown[field]}
      onChange={(event) => edit(field, event.target.value)}
    />
  );

  return (
    <main id="main" className="page" tabIndex={-1}>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link href="/conventions">{t('nav.conventions')}</Link>
        {' › '}
        <Link href={path}>
          <bdi>{convention.title}</bdi>
        </Link>
      </nav>
      <h1>{t('conventionForm.editTitle')}</h1>
      <form className="convention-form" onSubmit={(event) => void submit(event)} noValidate>
        <FormAlert form={form} onReload={reload} />
        <Field form={form} name="title" label={t('conventionForm.title')} hint={hint('title')}>
          {text('title')}
        </Field>
        <div className="field-row">
          <Field
            form={form}
            name="durationYears"
            label={t('conventionForm.durationYears')}
            hint={hint('durationYears') ?? t('conventionForm.durationYearsHint')}
          >
            {number('durationYears', 1, 99)}
          </Field>
          <Field
            form={form}
            name="reportingCurrency"
            label={t('conventionForm.reportingCurrency')}
            hint={hint('reportingCurrency') ?? t('conventionForm.reportingCurrencyHint')}
          >
            {text('reportingCurrency')}
          </Field>
        </div>
        <div className="field-row">
          <Field
            form={form}
            name="funderCapPercent"
            label={t('conventionForm.funderCapPercent')}
            hint={hint('funderCapPercent') ?? t('conventionForm.funderCapPercentHint')}
          >
            {number('funderCapPercent', 0, 100)}
          </Field>
          <Field
            form={form}
            name="minimumPartySharePercent"
            label={t('conventionForm.minimumPartySharePercent')}
            hint={
              hint('minimumPartySharePercent') ?? t('conventionForm.minimumPartySharePercentHint')
            }
          >
            {number('minimumPartySharePercent', 0, 100)}
          </Field>
        </div>
        <Field form={form} name="object" label={t('convention.object')} hint={hint('object')}>
          {area('object', 4)}
        </Field>
        <Field form={form} name="preamble" label={t('convention.preamble')} hint={hint('preamble')}>
          {area('preamble', 8)}
        </Field>
        <div className="form-actions">
          <SubmitButton busy={state.fetching} label={t('common.save')} />
          <Link href={path}>{t('common.cancel')}</Link>
        </div>
      </form>
    </main>
  );
}
