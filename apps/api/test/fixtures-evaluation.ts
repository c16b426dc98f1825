import type { App } from '../src/yoga.js';
import { SQL_COUNT_HEADER } from '../src/yoga.js';
import { gql } from './graphql-client.js';

/** Helpers shared by the missions, indicators and evaluations tests. */

/** The global ID of an object of this type that does not exist. */
export function missingId(typename: string): string {
  return Buffer.from(`${typename}:424242`).toString('base64');
}

/** A read-only API token of the signed-in collectivity. */
export async function readOnlyToken(app: App, cookie: string): Promise<string> {
  const created = await gql(
    app,
    'mutation { createApiToken(input: { name: "lecture seule", access: READ }) { ... on CreateApiTokenSuccess { created { token } } } }',
    {},
    { cookie },
  );
  return created.data.createApiToken.created.token as string;
}

/** How many SQL statements a query took. */
export async function sqlCount(
  app: App,
  query: string,
  variables: Record<string, unknown>,
  cookie: string,
): Promise<number> {
  const response = await gql(app, query, variables, { cookie });
  if (response.errors) throw new TypeError(JSON.stringify(response.errors));
  return Number(response.headers.get(SQL_COUNT_HEADER));
}

/** Rows of a table, to show that a refused change wrote nothing. */
export const ERROR_FIELDS = /* GraphQL */ `
  ... on Error {
    code
    message
  }
  ... on ValidationError {
    issues {
      path
      code
    }
  }
  ... on ConflictError {
    currentVersion
  }
`;
