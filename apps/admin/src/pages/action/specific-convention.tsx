import { parseIsoDate } from '@coop/domain';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorFields } from '../../errors/error-fields.js';
import { clientIssues, outcomeOf } from '../../errors/outcome.js';
import { useFormat } from '../../format/use-format.js';
import { Field, FormAlert, SubmitButton, useFormFailure } from '../../forms.js';
import { graphql } from '../../graphql.js';
import { Disclosure } from '../convention/disclosure.js';
import type { Action } from './action-query.js';

const SetSpecificConventionMutation = graphql(
  `
    mutation SetSpecificConvention($input: SetSpecificConventionInput!) {
      setSpecificConvention(input: $input) {
        __typename
        ... on SetSpecificConventionSuccess {
          action {
            id
            specificConvention {
              id
              version
              reference
              signedOn
              signed
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** A4.1: the agreement fixing the action's budget, its reference and signature date. */
export function SpecificConventionSection({
  action,
  editable,
  onReload,
}: {
  action: Action;
  editable: boolean;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const specific = action.specificConvention;
  return (
    <section aria-labelledby="specific-heading">
      <h2 id="specific-heading">{t('specificConvention.title')}</h2>
      {specific ? (
        <dl className="facts">
          <dt>{t('specificConvention.reference')}</dt>
          <dd>{specific.reference}</dd>
          <dt>{t('specificConvention.signedOn')}</dt>
          <dd>
            {specific.signedOn ? format.date(specific.signedOn) : t('specificConvention.unsigned')}
            {specific.signedOn && !specific.signed && (
              <span className="flag block">{t('specificConvention.signedLater')}</span>
            )}
          </dd>
        </dl>
      ) : (
        <p className="empty">{t('specificConvention.none')}</p>
      )}
      {editable && (
        <Disclosure
          label={specific ? t('specificConvention.change') : t('specificConvention.draft')}
        >
          {(close) => <SpecificConventionForm action={action} onReload={onReload} onDone={close} />}
        </Disclosure>
      )}
    </section>
  );
}

function SpecificConventionForm({
  action,
  onReload,
  onDone,
}: {
  action: Action;
  onReload: () => Promise<unknown>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const specific = action.specificConvention;
  const [reference, setReference] = useState(specific?.reference ?? '');
  const [signedOn, setSignedOn] = useState(specific?.signedOn ?? '');
  const form = useFormFailure(['reference', 'signedOn']);
  const [state, save] = useMutation(SetSpecificConventionMutation);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    const date = signedOn ? parseIsoDate(signedOn) : null;
    if (date && !date.ok) {
      const local = clientIssues([
        { path: ['input', 'signedOn'], code: 'INVALID_DATE', message: '' },
      ]);
      if (local) form.report(local);
      return;
    }
    const result = await save({
      input: {
        actionId: action.id,
        reference,
        signedOn: date?.ok ? date.value : null,
        // The version of the specific convention as this page last read it.
        version: action.specificConvention?.version ?? null,
      },
    });
    const outcome = outcomeOf(result.data?.setSpecificConvention, result.error);
    if (outcome.ok) onDone();
    else form.report(outcome.failure);
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert form={form} onReload={onReload} />
      <Field
        form={form}
        name="reference"
        label={t('specificConvention.reference')}
        hint={t('specificConvention.referenceHint')}
      >
        {(control) => (
          <input
            {...control}
            value={reference}
            onChange={(event) => setReference(event.target.value)}
          />
        )}
      </Field>
      <Field
        form={form}
        name="signedOn"
        label={t('specificConvention.signedOn')}
        hint={t('specificConvention.signedOnHint')}
      >
        {(control) => (
          <input
            {...control}
            type="date"
            value={signedOn}
            onChange={(event) => setSignedOn(event.target.value)}
          />
        )}
      </Field>
      <SubmitButton busy={state.fetching} label={t('common.save')} />
    </form>
  );
}
