import { useClient } from 'urql';
import { graphql, type ResultOf } from '../../graphql.js';

export const MissionQuery = graphql(`
  query Mission($id: ID!) {
    node(id: $id) {
      __typename
      ... on Mission {
        id
        version
        purpose
        departureDate
        returnDate
        actionId
        origin {
          id
          name
          currency
        }
        host {
          id
          name
          currency
        }
        delegates {
          id
          name
          position
          category
        }
        delegatesByCategory {
          category
          count
        }
        costs {
          id
          category
          label
          amount {
            amount
            currency
          }
          payer {
            id
            name
          }
          payerByRule {
            id
            name
          }
          exception {
            reason
          }
        }
        costSharing {
          collectivity {
            id
            name
          }
          amounts {
            amount
            currency
          }
        }
        convention {
          id
          title
          reportingCurrency
          parties {
            collectivity {
              id
              name
              currency
            }
          }
          actions(first: 100) {
            edges {
              node {
                id
                title
              }
            }
          }
        }
      }
    }
  }
`);

export type Mission = Extract<
  NonNullable<ResultOf<typeof MissionQuery>['node']>,
  { __typename: 'Mission' }
>;

export function useReloadMission(id: string) {
  const client = useClient();
  return () => client.query(MissionQuery, { id }, { requestPolicy: 'network-only' }).toPromise();
}
