import { useClient } from 'urql';
import { BudgetFields } from '../../budgets/budget-fields.js';
import { graphql, type ResultOf } from '../../graphql.js';

export const ActionQuery = graphql(
  `
    query Action($id: ID!) {
      node(id: $id) {
        __typename
        ... on Action {
          id
          version
          title
          description
          status
          startDate
          endDate
          dacSector
          axis {
            id
            title
            periodStart
            periodEnd
          }
          periodFlags {
            code
            startsBeforeAxis
            endsAfterAxis
            axisPeriodStart
            axisPeriodEnd
          }
          specificConvention {
            id
            version
            reference
            signedOn
            signed
          }
          organizations {
            id
            role
            organization {
              id
              name
              kind
              countryCode
            }
          }
          participatoryActivities {
            id
            kind
            date
            audience
            participants
            description
          }
          convention {
            id
            title
            reportingCurrency
            funderCapPercent
            minimumPartySharePercent
            parties {
              collectivity {
                id
                name
                currency
              }
            }
            axes {
              id
              title
              periodStart
              periodEnd
            }
            exchangeRates {
              from
              to
              rate
              validFrom
            }
          }
          budget {
            ...BudgetFields
          }
        }
      }
    }
  `,
  [BudgetFields],
);

export type Action = Extract<
  NonNullable<ResultOf<typeof ActionQuery>['node']>,
  { __typename: 'Action' }
>;
export type ActionBudget = Action['budget'];
export type ActionConvention = Action['convention'];

/** The latest version of the action and its budget, for "reload and reapply" after a conflict. */
export function useReloadAction(id: string) {
  const client = useClient();
  return () => client.query(ActionQuery, { id }, { requestPolicy: 'network-only' }).toPromise();
}

/** The currencies amounts of this convention are typed in: the parties' and the reporting one. */
export function currenciesOf(convention: ActionConvention): string[] {
  return [
    ...new Set([
      ...convention.parties.map((party) => party.collectivity.currency),
      convention.reportingCurrency,
    ]),
  ];
}
