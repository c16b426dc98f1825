import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

type Fragments = GraphQLResolveInfo['fragments'];

/**
 * Whether the query asks, below the field being resolved, for the fields of `path` (by name, not
 * alias; through inline and named fragments): a list can then read in its own statement what its
 * items will ask for. A field under @skip still counts: the list then only reads a little more.
 */
export function asksFor(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>,
  path: readonly string[],
): boolean {
  return info.fieldNodes.some(
    (node) => node.selectionSet !== undefined && reaches(node.selectionSet, path, info.fragments),
  );
}

function reaches(set: SelectionSetNode, path: readonly string[], fragments: Fragments): boolean {
  const [name, ...rest] = path;
  if (name === undefined) return true;
  return set.selections.some((selection) => {
    switch (selection.kind) {
      case Kind.FIELD:
        return (
          selection.name.value === name &&
          (rest.length === 0 ||
            (selection.selectionSet !== undefined &&
              reaches(selection.selectionSet, rest, fragments)))
        );
      case Kind.INLINE_FRAGMENT:
        return reaches(selection.selectionSet, path, fragments);
      case Kind.FRAGMENT_SPREAD: {
        const fragment = fragments[selection.name.value];
        return fragment !== undefined && reaches(fragment.selectionSet, path, fragments);
      }
    }
  });
}
