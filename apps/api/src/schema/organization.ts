import { builder } from '../builder.js';
import type { OrganizationKind, OrganizationRow } from '../db/tables/action.js';
import { runMutation } from '../mutation.js';
import {
  countOrganizationsMatching,
  findOrganizationByName,
  findOrganizationsByIds,
  insertOrganization,
  listOrganizations,
} from '../repositories/organization.js';
import { EDIT_ERRORS } from './errors.js';
import { InputCheck } from './input-check.js';
import { loadByDbIds, NODE_LOADER_OPTIONS } from './node-loading.js';
import { pageOf, readPageArgs, type Page } from './pagination.js';

const ORGANIZATION_KINDS = [
  'GOVERNMENT',
  'MULTILATERAL',
  'PUBLIC_BODY',
  'ASSOCIATION',
  'UNIVERSITY',
  'COMPANY',
  'OTHER',
] as const satisfies readonly OrganizationKind[];

export const OrganizationKindEnum = builder.enumType('OrganizationKind', {
  description: 'What sort of body it is (IATI organisation types, simplified).',
  values: ORGANIZATION_KINDS,
});

/**
 * The directory of organisations: institutions associated to actions (A3) and co-funders (A4.3).
 * Like the directory of collectivities, anyone signed in sees it; what ties an organisation to a
 * convention (its role in an action, its contribution) is visible only to the parties.
 */
export const Organization = builder.loadableNode('Organization', {
  description: 'An institution, an association or a funder that actions work with (A3, A4.3).',
  id: { resolve: (row: OrganizationRow) => row.id },
  loaderOptions: NODE_LOADER_OPTIONS,
  load: (keys: (string | number)[], context) =>
    loadByDbIds(keys, (ids) =>
      context.access.signedIn ? findOrganizationsByIds(context.db, ids) : Promise.resolve([]),
    ),
  fields: (t) => ({
    name: t.exposeString('name'),
    countryCode: t.exposeString('country_code', {
      nullable: true,
      description: 'ISO 3166-1 alpha-2; null for an international body.',
    }),
    kind: t.field({ type: OrganizationKindEnum, resolve: (row) => row.kind }),
    iatiIdentifier: t.exposeString('iati_identifier', {
      nullable: true,
      description: 'Its IATI organisation identifier ("FR-6"), for the IATI export.',
    }),
  }),
});

const OrganizationConnection = builder.connectionObject(
  { type: Organization, name: 'OrganizationConnection' },
  { name: 'OrganizationEdge' },
);

builder.objectField(OrganizationConnection, 'totalCount', (t) =>
  t.int({ resolve: (connection) => (connection as unknown as Page<OrganizationRow>).totalCount() }),
);

builder.queryField('organizations', (t) =>
  t.field({
    type: OrganizationConnection,
    description: 'The directory of organisations, for anyone signed in.',
    authScopes: { signedIn: true },
    args: {
      first: t.arg.int({ description: 'At most 100.' }),
      after: t.arg.string(),
      search: t.arg.string({ description: 'Part of the name, any case.' }),
    },
    resolve: async (_root, args, context) => {
      const page = readPageArgs(args);
      const search = args.search?.trim() || null;
      const rows = await listOrganizations(context.db, {
        afterId: page.afterId,
        limit: page.limit + 1,
        search,
      });
      return pageOf(rows, page, () => countOrganizationsMatching(context.db, search));
    },
  }),
);

const CreateOrganizationInput = builder.inputType('CreateOrganizationInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    countryCode: t.string({
      description: 'ISO 3166-1 alpha-2: "FR", "MA"; none if international.',
    }),
    kind: t.field({ type: OrganizationKindEnum, required: true }),
    iatiIdentifier: t.string(),
  }),
});

builder.mutationField('createOrganization', (t) =>
  t.field({
    type: Organization,
    description: 'Adds an organisation to the directory (editors of any collectivity).',
    args: { input: t.arg({ type: CreateOrganizationInput, required: true }) },
    errors: { types: EDIT_ERRORS, dataField: { name: 'organization' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'createOrganization', async ({ trx, audit }) => {
        context.access.requireWrite();
        const check = new InputCheck();
        const name = check.text(['input', 'name'], input.name, 300);
        const country = input.countryCode?.trim().toUpperCase() || null;
        if (country !== null && !/^[A-Z]{2}$/.test(country)) {
          check.add(
            ['input', 'countryCode'],
            'An ISO 3166-1 alpha-2 code: "FR", "MA"',
            'INVALID_COUNTRY_CODE',
          );
        }
        const iatiIdentifier = check.optionalText(
          ['input', 'iatiIdentifier'],
          input.iatiIdentifier,
          100,
        );
        if (check.ok && (await findOrganizationByName(trx, name, country))) {
          check.add(
            ['input', 'name'],
            'The directory already holds an organisation of this name in this country',
            'DUPLICATE_ORGANIZATION',
          );
        }
        check.done();
        const organization = await insertOrganization(trx, {
          name,
          country_code: country,
          kind: input.kind,
          iati_identifier: iatiIdentifier,
        });
        await audit({
          conventionId: null,
          subjectType: 'Organization',
          subjectId: organization.id,
          before: null,
          after: organization,
        });
        return organization;
      }),
  }),
);
