import { useClient } from 'urql';
import { graphql, type ResultOf } from '../../graphql.js';

export const ConventionQuery = graphql(`
  query Convention($id: ID!) {
    node(id: $id) {
      __typename
      ... on Convention {
        id
        title
        object
        preamble
        status
        version
        durationYears
        reportingCurrency
        funderCapPercent
        minimumPartySharePercent
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
        deliberations {
          collectivity {
            id
            name
          }
          kind
          body
          date
          reference
          subject
        }
        axes {
          id
          title
          description
          periodStart
          periodEnd
          version
        }
        terms {
          number
          startDate
          endDate
        }
        actions(first: 100) {
          totalCount
          edges {
            node {
              id
              title
              status
              axis {
                id
              }
            }
          }
        }
        missions(first: 1) {
          totalCount
        }
        indicators {
          id
        }
        evaluations {
          id
        }
        renewal {
          eligible
          issues {
            code
            message
            collectivity {
              id
              name
            }
          }
          nextTerm {
            number
            startDate
            endDate
          }
        }
      }
    }
  }
`);

export type Convention = Extract<
  NonNullable<ResultOf<typeof ConventionQuery>['node']>,
  { __typename: 'Convention' }
>;

/**
 * Loads the latest version of a convention from the server, for "reload and reapply" after a
 * ConflictError: every screen showing it follows, and the forms keep what was typed.
 */
export function useReloadConvention(id: string) {
  const client = useClient();
  return () => client.query(ConventionQuery, { id }, { requestPolicy: 'network-only' }).toPromise();
}
