import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { useFormat } from '../format.js';
import { graphql } from '../graphql.js';
import { Failure, Loading } from '../status.js';

const ConventionsQuery = graphql(`
  query Conventions {
    conventions(first: 100) {
      totalCount
      edges {
        node {
          id
          title
          status
          endDate
          parties {
            collectivity {
              id
              name
              countryCode
            }
          }
        }
      }
    }
  }
`);

export default function ConventionsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [result, refetch] = useQuery({ query: ConventionsQuery });
  const connection = result.data?.conventions;

  return (
    <main className="page">
      <h1>{t('conventions.title')}</h1>
      {result.fetching && !connection && <Loading />}
      {result.error && !connection && (
        <Failure error={result.error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      )}
      {connection && connection.totalCount === 0 && (
        <p className="empty">{t('conventions.empty')}</p>
      )}
      {connection && connection.totalCount > 0 && (
        <>
          <p className="count">{t('conventions.count', { count: connection.totalCount })}</p>
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('conventions.columns.title')}</th>
                <th scope="col">{t('conventions.columns.parties')}</th>
                <th scope="col">{t('conventions.columns.status')}</th>
                <th scope="col">{t('conventions.columns.term')}</th>
              </tr>
            </thead>
            <tbody>
              {connection.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>
                    <Link href={`/conventions/${encodeURIComponent(node.id)}`}>{node.title}</Link>
                  </td>
                  <td>{node.parties.map((party) => party.collectivity.name).join(' · ')}</td>
                  <td>
                    <span className={`status status-${node.status.toLowerCase()}`}>
                      {t(`status.${node.status}`)}
                    </span>
                  </td>
                  <td>{node.endDate ? format.date(node.endDate) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </main>
  );
}
