import { Client, cacheExchange, fetchExchange } from 'urql';

/** The header the API requires on every browser request (CSRF prevention). */
export const CSRF_HEADER = 'x-coop-csrf';

/** One client for the app: same-origin, the session travels in its HttpOnly cookie. */
export function createClient(url = '/graphql'): Client {
  return new Client({
    url,
    exchanges: [cacheExchange, fetchExchange],
    // Queries go as POST: a GET would carry the operation in URLs and logs.
    preferGetMethod: false,
    fetchOptions: () => ({ credentials: 'same-origin', headers: { [CSRF_HEADER]: '1' } }),
  });
}
