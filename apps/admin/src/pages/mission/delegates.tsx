import { DELEGATE_CATEGORIES, type DelegateCategory } from '@coop/domain';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorFields } from '../../errors/error-fields.js';
import { outcomeOf } from '../../errors/outcome.js';
import { useFormat } from '../../format/use-format.js';
import { Field, FormAlert, SubmitButton, useFormFailure } from '../../forms.js';
import { graphql } from '../../graphql.js';
import { Disclosure } from '../convention/disclosure.js';
import type { Mission } from './mission-query.js';

const AddDelegateMutation = graphql(
  `
    mutation AddDelegate($input: AddDelegateInput!) {
      addDelegate(input: $input) {
        __typename
        ... on AddDelegateSuccess {
          mission {
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

const RemoveDelegateMutation = graphql(
  `
    mutation RemoveDelegate($input: RemoveDelegateInput!) {
      removeDelegate(input: $input) {
        __typename
        ... on RemoveDelegateSuccess {
          mission {
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

/** A5: who travels — elected officials, technicians, young people, artists — by category. */
export function DelegatesSection({
  mission,
  editable,
  onReload,
}: {
  mission: Mission;
  editable: boolean;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useFormFailure([]);
  const [removing, removeDelegate] = useMutation(RemoveDelegateMutation);
  const [saved, setSaved] = useState<string | null>(null);

  async function remove(id: string, name: string) {
    form.clear();
    const result = await removeDelegate({ input: { id, version: mission.version } });
    const outcome = outcomeOf(result.data?.removeDelegate, result.error);
    if (outcome.ok) setSaved(t('missions.delegateRemoved', { name }));
    else form.report(outcome.failure);
  }

  return (
    <section aria-labelledby="delegates-heading">
      <h2 id="delegates-heading">{t('missions.delegates')}</h2>
      <p>
        {format.list(
          mission.delegatesByCategory
            .filter((entry) => entry.count > 0)
            .map((entry) => t(`missions.categoryCount.${entry.category}`, { count: entry.count })),
        )}
      </p>
      <div className="table-scroll">
        <table className="list">
          <caption className="visually-hidden">{t('missions.delegates')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('missions.fields.name')}</th>
              <th scope="col">{t('missions.fields.position')}</th>
              <th scope="col">{t('missions.fields.category')}</th>
              {editable && (
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {mission.delegates.map((delegate) => (
              <tr key={delegate.id}>
                <td>{delegate.name}</td>
                <td>{delegate.position || '—'}</td>
                <td>{t(`missions.categories.${delegate.category}`)}</td>
                {editable && (
                  <td>
                    <button
                      type="button"
                      className="link danger"
                      disabled={removing.fetching}
                      onClick={() => void remove(delegate.id, delegate.name)}
                    >
                      {t('missions.removeDelegate', { name: delegate.name })}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormAlert form={form} onReload={onReload} />
      <p className="saved" role="status">
        {saved}
      </p>
      {editable && (
        <Disclosure label={t('missions.addDelegate')}>
          {(close) => (
            <DelegateForm
              mission={mission}
              onReload={onReload}
              onDone={(name) => {
                setSaved(t('missions.delegateAdded', { name }));
                close();
              }}
            />
          )}
        </Disclosure>
      )}
    </section>
  );
}

function DelegateForm({
  mission,
  onReload,
  onDone,
}: {
  mission: Mission;
  onReload: () => Promise<unknown>;
  onDone: (name: string) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState({
    name: '',
    position: '',
    category: 'TECHNICIAN' as DelegateCategory,
  });
  const form = useFormFailure(['name', 'position', 'category']);
  const [state, add] = useMutation(AddDelegateMutation);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    const result = await add({
      input: { missionId: mission.id, version: mission.version, ...values },
    });
    const outcome = outcomeOf(result.data?.addDelegate, result.error);
    if (outcome.ok) onDone(values.name);
    else form.report(outcome.failure);
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert form={form} onReload={onReload} />
      <Field form={form} name="name" label={t('missions.fields.name')}>
        {(control) => (
          <input
            {...control}
            value={values.name}
            onChange={(event) => setValues({ ...values, name: event.target.value })}
          />
        )}
      </Field>
      <div className="field-row">
        <Field
          form={form}
          name="position"
          label={t('missions.fields.position')}
          hint={t('missions.fields.positionHint')}
        >
          {(control) => (
            <input
              {...control}
              value={values.position}
              onChange={(event) => setValues({ ...values, position: event.target.value })}
            />
          )}
        </Field>
        <Field form={form} name="category" label={t('missions.fields.category')}>
          {(control) => (
            <select
              {...control}
              value={values.category}
              onChange={(event) =>
                setValues({ ...values, category: event.target.value as DelegateCategory })
              }
            >
              {DELEGATE_CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {t(`missions.categories.${category}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <SubmitButton busy={state.fetching} label={t('missions.addDelegateSubmit')} />
    </form>
  );
}
