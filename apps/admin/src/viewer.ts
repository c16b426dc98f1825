import { useQuery } from 'urql';
import { graphql } from './graphql.js';

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      email
      displayName
      role
      collectivity {
        id
        name
      }
    }
  }
`);

/** Who is signed in; null once the server says nobody is. */
export function useViewer() {
  const [result, refetch] = useQuery({ query: ViewerQuery });
  return {
    viewer: result.data?.viewer ?? null,
    fetching: result.fetching,
    error: result.error,
    refetch,
  };
}
