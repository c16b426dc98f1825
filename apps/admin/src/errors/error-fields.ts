import { graphql } from '../graphql.js';

/**
 * What every mutation asks of its typed errors. Spread into each mutation's result union, and
 * unmasked so that its fields are part of the result's own type.
 */
export const ErrorFields = graphql(`
  fragment ErrorFields on Error @_unmask {
    __typename
    code
    message
    ... on ValidationError {
      issues {
        path
        code
        message
      }
    }
    ... on ConflictError {
      currentVersion
    }
  }
`);
