import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorFields } from '../../errors/error-fields.js';
import { outcomeOf } from '../../errors/outcome.js';
import { useFormat } from '../../format/use-format.js';
import { Field, FormAlert, SubmitButton, useFormFailure } from '../../forms.js';
import { graphql } from '../../graphql.js';
import { useReloadConvention, type Convention } from './convention-query.js';
import { Disclosure } from './disclosure.js';

const SetSignatoryMutation = graphql(
  `
    mutation SetSignatory($input: SetSignatoryInput!) {
      setSignatory(input: $input) {
        __typename
        ... on SetSignatorySuccess {
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

/** The parties (preamble): each collectivity, who signs for it, and under which deliberation. */
export function PartiesSection({
  convention,
  editable,
}: {
  convention: Convention;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="parties-heading">
      <h2 id="parties-heading">{t('convention.parties')}</h2>
      <ul className="cards">
        {convention.parties.map((party) => (
          <li key={party.collectivity.id} className="card">
            <h3>
              {party.collectivity.name}{' '}
              <span className="muted">({format.country(party.collectivity.countryCode)})</span>
            </h3>
            <dl>
              <dt>{t('convention.signatory')}</dt>
              <dd>
                {party.signatory
                  ? `${party.signatory.name}, ${party.signatory.office}`
                  : t('convention.noSignatory')}
              </dd>
              <dt>{t('convention.deliberation')}</dt>
              <dd>
                {party.deliberation
                  ? t('convention.deliberationOf', {
                      body: party.deliberation.body,
                      date: format.date(party.deliberation.date),
                    })
                  : t('convention.noDeliberation')}
              </dd>
            </dl>
            {editable && (
              <Disclosure label={t('parties.editSignatory', { party: party.collectivity.name })}>
                {(close) => (
                  <SignatoryForm
                    convention={convention}
                    collectivityId={party.collectivity.id}
                    initial={party.signatory}
                    onDone={close}
                  />
                )}
              </Disclosure>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

const FIELDS = ['name', 'office'];

function SignatoryForm({
  convention,
  collectivityId,
  initial,
  onDone,
}: {
  convention: Convention;
  collectivityId: string;
  initial: { name: string; office: string } | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial?.name ?? '');
  const [office, setOffice] = useState(initial?.office ?? '');
  const form = useFormFailure(FIELDS);
  const [state, setSignatory] = useMutation(SetSignatoryMutation);
  const reload = useReloadConvention(convention.id);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    const result = await setSignatory({
      input: {
        conventionId: convention.id,
        version: convention.version,
        collectivityId,
        name,
        office,
      },
    });
    const outcome = outcomeOf(result.data?.setSignatory, result.error);
    if (outcome.ok) onDone();
    else form.report(outcome.failure);
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert form={form} onReload={reload} />
      <Field form={form} name="name" label={t('parties.signatoryName')}>
        {(control) => (
          <input {...control} value={name} onChange={(event) => setName(event.target.value)} />
        )}
      </Field>
      <Field
        form={form}
        name="office"
        label={t('parties.signatoryOffice')}
        hint={t('parties.signatoryOfficeHint')}
      >
        {(control) => (
          <input {...control} value={office} onChange={(event) => setOffice(event.target.value)} />
        )}
      </Field>
      <SubmitButton busy={state.fetching} label={t('common.save')} />
    </form>
  );
}
