import { ErrorFields } from '../../errors/error-fields.js';
import { graphql, type ResultOf } from '../../graphql.js';

export const ImportConventionQuery = graphql(`
  query ImportConvention($id: ID!) {
    node(id: $id) {
      __typename
      ... on Convention {
        id
        title
      }
    }
  }
`);

/** The same mutation checks (dryRun: true) and writes (dryRun: false): the report is the same. */
export const ImportCsvMutation = graphql(
  `
    mutation ImportCsv($input: ImportCsvInput!) {
      importCsv(input: $input) {
        __typename
        ... on ImportCsvSuccess {
          report {
            kind
            dryRun
            applied
            rowsRead
            unchangedCount
            skippedCount
            added {
              line
              rowType
              description
              objectId
            }
            changed {
              line
              rowType
              description
              objectId
              changes {
                column
                before
                after
              }
            }
            refused {
              line
              rowType
              issues {
                column
                code
                message
              }
            }
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

type ImportCsvAnswer = NonNullable<ResultOf<typeof ImportCsvMutation>['importCsv']>;
export type ImportReport = Extract<ImportCsvAnswer, { __typename: 'ImportCsvSuccess' }>['report'];
export type AddedRow = ImportReport['added'][number];
export type ChangedRow = ImportReport['changed'][number];
export type RefusedRow = ImportReport['refused'][number];

/**
 * What a real import changes, for urql's document cache: the pages that show budgets and
 * measurements read them again.
 */
export const IMPORT_TYPENAMES = [
  'Action',
  'Budget',
  'ExpenseLine',
  'Contribution',
  'StaffAssignment',
  'Indicator',
  'Measurement',
];
