import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useFormat } from '../../format/use-format.js';
import { Field, type FormFailure } from '../../forms.js';
import { graphql } from '../../graphql.js';
import { Loading } from '../../status.js';

const CollectivitiesQuery = graphql(`
  query FindCollectivities($search: String) {
    collectivities(first: 10, search: $search) {
      totalCount
      edges {
        node {
          id
          name
          countryCode
          currency
        }
      }
    }
  }
`);

export interface PartnerChoice {
  id: string;
  name: string;
  countryCode: string;
}

/**
 * Finds a collectivity of the directory by name and adds it as a partner: a search field and a
 * list of answers, each with its own button, so that the keyboard does it all.
 */
export function PartnerPicker({
  form,
  exclude,
  onPick,
}: {
  form: FormFailure;
  exclude: readonly string[];
  onPick: (partner: PartnerChoice) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [search, setSearch] = useState('');
  const [result] = useQuery({
    query: CollectivitiesQuery,
    variables: { search: search.trim() },
    pause: search.trim().length < 2,
  });
  const found = (result.data?.collectivities.edges ?? [])
    .map((edge) => edge.node)
    .filter((node) => !exclude.includes(node.id));
  return (
    <div className="partner-picker">
      <Field
        form={form}
        name="partners"
        label={t('conventionForm.findPartner')}
        hint={t('conventionForm.findPartnerHint')}
      >
        {(control) => (
          <input
            {...control}
            type="search"
            autoComplete="off"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        )}
      </Field>
      {search.trim().length >= 2 && (
        <div aria-live="polite">
          {result.fetching && <Loading />}
          {result.data && found.length === 0 && (
            <p className="empty">{t('conventionForm.noCollectivity')}</p>
          )}
          {found.length > 0 && (
            <ul className="choices" aria-label={t('conventionForm.results')}>
              {found.map((collectivity) => (
                <li key={collectivity.id}>
                  <span>
                    {collectivity.name} ({format.country(collectivity.countryCode)})
                  </span>
                  <button
                    type="button"
                    onClick={() => {
                      onPick(collectivity);
                      setSearch('');
                    }}
                  >
                    {t('conventionForm.addPartner', { name: collectivity.name })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
