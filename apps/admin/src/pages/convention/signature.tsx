import { parseIsoDate, statusAt, termEndDate, today as todayIn } from '@coop/domain';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorFields } from '../../errors/error-fields.js';
import { clientIssues, outcomeOf, type Issue } from '../../errors/outcome.js';
import { useFormat } from '../../format/use-format.js';
import { Field, FormAlert, SubmitButton, useFormFailure } from '../../forms.js';
import { graphql } from '../../graphql.js';
import { useReloadConvention, type Convention } from './convention-query.js';
import { Disclosure } from './disclosure.js';
import { StatusBadge } from './status-badge.js';

const RecordSignatureMutation = graphql(
  `
    mutation RecordSignature($input: RecordSignatureInput!) {
      recordSignature(input: $input) {
        __typename
        ... on RecordSignatureSuccess {
          convention {
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

/** Signature, duration and terms (A7). */
export function TermSection({
  convention,
  editable,
}: {
  convention: Convention;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const signature = convention.signature;
  // A renewed convention keeps its signature: its terms were counted from it.
  const canSign = editable && convention.terms.length <= 1;
  return (
    <section aria-labelledby="term-heading">
      <h2 id="term-heading">{t('convention.term')}</h2>
      <p>{t('convention.durationYears', { count: convention.durationYears })}</p>
      <p className="signature-line">
        {!signature
          ? t('convention.unsigned')
          : signature.place
            ? t('convention.signedAt', {
                place: signature.place,
                date: format.date(signature.date),
              })
            : t('convention.signedOn', { date: format.date(signature.date) })}
      </p>
      {signature && <p>{t('convention.originals', { count: signature.originals })}</p>}
      {convention.startDate && convention.endDate && (
        <p className="current-term">
          {t('convention.currentTerm', {
            start: format.date(convention.startDate),
            end: format.date(convention.endDate),
          })}
        </p>
      )}
      {convention.terms.length > 0 && (
        <ol className="terms" aria-label={t('convention.terms')}>
          {convention.terms.map((term) => (
            <li key={term.number}>
              {t('convention.termLine', {
                number: term.number,
                start: format.date(term.startDate),
                end: format.date(term.endDate),
              })}
            </li>
          ))}
        </ol>
      )}
      {canSign && (
        <Disclosure label={signature ? t('signature.correct') : t('signature.record')}>
          {(close) => <SignatureForm convention={convention} onDone={close} />}
        </Disclosure>
      )}
    </section>
  );
}

const FIELDS = ['place', 'date', 'originals'];

function SignatureForm({ convention, onDone }: { convention: Convention; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [place, setPlace] = useState(convention.signature?.place ?? '');
  const [date, setDate] = useState(convention.signature?.date ?? '');
  const [originals, setOriginals] = useState(
    String(convention.signature?.originals ?? convention.parties.length),
  );
  const form = useFormFailure(FIELDS);
  const [state, recordSignature] = useMutation(RecordSignatureMutation);
  const reload = useReloadConvention(convention.id);

  // The term the signature would open, and the status it would give today: the domain's rule
  // (A7), shown while typing. The server decides again when the form is sent.
  const parsed = parseIsoDate(date);
  const preview = parsed.ok
    ? {
        start: parsed.value,
        end: termEndDate(parsed.value, convention.durationYears),
        status: statusAt(
          {
            signature: { place: place || null, date: parsed.value, originals: 1 },
            durationYears: convention.durationYears,
            renewals: [],
          },
          todayIn(),
        ),
      }
    : null;

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    const issues: Issue[] = [];
    if (!parsed.ok)
      issues.push({
        path: ['input', 'date'],
        code: date ? 'INVALID_DATE' : 'REQUIRED',
        message: '',
      });
    const count = Number(originals);
    if (!Number.isInteger(count))
      issues.push({ path: ['input', 'originals'], code: 'NOT_A_WHOLE_NUMBER', message: '' });
    const local = clientIssues(issues);
    if (local || !parsed.ok) {
      if (local) form.report(local);
      return;
    }
    const result = await recordSignature({
      input: {
        conventionId: convention.id,
        version: convention.version,
        place: place || null,
        date: parsed.value,
        originals: count,
      },
    });
    const outcome = outcomeOf(result.data?.recordSignature, result.error);
    if (outcome.ok) onDone();
    else form.report(outcome.failure);
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert form={form} onReload={reload} />
      <Field form={form} name="place" label={t('signature.place')} hint={t('signature.placeHint')}>
        {(control) => (
          <input {...control} value={place} onChange={(event) => setPlace(event.target.value)} />
        )}
      </Field>
      <Field form={form} name="date" label={t('signature.date')}>
        {(control) => (
          <input
            {...control}
            type="date"
            value={date}
            onChange={(event) => setDate(event.target.value)}
            required
          />
        )}
      </Field>
      <Field
        form={form}
        name="originals"
        label={t('signature.originals')}
        hint={t('signature.originalsHint')}
      >
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="numeric"
            min={1}
            max={99}
            value={originals}
            onChange={(event) => setOriginals(event.target.value)}
          />
        )}
      </Field>
      <p className="preview" aria-live="polite" data-testid="term-preview">
        {preview ? (
          <>
            {t('signature.preview', {
              start: format.date(preview.start),
              end: format.date(preview.end),
            })}{' '}
            <StatusBadge status={preview.status} />
          </>
        ) : (
          t('signature.previewEmpty')
        )}
      </p>
      <SubmitButton busy={state.fetching} label={t('signature.submit')} />
    </form>
  );
}
