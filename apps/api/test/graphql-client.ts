import { CSRF_HEADER, type App } from '../src/yoga.js';

export interface GraphQLResponse<Data = any> {
  status: number;
  data?: Data;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
  headers: Headers;
}

/** Posts an operation to the app with no socket, as a browser on this origin would. */
export async function gql<Data = any>(
  app: App,
  query: string,
  variables: Record<string, unknown> = {},
  options: { cookie?: string; token?: string; remoteAddress?: string } = {},
): Promise<GraphQLResponse<Data>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    // The GraphQL-over-HTTP media type: request errors get their 4xx status.
    accept: 'application/graphql-response+json, application/json;q=0.9',
    [CSRF_HEADER]: '1',
  };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await app.fetch(
    'http://coop.test/graphql',
    { method: 'POST', headers, body: JSON.stringify({ query, variables }) },
    { remoteAddress: options.remoteAddress ?? '127.0.0.1' },
  );
  const body = (await response.json()) as { data?: Data; errors?: GraphQLResponse['errors'] };
  return { status: response.status, headers: response.headers, ...body };
}

const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on Error {
        message
        code
      }
    }
  }
`;

/** Signs in and returns the session cookie to send with later requests. */
export async function signIn(app: App, email: string, password = 'coop-demo'): Promise<string> {
  const response = await gql(app, LOGIN, { input: { email, password } });
  const setCookie = response.headers.get('set-cookie');
  if (response.data?.login?.__typename !== 'LoginSuccess' || !setCookie) {
    throw new TypeError(
      `sign-in as ${email} failed: ${JSON.stringify(response.data ?? response.errors)}`,
    );
  }
  return setCookie.split(';')[0] ?? '';
}
