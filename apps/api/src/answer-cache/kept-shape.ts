import {
  BREAK,
  getNamedType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  Kind,
  OperationTypeNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';

/**
 * The objects a kept answer may start from, and where each one's convention is written: an
 * answer that starts from one of them, and reaches only what the shape below allows, shows
 * that convention's data and the directory's, nothing else.
 */
export const KEPT_ROOTS = {
  Convention: { table: 'convention', conventionColumn: 'id' },
  Action: { table: 'action', conventionColumn: 'convention_id' },
  Axis: { table: 'axis', conventionColumn: 'convention_id' },
  Mission: { table: 'mission', conventionColumn: 'convention_id' },
  Indicator: { table: 'indicator', conventionColumn: 'convention_id' },
  Evaluation: { table: 'evaluation', conventionColumn: 'convention_id' },
} as const;

export type KeptRoot = keyof typeof KEPT_ROOTS;

/**
 * Directory objects, which no convention owns: only these fields of theirs may be in a kept
 * answer. A collectivity's other fields show what it does across all its conventions (its APD
 * declaration) or its own settings (calendar feeds), which no convention's count follows.
 */
export const DIRECTORY_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  Collectivity: new Set(['id', 'name', 'countryCode', 'currency', 'locale', 'timeZone']),
};

/**
 * Every type an answer may reach from the roots through the allowed fields: the roots' own data,
 * their convention's, and the directory fields above. Computed from the schema, so a new field is
 * in it at once: `kept-shape.test.ts` lists the edges between object types and fails when one is
 * added, for someone to decide whether the new field stays within its convention.
 */
export function keptTypes(schema: GraphQLSchema): ReadonlySet<string> {
  const seen = new Set<string>();
  const queue: GraphQLNamedType[] = Object.keys(KEPT_ROOTS).flatMap(
    (name) => schema.getType(name) ?? [],
  );
  for (let type = queue.shift(); type; type = queue.shift()) {
    if (seen.has(type.name)) continue;
    seen.add(type.name);
    if (isUnionType(type)) queue.push(...type.getTypes());
    if (isInterfaceType(type)) queue.push(...schema.getPossibleTypes(type));
    if (isObjectType(type) || isInterfaceType(type)) {
      const allowed = DIRECTORY_FIELDS[type.name];
      for (const field of Object.values(type.getFields())) {
        if (allowed && !allowed.has(field.name)) continue;
        queue.push(getNamedType(field.type));
      }
    }
  }
  return seen;
}

/** A query whose answer may be kept: the object it starts from is named by its `id` argument. */
export interface KeptShape {
  /** The `node` field's `id` argument: a literal or a variable. */
  readonly id: ValueNode;
}

/**
 * Whether the answer to `document` may be kept, and what it starts from: one query operation with
 * a single `node(id:)` field, which reaches only kept types and allowed fields. Anything else
 * (lists of conventions, the viewer, a collectivity's other fields, introspection) is executed
 * every time.
 */
export function keptShapeOf(
  schema: GraphQLSchema,
  kept: ReadonlySet<string>,
  document: DocumentNode,
): KeptShape | null {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations[0];
  if (operations.length !== 1 || !operation || operation.operation !== OperationTypeNode.QUERY)
    return null;
  const [root, ...others] = operation.selectionSet.selections;
  if (!root || others.length > 0 || root.kind !== Kind.FIELD || root.name.value !== 'node') {
    return null;
  }
  if (root.directives?.length) return null;
  const id = root.arguments?.find((argument) => argument.name.value === 'id')?.value;
  if (!id) return null;

  const typeInfo = new TypeInfo(schema);
  const outside = { found: false };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(field) {
        const parent = typeInfo.getParentType();
        const name = field.name.value;
        if (!parent || name === '__typename') return;
        const ownsField =
          parent.name === 'Query'
            ? field === root
            : !name.startsWith('__') &&
              (kept.has(parent.name) || parent.name === 'Node') &&
              (DIRECTORY_FIELDS[parent.name]?.has(name) ?? true);
        if (!ownsField) {
          outside.found = true;
          return BREAK;
        }
        return undefined;
      },
    }),
  );
  return outside.found ? null : { id };
}
