import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { asksFor } from './selection.js';

/** The resolve info of the query's first root field, as the executor would hand it over. */
function infoOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  const fragments = Object.fromEntries(
    document.definitions
      .filter(
        (definition): definition is FragmentDefinitionNode =>
          definition.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const field = operation?.selectionSet.selections[0];
  if (field?.kind !== Kind.FIELD) throw new TypeError('a query with a root field');
  return { fieldNodes: [field], fragments };
}

const PATH = ['edges', 'node', 'budget', 'approval'];

describe('asksFor', () => {
  it('finds a path asked directly, under an alias, or through inline and named fragments', () => {
    expect(
      asksFor(infoOf('{ actions { edges { node { budget { approval { state } } } } } }'), PATH),
    ).toBe(true);
    expect(
      asksFor(infoOf('{ actions { edges { node { budget { a: approval { state } } } } } }'), PATH),
    ).toBe(true);
    expect(
      asksFor(
        infoOf(
          '{ actions { edges { ... on ActionEdge { node { budget { approval { state } } } } } } }',
        ),
        PATH,
      ),
    ).toBe(true);
    expect(
      asksFor(
        infoOf(`{ actions { edges { node { ...Row } } } }
          fragment Row on Action { budget { ...Agreement } }
          fragment Agreement on Budget { approval { state } }`),
        PATH,
      ),
    ).toBe(true);
  });

  it('does not find a path that stops short, branches elsewhere, or names a missing fragment', () => {
    expect(
      asksFor(infoOf('{ actions { edges { node { budget { totals { balance } } } } } }'), PATH),
    ).toBe(false);
    expect(asksFor(infoOf('{ actions { edges { node { approval } } } }'), PATH)).toBe(false);
    expect(asksFor(infoOf('{ actions { totalCount } }'), PATH)).toBe(false);
    expect(asksFor(infoOf('{ actions { edges { node { ...Missing } } } }'), PATH)).toBe(false);
    // A field named like the target but under another parent does not count.
    expect(asksFor(infoOf('{ actions { approval { state } } }'), PATH)).toBe(false);
  });
});
