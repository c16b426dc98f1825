import { ErrorFields } from '../../errors/error-fields.js';
import { graphql } from '../../graphql.js';

/**
 * Every change to a budget takes the version the person saw and answers with the new budget:
 * the action's page then reads it again (the server's figures replace the preview).
 */
export const AddBudgetLineMutation = graphql(
  `
    mutation AddBudgetLine($input: AddBudgetLineInput!) {
      addBudgetLine(input: $input) {
        __typename
        ... on AddBudgetLineSuccess {
          budget {
            id
            version
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const UpdateBudgetLineMutation = graphql(
  `
    mutation UpdateBudgetLine($input: UpdateBudgetLineInput!) {
      updateBudgetLine(input: $input) {
        __typename
        ... on UpdateBudgetLineSuccess {
          budget {
            id
            version
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const RemoveBudgetLineMutation = graphql(
  `
    mutation RemoveBudgetLine($input: RemoveBudgetItemInput!) {
      removeBudgetLine(input: $input) {
        __typename
        ... on RemoveBudgetLineSuccess {
          budget {
            id
            version
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const AddContributionMutation = graphql(
  `
    mutation AddContribution($input: AddContributionInput!) {
      addContribution(input: $input) {
        __typename
        ... on AddContributionSuccess {
          budget {
            id
            version
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const UpdateContributionMutation = graphql(
  `
    mutation UpdateContribution($input: UpdateContributionInput!) {
      updateContribution(input: $input) {
        __typename
        ... on UpdateContributionSuccess {
          budget {
            id
            version
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const RemoveContributionMutation = graphql(
  `
    mutation RemoveContribution($input: RemoveBudgetItemInput!) {
      removeContribution(input: $input) {
        __typename
        ... on RemoveContributionSuccess {
          budget {
            id
            version
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const AddStaffAssignmentMutation = graphql(
  `
    mutation AddStaffAssignment($input: AddStaffAssignmentInput!) {
      addStaffAssignment(input: $input) {
        __typename
        ... on AddStaffAssignmentSuccess {
          budget {
            id
            version
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const UpdateStaffAssignmentMutation = graphql(
  `
    mutation UpdateStaffAssignment($input: UpdateStaffAssignmentInput!) {
      updateStaffAssignment(input: $input) {
        __typename
        ... on UpdateStaffAssignmentSuccess {
          budget {
            id
            version
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const RemoveStaffAssignmentMutation = graphql(
  `
    mutation RemoveStaffAssignment($input: RemoveBudgetItemInput!) {
      removeStaffAssignment(input: $input) {
        __typename
        ... on RemoveStaffAssignmentSuccess {
          budget {
            id
            version
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

export const RecordExecutionMutation = graphql(
  `
    mutation RecordExecution($input: RecordExecutionInput!) {
      recordExecution(input: $input) {
        __typename
        ... on RecordExecutionSuccess {
          budget {
            id
            version
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);
