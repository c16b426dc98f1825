import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { IsoDate } from '@coop/domain';
import { GraphQLError } from 'graphql';
import type { Context } from './context.js';

/**
 * The Pothos builder: plugins, context, scalars and the scopes every type and field is checked
 * against. It defines no schema type; those live one entity a file under schema/.
 */
export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: {
    signedIn: boolean;
    /** The viewer's collectivity is party to this convention (by database ID). */
    readConvention: number;
  };
  Scalars: {
    ID: { Input: string; Output: string | number };
    Date: { Input: IsoDate; Output: string };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (context) => ({
      signedIn: context.access.signedIn,
      readConvention: (conventionId) => context.access.canRead(conventionId),
    }),
    unauthorizedError: (_parent, context) =>
      context.access.signedIn
        ? new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN' } })
        : new GraphQLError('Sign in first, or send an API token', {
            extensions: { code: 'UNAUTHENTICATED' },
          }),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // node/nodes are open to anyone: each type's loader only ever returns what the viewer may see.
    nodeQueryOptions: { nullable: true },
    nodesQueryOptions: { nullable: { list: false, items: true } },
  },
  errors: {
    defaultTypes: [],
    // Mutation results read as the contract names them: CreateConventionResult = CreateConventionSuccess | …
    defaultResultOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Success` },
    defaultUnionOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Result` },
  },
});

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

builder.queryType({});
builder.mutationType({});
