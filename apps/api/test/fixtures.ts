import type { App } from '../src/yoga.js';
import { gql } from './graphql-client.js';

/** Global IDs of the demo, as a client finds them: through the API. */
export async function demoIds(app: App, cookie: string) {
  const response = await gql(
    app,
    /* GraphQL */ `
      {
        viewer {
          collectivity {
            id
          }
        }
        conventions {
          edges {
            node {
              id
              title
              version
              parties {
                collectivity {
                  id
                  name
                }
              }
              axes {
                id
                title
              }
            }
          }
        }
        collectivities(first: 100) {
          edges {
            node {
              id
              name
            }
          }
        }
      }
    `,
    {},
    { cookie },
  );
  if (response.errors) throw new TypeError(JSON.stringify(response.errors));
  const collectivity = (name: string): string => {
    const found = response.data.collectivities.edges.find(
      (edge: { node: { name: string } }) => edge.node.name === name,
    );
    if (!found) throw new TypeError(`no collectivity ${name}`);
    return found.node.id as string;
  };
  const conventions = response.data.conventions.edges.map(
    (edge: { node: unknown }) => edge.node,
  ) as {
    id: string;
    title: string;
    version: number;
    axes: { id: string; title: string }[];
  }[];
  const founding = conventions.find((c) => c.title.includes('Chefchaouen'));
  const mainz = conventions.find((c) => c.title.includes('Mayence'));
  return {
    own: response.data.viewer.collectivity.id as string,
    dijon: collectivity('Dijon'),
    chefchaouen: collectivity('Chefchaouen'),
    mainz: collectivity('Mainz'),
    founding,
    mainzConvention: mainz,
  };
}
