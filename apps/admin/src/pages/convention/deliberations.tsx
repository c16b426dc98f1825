import { parseIsoDate } from '@coop/domain';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorFields } from '../../errors/error-fields.js';
import { clientIssues, outcomeOf } from '../../errors/outcome.js';
import { useFormat } from '../../format/use-format.js';
import { Field, FormAlert, SubmitButton, useFormFailure } from '../../forms.js';
import { graphql } from '../../graphql.js';
import { Empty } from '../../status.js';
import { type Convention } from './convention-query.js';
import { Disclosure } from './disclosure.js';

const RecordDeliberationMutation = graphql(
  `
    mutation RecordDeliberation($input: RecordDeliberationInput!) {
      recordDeliberation(input: $input) {
        __typename
        ... on RecordDeliberationSuccess {
          convention {
            id
            version
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const KINDS = ['AUTHORISATION', 'RENEWAL', 'OTHER'] as const;
type Kind = (typeof KINDS)[number];

/** The council decisions of the parties: authorising the signature, approving a renewal (A7)… */
export function DeliberationsSection({
  convention,
  editable,
  ownCollectivityId,
}: {
  convention: Convention;
  editable: boolean;
  ownCollectivityId: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [saved, setSaved] = useState<string | null>(null);
  const deliberations = [...convention.deliberations].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <section aria-labelledby="deliberations-heading">
      <h2 id="deliberations-heading">{t('deliberations.title')}</h2>
      {deliberations.length === 0 ? (
        <Empty>{t('deliberations.empty')}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="list">
            <caption className="visually-hidden">{t('deliberations.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('deliberations.date')}</th>
                <th scope="col">{t('deliberations.party')}</th>
                <th scope="col">{t('deliberations.kind')}</th>
                <th scope="col">{t('deliberations.body')}</th>
                <th scope="col">{t('deliberations.subject')}</th>
                <th scope="col">{t('deliberations.reference')}</th>
              </tr>
            </thead>
            <tbody>
              {deliberations.map((deliberation, index) => (
                <tr key={`${deliberation.collectivity.id}-${deliberation.date}-${index}`}>
                  <td>
                    <time dateTime={deliberation.date}>{format.date(deliberation.date)}</time>
                  </td>
                  <td>{deliberation.collectivity.name}</td>
                  <td>{t(`deliberations.kinds.${deliberation.kind}`)}</td>
                  <td>{deliberation.body}</td>
                  <td>{deliberation.subject}</td>
                  <td>{deliberation.reference ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="saved" role="status">
        {saved}
      </p>
      {editable && (
        <Disclosure label={t('deliberations.record')}>
          {(close) => (
            <DeliberationForm
              convention={convention}
              defaultParty={ownCollectivityId}
              onDone={() => {
                setSaved(t('deliberations.saved'));
                close();
              }}
            />
          )}
        </Disclosure>
      )}
    </section>
  );
}

const FIELDS = ['collectivityId', 'kind', 'body', 'date', 'reference', 'subject'];

function DeliberationForm({
  convention,
  defaultParty,
  onDone,
}: {
  convention: Convention;
  defaultParty: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const parties = convention.parties.map((party) => party.collectivity);
  const [values, setValues] = useState({
    collectivityId: parties.some((party) => party.id === defaultParty)
      ? defaultParty
      : (parties[0]?.id ?? ''),
    kind: (convention.status === 'EXPIRING' ? 'RENEWAL' : 'AUTHORISATION') as Kind,
    body: '',
    date: '',
    reference: '',
    subject: '',
  });
  const set = (field: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const form = useFormFailure(FIELDS);
  const [state, record] = useMutation(RecordDeliberationMutation);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    // The date is the one thing the server could not even read if it were wrong.
    const date = parseIsoDate(values.date);
    if (!date.ok) {
      const local = clientIssues([
        { path: ['input', 'date'], code: values.date ? 'INVALID_DATE' : 'REQUIRED', message: '' },
      ]);
      if (local) form.report(local);
      return;
    }
    const result = await record({
      input: {
        conventionId: convention.id,
        collectivityId: values.collectivityId,
        kind: values.kind,
        body: values.body,
        date: date.value,
        reference: values.reference || null,
        subject: values.subject,
      },
    });
    const outcome = outcomeOf(result.data?.recordDeliberation, result.error);
    if (outcome.ok) onDone();
    else form.report(outcome.failure);
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert form={form} />
      <Field form={form} name="collectivityId" label={t('deliberations.party')}>
        {(control) => (
          <select
            {...control}
            value={values.collectivityId}
            onChange={(event) => set('collectivityId')(event.target.value)}
          >
            {parties.map((party) => (
              <option key={party.id} value={party.id}>
                {party.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form={form} name="kind" label={t('deliberations.kind')}>
        {(control) => (
          <select
            {...control}
            value={values.kind}
            onChange={(event) => set('kind')(event.target.value)}
          >
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`deliberations.kinds.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        form={form}
        name="body"
        label={t('deliberations.body')}
        hint={t('deliberations.bodyHint')}
      >
        {(control) => (
          <input
            {...control}
            value={values.body}
            onChange={(event) => set('body')(event.target.value)}
            required
          />
        )}
      </Field>
      <Field form={form} name="date" label={t('deliberations.date')}>
        {(control) => (
          <input
            {...control}
            type="date"
            value={values.date}
            onChange={(event) => set('date')(event.target.value)}
            required
          />
        )}
      </Field>
      <Field form={form} name="reference" label={t('deliberations.reference')}>
        {(control) => (
          <input
            {...control}
            value={values.reference}
            onChange={(event) => set('reference')(event.target.value)}
          />
        )}
      </Field>
      <Field form={form} name="subject" label={t('deliberations.subject')}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={values.subject}
            onChange={(event) => set('subject')(event.target.value)}
            required
          />
        )}
      </Field>
      <SubmitButton busy={state.fetching} label={t('deliberations.submit')} />
    </form>
  );
}
