import { allowedYearsOf, parseIsoDate, type AllowedYears } from '@coop/domain';
import { useClient } from 'urql';
import { graphql, type ResultOf } from '../../graphql.js';
import { JointApprovalFields } from '../../joint-approval.js';

export const IndicatorQuery = graphql(
  `
    query Indicator($id: ID!) {
      node(id: $id) {
        __typename
        ... on Indicator {
          id
          version
          code
          name
          unit
          baseline
          direction
          aggregation
          computedKind
          axis {
            id
            title
          }
          approval {
            ...JointApprovalFields
          }
          targets {
            year
            value
          }
          measurements {
            id
            version
            year
            value
            note
            recordedAt
            collectivity {
              id
              name
            }
          }
          convention {
            id
            title
            axes {
              id
              title
            }
            terms {
              number
              startDate
              endDate
            }
          }
        }
      }
    }
  `,
  [JointApprovalFields],
);

/** One year's value against its target, as the server computes it (measured or computed). */
export const IndicatorProgressQuery = graphql(`
  query IndicatorProgress($id: ID!, $year: Int!) {
    node(id: $id) {
      __typename
      ... on Indicator {
        id
        progress(year: $year) {
          year
          target
          actual
          baseline
          ratio
          status
        }
      }
    }
  }
`);

export type Indicator = Extract<
  NonNullable<ResultOf<typeof IndicatorQuery>['node']>,
  { __typename: 'Indicator' }
>;

export function useReloadIndicator(id: string) {
  const client = useClient();
  return () => client.query(IndicatorQuery, { id }, { requestPolicy: 'network-only' }).toPromise();
}

/**
 * The years a convention's terms touch, from the first term's start to the last one's end (the
 * domain's rule for measurements and targets); null while the convention is unsigned.
 */
export function allowedYearsOfTerms(
  terms: readonly { readonly startDate: string; readonly endDate: string }[],
): AllowedYears | null {
  const first = terms[0] ? parseIsoDate(terms[0].startDate) : null;
  const last = terms.at(-1) ? parseIsoDate(terms.at(-1)?.endDate ?? '') : null;
  if (!first?.ok || !last?.ok) return null;
  return allowedYearsOf({ startDate: first.value, endDate: last.value });
}

export function yearsBetween(allowed: AllowedYears | null): number[] {
  if (!allowed) return [];
  return Array.from(
    { length: allowed.last - allowed.first + 1 },
    (_, index) => allowed.first + index,
  );
}
