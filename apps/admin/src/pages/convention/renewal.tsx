import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorFields } from '../../errors/error-fields.js';
import { outcomeOf } from '../../errors/outcome.js';
import { useFormat } from '../../format/use-format.js';
import { FormAlert, useFormFailure } from '../../forms.js';
import { graphql } from '../../graphql.js';
import { useReloadConvention, type Convention } from './convention-query.js';

const RenewConventionMutation = graphql(
  `
    mutation RenewConvention($input: RenewConventionInput!) {
      renewConvention(input: $input) {
        __typename
        ... on RenewConventionSuccess {
          convention {
            id
            version
            status
          }
        }
        ... on RenewalBlockedError {
          blockers {
            code
            message
            collectivity {
              id
              name
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

interface Blocker {
  code: string;
  message: string;
  collectivity: { name: string } | null;
}

/** One blocker in the reader's language; an unknown code keeps the server's sentence. */
export function useBlockerText() {
  const { t } = useTranslation();
  return (blocker: Blocker) =>
    t(`renewal.blockers.${blocker.code}`, {
      defaultValue: blocker.message,
      party: blocker.collectivity?.name ?? '',
    });
}

/** A7: may the parties renew today, what stands in the way, and the term a renewal opens. */
export function RenewalSection({
  convention,
  editable,
}: {
  convention: Convention;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const blockerText = useBlockerText();
  const renewal = convention.renewal;
  const form = useFormFailure([]);
  const [refused, setRefused] = useState<readonly Blocker[]>([]);
  const [done, setDone] = useState(false);
  const [state, renew] = useMutation(RenewConventionMutation);
  const reload = useReloadConvention(convention.id);

  async function submit() {
    form.clear();
    setRefused([]);
    setDone(false);
    const result = await renew({
      input: { conventionId: convention.id, version: convention.version },
    });
    const answer = result.data?.renewConvention;
    if (answer?.__typename === 'RenewalBlockedError') setRefused(answer.blockers);
    const outcome = outcomeOf(answer, result.error);
    if (outcome.ok) setDone(true);
    else form.report(outcome.failure);
  }

  return (
    <section aria-labelledby="renewal-heading" className="renewal">
      <h2 id="renewal-heading">{t('renewal.title')}</h2>
      {renewal.eligible ? (
        <p className="ok">{t('renewal.eligible')}</p>
      ) : (
        <>
          <p>{t('renewal.blocked', { count: renewal.issues.length })}</p>
          <ul className="blockers" aria-label={t('renewal.blockersLabel')}>
            {renewal.issues.map((issue, index) => (
              <li key={`${issue.code}-${issue.collectivity?.id ?? index}`} data-code={issue.code}>
                {blockerText(issue)}
              </li>
            ))}
          </ul>
        </>
      )}
      {renewal.nextTerm && (
        <p>
          {t('renewal.nextTerm', {
            number: renewal.nextTerm.number,
            start: format.date(renewal.nextTerm.startDate),
            end: format.date(renewal.nextTerm.endDate),
          })}
        </p>
      )}
      <FormAlert form={form} onReload={reload} />
      {refused.length > 0 && (
        <ul className="blockers">
          {refused.map((blocker, index) => (
            <li key={`${blocker.code}-${index}`}>{blockerText(blocker)}</li>
          ))}
        </ul>
      )}
      {done && (
        <p className="saved" role="status">
          {t('renewal.done')}
        </p>
      )}
      {editable && renewal.eligible && (
        <button
          type="button"
          className="primary"
          disabled={state.fetching}
          onClick={() => void submit()}
        >
          {t('renewal.renew')}
        </button>
      )}
    </section>
  );
}
