import { parseIsoDate } from '@coop/domain';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { useEditDraft } from '../../edit-draft.js';
import { ErrorFields } from '../../errors/error-fields.js';
import { clientIssues, outcomeOf } from '../../errors/outcome.js';
import { useFormat } from '../../format/use-format.js';
import { Field, FormAlert, SubmitButton, useFormFailure } from '../../forms.js';
import { graphql } from '../../graphql.js';
import { Disclosure } from '../convention/disclosure.js';
import type { Evaluation } from './evaluation-query.js';

const UpdateEvaluationMutation = graphql(
  `
    mutation UpdateEvaluation($input: UpdateEvaluationInput!) {
      updateEvaluation(input: $input) {
        __typename
        ... on UpdateEvaluationSuccess {
          evaluation {
            id
            version
            status
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const SubmitEvaluationMutation = graphql(
  `
    mutation SubmitEvaluation($input: SubmitEvaluationInput!) {
      submitEvaluation(input: $input) {
        __typename
        ... on SubmitEvaluationSuccess {
          evaluation {
            id
            version
            status
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const RecordCommunicationMutation = graphql(
  `
    mutation RecordCommunication($input: RecordCommunicationInput!) {
      recordCommunication(input: $input) {
        __typename
        ... on RecordCommunicationSuccess {
          evaluation {
            id
            version
            communicatedAt
            communicatedTo
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** The evaluation's status in words and colour. */
export function EvaluationStatusBadge({ status }: { status: Evaluation['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`status evaluation-${status.toLowerCase()}`}>
      {t(`evaluations.statuses.${status}`)}
    </span>
  );
}

/**
 * What the parties write (A6): a narrative per axis and the summary. A submitted evaluation goes
 * back to draft when changed (its approvals no longer count); an approved one is final.
 */
export function WritingSection({
  evaluation,
  editable,
  onReload,
}: {
  evaluation: Evaluation;
  editable: boolean;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<string | null>(null);
  const final = evaluation.status === 'APPROVED';
  return (
    <section aria-labelledby="writing-heading">
      <h2 id="writing-heading">{t('evaluations.writing')}</h2>
      {final && <p className="hint">{t('evaluations.final')}</p>}
      <p className="saved" role="status">
        {saved}
      </p>
      {editable && !final && (
        <Disclosure label={t('evaluations.write')}>
          {(close) => (
            <WritingForm
              evaluation={evaluation}
              onReload={onReload}
              onDone={() => {
                setSaved(t('evaluations.writingSaved'));
                close();
              }}
            />
          )}
        </Disclosure>
      )}
    </section>
  );
}

function WritingForm({
  evaluation,
  onReload,
  onDone,
}: {
  evaluation: Evaluation;
  onReload: () => Promise<unknown>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const axes = evaluation.convention.axes;
  const latest: Record<string, string> = { summary: evaluation.summary };
  for (const axis of axes) {
    latest[axis.id] =
      evaluation.narratives.find((narrative) => narrative.axis.id === axis.id)?.text ?? '';
  }
  const draft = useEditDraft<string>(latest);
  const fields = ['summary', ...axes.map((_axis, index) => `narratives.${index}.text`)];
  const form = useFormFailure(fields);
  const [state, update] = useMutation(UpdateEvaluationMutation);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    if (draft.pending.length === 0) {
      onDone();
      return;
    }
    const narratives = axes
      .filter((axis) => draft.pending.includes(axis.id))
      .map((axis) => ({ axisId: axis.id, text: draft.shown[axis.id] ?? '' }));
    const result = await update({
      input: {
        id: evaluation.id,
        version: evaluation.version,
        ...(draft.pending.includes('summary') ? { summary: draft.shown.summary ?? '' } : {}),
        ...(narratives.length > 0 ? { narratives } : {}),
      },
    });
    const outcome = outcomeOf(result.data?.updateEvaluation, result.error);
    if (outcome.ok) onDone();
    else form.report(outcome.failure);
  }

  const hint = (field: string) =>
    draft.meanwhile.has(field)
      ? t('conventionForm.changedMeanwhile', { value: latest[field] || '—' })
      : undefined;

  return (
    <form className="inline-form wide" onSubmit={(event) => void submit(event)} noValidate>
      {evaluation.status === 'SUBMITTED' && <p className="flag">{t('evaluations.backToDraft')}</p>}
      <FormAlert form={form} onReload={onReload} />
      <Field form={form} name="summary" label={t('evaluations.summary')} hint={hint('summary')}>
        {(control) => (
          <textarea
            {...control}
            rows={4}
            value={draft.shown.summary ?? ''}
            onChange={(event) => draft.edit('summary', event.target.value)}
          />
        )}
      </Field>
      {axes.map((axis, index) => (
        <Field
          key={axis.id}
          form={form}
          name={`narratives.${index}.text`}
          label={t('evaluations.narrativeOf', { axis: axis.title })}
          hint={hint(axis.id)}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={draft.shown[axis.id] ?? ''}
              onChange={(event) => draft.edit(axis.id, event.target.value)}
            />
          )}
        </Field>
      ))}
      <SubmitButton busy={state.fetching} label={t('common.save')} />
    </form>
  );
}

/** DRAFT → SUBMITTED: the text is put to the parties, who then approve this version. */
export function SubmitSection({
  evaluation,
  editable,
  onReload,
}: {
  evaluation: Evaluation;
  editable: boolean;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const form = useFormFailure([]);
  const [state, submitEvaluation] = useMutation(SubmitEvaluationMutation);
  if (!editable || evaluation.status !== 'DRAFT') return null;

  async function submit() {
    form.clear();
    const result = await submitEvaluation({
      input: { id: evaluation.id, version: evaluation.version },
    });
    const outcome = outcomeOf(result.data?.submitEvaluation, result.error);
    if (!outcome.ok) form.report(outcome.failure);
  }

  return (
    <div className="submit-evaluation">
      <FormAlert form={form} onReload={onReload} />
      <p className="hint">{t('evaluations.submitHint')}</p>
      <button
        type="button"
        className="primary"
        disabled={state.fetching}
        onClick={() => void submit()}
      >
        {t('evaluations.submit')}
      </button>
    </div>
  );
}

/** A6: "pourra être l'objet d'une communication aux instances délibérantes". */
export function CommunicationSection({
  evaluation,
  editable,
  onReload,
}: {
  evaluation: Evaluation;
  editable: boolean;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="communication-heading">
      <h2 id="communication-heading">{t('evaluations.communication')}</h2>
      {evaluation.communicatedAt ? (
        <p data-testid="communicated">
          {t('evaluations.communicatedTo', {
            body: evaluation.communicatedTo ?? '',
            date: format.date(evaluation.communicatedAt),
          })}
        </p>
      ) : (
        <p className="empty">
          {evaluation.status === 'APPROVED'
            ? t('evaluations.notCommunicated')
            : t('evaluations.communicateOnceApproved')}
        </p>
      )}
      {editable && evaluation.status === 'APPROVED' && (
        <Disclosure label={t('evaluations.recordCommunication')}>
          {(close) => (
            <CommunicationForm evaluation={evaluation} onReload={onReload} onDone={close} />
          )}
        </Disclosure>
      )}
    </section>
  );
}

function CommunicationForm({
  evaluation,
  onReload,
  onDone,
}: {
  evaluation: Evaluation;
  onReload: () => Promise<unknown>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState(evaluation.communicatedTo ?? '');
  const [date, setDate] = useState(evaluation.communicatedAt ?? '');
  const form = useFormFailure(['body', 'date']);
  const [state, record] = useMutation(RecordCommunicationMutation);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    const day = parseIsoDate(date);
    if (!day.ok) {
      const local = clientIssues([
        { path: ['input', 'date'], code: date ? 'INVALID_DATE' : 'REQUIRED', message: '' },
      ]);
      if (local) form.report(local);
      return;
    }
    const result = await record({
      input: { id: evaluation.id, version: evaluation.version, body, date: day.value },
    });
    const outcome = outcomeOf(result.data?.recordCommunication, result.error);
    if (outcome.ok) onDone();
    else form.report(outcome.failure);
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert form={form} onReload={onReload} />
      <Field form={form} name="body" label={t('evaluations.body')} hint={t('evaluations.bodyHint')}>
        {(control) => (
          <input {...control} value={body} onChange={(event) => setBody(event.target.value)} />
        )}
      </Field>
      <Field form={form} name="date" label={t('evaluations.communicationDate')}>
        {(control) => (
          <input
            {...control}
            type="date"
            value={date}
            onChange={(event) => setDate(event.target.value)}
          />
        )}
      </Field>
      <SubmitButton busy={state.fetching} label={t('evaluations.recordCommunicationSubmit')} />
    </form>
  );
}
