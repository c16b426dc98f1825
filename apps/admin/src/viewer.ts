import { createContext, useContext } from 'react';
import { useQuery } from 'urql';
import { graphql, type ResultOf } from './graphql.js';

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      email
      displayName
      role
      canWrite
      collectivity {
        id
        name
        countryCode
        currency
      }
    }
  }
`);

export type Viewer = NonNullable<ResultOf<typeof ViewerQuery>['viewer']>;

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

/** ADMIN manages its collectivity's accounts and tokens; the platform's administrators too. */
export function canAdminister(viewer: Pick<Viewer, 'role'>): boolean {
  return viewer.role === 'ADMIN' || viewer.role === 'PLATFORM_ADMIN';
}

/** Whether the screens offer editing; the server decides each change all the same. */
export function canEdit(viewer: Pick<Viewer, 'role' | 'canWrite'>): boolean {
  return viewer.canWrite && viewer.role !== 'VIEWER';
}

/** The signed-in viewer, for every screen behind the sign-in. */
export const ViewerContext = createContext<Viewer | null>(null);

export function useSignedInViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new TypeError('useSignedInViewer outside the signed-in screens');
  return viewer;
}
