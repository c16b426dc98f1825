import type { TFunction } from 'i18next';
import { useClient } from 'urql';
import { graphql, type ResultOf } from '../../graphql.js';
import { JointApprovalFields } from '../../joint-approval.js';

/** An amount planned or executed, exact per currency and in the reporting currency. */
const EvaluationAmountFields = graphql(`
  fragment EvaluationAmountFields on EvaluationAmount @_unmask {
    byCurrency {
      amount
      currency
    }
    reporting {
      amount
      currency
    }
  }
`);

/** A6's report as plain data, as the server computes it with the domain. */
export const EvaluationReportFields = graphql(
  `
    fragment EvaluationReportFields on EvaluationReport @_unmask {
      scope
      year
      date
      reportingCurrency
      term {
        number
        startDate
        endDate
      }
      indicators {
        code
        name
        unit
        direction
        computedKind
        indicator {
          id
        }
        progress {
          target
          actual
          baseline
          ratio
          status
        }
        yearly {
          year
          target
          actual
          status
        }
        breakdown {
          key
          count
        }
      }
      pendingIndicators {
        code
        name
        waitingFor {
          id
          name
        }
      }
      actions {
        actionId
        title
        status
        startDate
        endDate
        flags
        axis {
          id
          title
        }
        planned {
          ...EvaluationAmountFields
        }
        executed {
          ...EvaluationAmountFields
        }
        executionRatePercent
      }
      parties {
        collectivity {
          id
          name
        }
        planned {
          ...EvaluationAmountFields
        }
        executed {
          ...EvaluationAmountFields
        }
        executionRatePercent
      }
      axes {
        title
        narrative
        axis {
          id
        }
        planned {
          ...EvaluationAmountFields
        }
        executed {
          ...EvaluationAmountFields
        }
      }
      totals {
        planned {
          ...EvaluationAmountFields
        }
        executed {
          ...EvaluationAmountFields
        }
        executionRatePercent
        missionsHeld
        delegates {
          category
          count
        }
        actionsByStatus {
          status
          count
        }
      }
      missingRates {
        from
        to
        date
      }
    }
  `,
  [EvaluationAmountFields],
);

export const EvaluationQuery = graphql(
  `
    query Evaluation($id: ID!) {
      node(id: $id) {
        __typename
        ... on Evaluation {
          id
          version
          scope
          year
          termNumber
          status
          summary
          submittedAt
          approvedAt
          communicatedAt
          communicatedTo
          narratives {
            text
            axis {
              id
            }
          }
          approval {
            ...JointApprovalFields
          }
          convention {
            id
            title
            axes {
              id
              title
            }
            parties {
              collectivity {
                id
                name
              }
            }
          }
          report {
            ...EvaluationReportFields
          }
        }
      }
    }
  `,
  [JointApprovalFields, EvaluationReportFields],
);

export type Evaluation = Extract<
  NonNullable<ResultOf<typeof EvaluationQuery>['node']>,
  { __typename: 'Evaluation' }
>;
export type EvaluationReport = Evaluation['report'];

export function useReloadEvaluation(id: string) {
  const client = useClient();
  return () => client.query(EvaluationQuery, { id }, { requestPolicy: 'network-only' }).toPromise();
}

/** "Évaluation annuelle 2025", "Évaluation du programme, période 2". */
export function evaluationTitle(
  t: TFunction,
  evaluation: {
    readonly scope: 'ANNUAL' | 'PROGRAMME';
    readonly year: number | null;
    readonly termNumber: number | null;
  },
): string {
  return evaluation.scope === 'ANNUAL'
    ? t('evaluations.annualTitle', { year: evaluation.year ?? '' })
    : t('evaluations.programmeTitle', { number: evaluation.termNumber ?? '' });
}
