import { graphql } from '../graphql.js';
import { JointApprovalFields } from '../joint-approval.js';

/** An amount over several currencies, exact per currency and in the reporting currency. */
export const ReportedAmountFields = graphql(`
  fragment ReportedAmountFields on ReportedAmount @_unmask {
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

/** What the budget editor reads of an action's budget (A4, A5). */
export const BudgetFields = graphql(
  `
    fragment BudgetFields on Budget @_unmask {
      id
      version
      lines {
        id
        version
        category
        label
        year
        amount {
          amount
          currency
        }
        executed {
          amount
          currency
        }
        executedOn
      }
      contributions {
        id
        version
        kind
        description
        fundingStatus
        year
        party {
          id
          name
        }
        funder {
          id
          name
        }
        amount {
          amount
          currency
        }
        executed {
          amount
          currency
        }
        executedOn
      }
      staffAssignments {
        id
        version
        role
        days
        year
        collectivity {
          id
          name
        }
        dailyCost {
          amount
          currency
        }
        value {
          amount
          currency
        }
        executedDays
        executed {
          amount
          currency
        }
        executedOn
      }
      totals {
        date
        reportingCurrency
        balanced
        expenses {
          ...ReportedAmountFields
        }
        executedExpenses {
          ...ReportedAmountFields
        }
        resources {
          ...ReportedAmountFields
        }
        requestedFunding {
          ...ReportedAmountFields
        }
        balance {
          ...ReportedAmountFields
        }
        parties {
          collectivity {
            id
            name
          }
          planned {
            ...ReportedAmountFields
          }
          executed {
            ...ReportedAmountFields
          }
          sharePercent
        }
        funders {
          organization {
            id
            name
          }
          planned {
            ...ReportedAmountFields
          }
          executed {
            ...ReportedAmountFields
          }
          statuses
          sharePercent
        }
      }
      violations {
        code
        blocking
        message
        parties {
          id
          name
        }
        funders {
          id
          name
        }
        difference {
          amount
          currency
        }
        sharePercent
        missingRate {
          from
          to
          date
        }
      }
      approval {
        ...JointApprovalFields
      }
    }
  `,
  [ReportedAmountFields, JointApprovalFields],
);
