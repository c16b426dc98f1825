import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link, useLocation } from 'wouter';
import { useFormat } from '../format/use-format.js';
import { graphql } from '../graphql.js';
import { Empty, Failure, Loading, NotFound, useDocumentTitle } from '../status.js';
import { canEdit, useSignedInViewer } from '../viewer.js';
import { Disclosure } from './convention/disclosure.js';
import { ProgrammeHeader } from './convention/programme-nav.js';
import { CreateIndicatorForm } from './indicator/indicator-form.js';

const ConventionIndicatorsQuery = graphql(`
  query ConventionIndicators($id: ID!) {
    node(id: $id) {
      __typename
      ... on Convention {
        id
        title
        axes {
          id
          title
        }
        indicators {
          id
          code
          name
          unit
          computedKind
          axis {
            id
            title
          }
          targets {
            year
          }
          approval {
            state
            version
            parties {
              approved
              collectivity {
                id
                name
              }
            }
          }
        }
      }
    }
  }
`);

/** A6: the convention's indicators, agreed or awaiting a party, and a new one to put to them. */
export default function IndicatorsPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useSignedInViewer();
  const [, navigate] = useLocation();
  const context = useMemo(() => ({ additionalTypenames: ['Indicator'] }), []);
  const [result, refetch] = useQuery({
    query: ConventionIndicatorsQuery,
    variables: { id },
    context,
  });
  const convention = result.data?.node?.__typename === 'Convention' ? result.data.node : null;
  useDocumentTitle(
    convention ? t('indicators.titleOf', { title: convention.title }) : t('indicators.title'),
  );

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

  return (
    <main id="main" className="page" tabIndex={-1}>
      <ProgrammeHeader convention={convention} current="indicators" title={t('indicators.title')} />
      <p className="lead">{t('indicators.lead')}</p>
      {canEdit(viewer) && (
        <Disclosure label={t('indicators.new')}>
          {() => (
            <CreateIndicatorForm
              conventionId={convention.id}
              axes={convention.axes}
              onCreated={(indicator) => navigate(`/indicators/${encodeURIComponent(indicator)}`)}
            />
          )}
        </Disclosure>
      )}
      {convention.indicators.length === 0 ? (
        <Empty>{t('indicators.empty')}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="list">
            <caption className="visually-hidden">
              {t('indicators.caption', { title: convention.title })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('indicators.fields.code')}</th>
                <th scope="col">{t('indicators.fields.name')}</th>
                <th scope="col">{t('indicators.fields.unit')}</th>
                <th scope="col">{t('indicators.fields.axisId')}</th>
                <th scope="col">{t('indicators.targetYears')}</th>
                <th scope="col">{t('approval.title')}</th>
              </tr>
            </thead>
            <tbody>
              {convention.indicators.map((indicator) => {
                const waiting = indicator.approval.parties.filter((party) => !party.approved);
                const years = indicator.targets.map((target) => target.year).sort((a, b) => a - b);
                return (
                  <tr key={indicator.id}>
                    <td>{indicator.code}</td>
                    <td>
                      <Link href={`/indicators/${encodeURIComponent(indicator.id)}`}>
                        <bdi>{indicator.name}</bdi>
                      </Link>
                      {indicator.computedKind && (
                        <span className="muted block">
                          {t(`indicators.computedKinds.${indicator.computedKind}`)}
                        </span>
                      )}
                    </td>
                    <td>{indicator.unit}</td>
                    <td>{indicator.axis?.title ?? '—'}</td>
                    <td>{years.length ? `${years[0] ?? ''} – ${years.at(-1) ?? ''}` : '—'}</td>
                    <td>
                      {indicator.approval.state === 'AGREED' ? (
                        <span className="ok">{t('approval.agreedShort')}</span>
                      ) : (
                        <span className="flag">
                          {t('approval.waitingFor', {
                            parties: format.list(waiting.map((party) => party.collectivity.name)),
                          })}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
