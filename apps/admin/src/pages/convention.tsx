import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { useFormat } from '../format.js';
import { graphql } from '../graphql.js';
import { Failure, Loading } from '../status.js';

const ConventionQuery = graphql(`
  query Convention($id: ID!) {
    node(id: $id) {
      __typename
      ... on Convention {
        id
        title
        object
        preamble
        status
        durationYears
        startDate
        endDate
        signature {
          place
          date
          originals
        }
        parties {
          collectivity {
            id
            name
            countryCode
          }
          signatory {
            name
            office
          }
          deliberation {
            body
            date
            reference
          }
        }
        axes {
          id
          title
          description
          periodStart
          periodEnd
        }
        terms {
          number
          startDate
          endDate
        }
      }
    }
  }
`);

export default function ConventionPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [result, refetch] = useQuery({
    query: ConventionQuery,
    variables: { id: decodeURIComponent(id) },
  });

  if (result.fetching && !result.data) return <Loading />;
  if (result.error && !result.data) {
    return (
      <main className="page">
        <Failure error={result.error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      </main>
    );
  }
  const convention = result.data?.node?.__typename === 'Convention' ? result.data.node : null;
  if (!convention) {
    return (
      <main className="page">
        <p>{t('common.notFound')}</p>
        <Link href="/">{t('common.backToList')}</Link>
      </main>
    );
  }

  const signature = convention.signature;
  return (
    <main className="page convention">
      <p className="breadcrumb">
        <Link href="/">{t('nav.conventions')}</Link>
      </p>
      <h1>{convention.title}</h1>
      <p>
        <span className={`status status-${convention.status.toLowerCase()}`}>
          {t(`status.${convention.status}`)}
        </span>
      </p>

      <section aria-labelledby="parties-heading">
        <h2 id="parties-heading">{t('convention.parties')}</h2>
        <ul className="cards">
          {convention.parties.map((party) => (
            <li key={party.collectivity.id} className="card">
              <h3>{party.collectivity.name}</h3>
              <dl>
                <dt>{t('convention.signatory')}</dt>
                <dd>
                  {party.signatory ? `${party.signatory.name}, ${party.signatory.office}` : '—'}
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
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="term-heading">
        <h2 id="term-heading">{t('convention.term')}</h2>
        <p>{t('convention.durationYears', { count: convention.durationYears })}</p>
        <p>
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
      </section>

      <section aria-labelledby="object-heading">
        <h2 id="object-heading">{t('convention.object')}</h2>
        <p>{convention.object}</p>
      </section>

      <section aria-labelledby="axes-heading">
        <h2 id="axes-heading">{t('convention.axes')}</h2>
        <ol className="axes">
          {convention.axes.map((axis) => (
            <li key={axis.id}>
              <h3>{axis.title}</h3>
              <p className="period">
                {t('convention.period', {
                  start: format.year(axis.periodStart),
                  end: format.year(axis.periodEnd),
                })}
              </p>
              <p>{axis.description}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="preamble-heading">
        <h2 id="preamble-heading">{t('convention.preamble')}</h2>
        {convention.preamble.split('\n').map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </section>
    </main>
  );
}
