import {
  DEFAULT_DURATION_YEARS,
  statusAt,
  termAt,
  termsOf,
  lastTerm,
  type ConventionDuration,
  type IsoDate,
  type Term,
} from '@coop/domain';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import type {
  ConventionPartyRow,
  ConventionRow,
  DeliberationRow,
  AxisRow,
} from '../db/tables/convention.js';
import {
  countVisibleConventions,
  findVisibleAxes,
  findVisibleConventions,
  listVisibleConventions,
} from '../repositories/convention.js';
import { Collectivity } from './collectivity.js';
import { axesLoader, deliberationsLoader, partiesLoader, renewalsLoader } from './loaders.js';
import { loadByDbIds, NODE_LOADER_OPTIONS } from './node-loading.js';
import { pageOf, readPageArgs, type Page } from './pagination.js';

/** The row and its renewals, as the domain's term rules take them (A7). */
async function durationOf(
  convention: ConventionRow,
  context: Context,
): Promise<ConventionDuration> {
  const renewals = await renewalsLoader(context).load(convention.id);
  return {
    signature: convention.signature_date
      ? {
          place: convention.signature_place,
          date: convention.signature_date as IsoDate,
          originals: convention.signature_originals ?? 1,
        }
      : null,
    durationYears: convention.duration_years,
    renewals: renewals.map((renewal) => ({ decidedOn: renewal.decided_on as IsoDate })),
  };
}

/** The term in force today, else the last one decided (after expiry), else none (unsigned). */
async function currentTerm(convention: ConventionRow, context: Context): Promise<Term | null> {
  const duration = await durationOf(convention, context);
  return termAt(duration, context.today) ?? lastTerm(duration);
}

export const ConventionStatusEnum = builder.enumType('ConventionStatus', {
  description:
    'A7: DRAFT while unsigned, EXPIRING with less than six months left and no renewal decided.',
  values: ['DRAFT', 'IN_FORCE', 'EXPIRING', 'EXPIRED'] as const,
});

export const DeliberationKindEnum = builder.enumType('DeliberationKind', {
  values: {
    AUTHORISATION: { description: 'Empowers the signatory to sign the convention.' },
    RENEWAL: { description: 'Approves a new term (A7).' },
    OTHER: {},
  },
});

const SignatoryRef = builder.objectRef<{ name: string; office: string }>('Signatory').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    office: t.exposeString('office', { description: '"Maire en exercice".' }),
  }),
});

const SignatureRef = builder
  .objectRef<{ place: string | null; date: string; originals: number }>('Signature')
  .implement({
    description: '"Fait à ____, le ____, en six exemplaires."',
    fields: (t) => ({
      place: t.exposeString('place', { nullable: true }),
      date: t.expose('date', { type: 'Date' }),
      originals: t.exposeInt('originals'),
    }),
  });

const TermRef = builder.objectRef<Term>('ConventionTerm').implement({
  description: 'A period of validity: the first from the signature, one more per renewal (A7).',
  fields: (t) => ({
    number: t.exposeInt('number'),
    startDate: t.expose('startDate', { type: 'Date' }),
    endDate: t.expose('endDate', { type: 'Date', description: 'Inclusive.' }),
  }),
});

const DeliberationRef = builder.objectRef<DeliberationRow>('Deliberation').implement({
  description: 'A council decision: body, date, reference, subject.',
  fields: (t) => ({
    collectivity: t.field({ type: Collectivity, resolve: (row) => row.collectivity_id }),
    kind: t.field({ type: DeliberationKindEnum, resolve: (row) => row.kind }),
    body: t.exposeString('body', { description: '"Conseil municipal".' }),
    date: t.expose('date', { type: 'Date' }),
    reference: t.exposeString('reference', { nullable: true }),
    subject: t.exposeString('subject'),
  }),
});

const ConventionPartyRef = builder.objectRef<ConventionPartyRow>('ConventionParty').implement({
  description:
    'A collectivity bound by the convention, who signs for it, and under which deliberation.',
  fields: (t) => ({
    collectivity: t.field({ type: Collectivity, resolve: (row) => row.collectivity_id }),
    signatory: t.field({
      type: SignatoryRef,
      nullable: true,
      resolve: (row) =>
        row.signatory_name
          ? { name: row.signatory_name, office: row.signatory_office ?? '' }
          : null,
    }),
    deliberation: t.field({
      type: DeliberationRef,
      nullable: true,
      description: 'The deliberation authorising the signature, when recorded.',
      resolve: async (row, _args, context) =>
        (await deliberationsLoader(context).load(row.convention_id)).find(
          (deliberation) =>
            deliberation.collectivity_id === row.collectivity_id &&
            deliberation.kind === 'AUTHORISATION',
        ) ?? null,
    }),
  }),
});

export const Axis = builder.loadableNode('Axis', {
  description: 'A thematic line of the convention with its own period (A2).',
  id: { resolve: (row: AxisRow) => row.id },
  authScopes: (row) => ({ readConvention: row.convention_id }),
  loaderOptions: NODE_LOADER_OPTIONS,
  load: (keys: (string | number)[], context) =>
    loadByDbIds(keys, (ids) =>
      context.viewer ? findVisibleAxes(context.db, context.viewer, ids) : Promise.resolve([]),
    ),
  fields: (t) => ({
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    periodStart: t.expose('period_start', { type: 'Date' }),
    periodEnd: t.expose('period_end', { type: 'Date' }),
    version: t.exposeInt('version'),
  }),
});

export const Convention = builder.loadableNode('Convention', {
  description: 'A framework convention between two or more collectivities.',
  id: { resolve: (row: ConventionRow) => row.id },
  // Defence in depth: loaders already return only conventions the viewer is party to.
  authScopes: (row) => ({ readConvention: row.id }),
  loaderOptions: NODE_LOADER_OPTIONS,
  load: (keys: (string | number)[], context) =>
    loadByDbIds(keys, (ids) =>
      context.viewer
        ? findVisibleConventions(context.db, context.viewer, ids)
        : Promise.resolve([]),
    ),
  fields: (t) => ({
    title: t.exposeString('title'),
    object: t.exposeString('object', { description: 'A1: the object of the convention.' }),
    preamble: t.exposeString('preamble'),
    version: t.exposeInt('version', {
      description: 'Send it back with an edit: a stale one is refused.',
    }),
    parties: t.field({
      type: [ConventionPartyRef],
      resolve: (row, _args, context) => partiesLoader(context).load(row.id),
    }),
    axes: t.field({
      type: [Axis],
      resolve: (row, _args, context) => axesLoader(context).load(row.id),
    }),
    deliberations: t.field({
      type: [DeliberationRef],
      resolve: (row, _args, context) => deliberationsLoader(context).load(row.id),
    }),
    signature: t.field({
      type: SignatureRef,
      nullable: true,
      description: 'Null while unsigned.',
      resolve: (row) =>
        row.signature_date
          ? {
              place: row.signature_place,
              date: row.signature_date,
              originals: row.signature_originals ?? 1,
            }
          : null,
    }),
    durationYears: t.exposeInt('duration_years', {
      description: `A7: years from the signature (${DEFAULT_DURATION_YEARS} by default).`,
    }),
    startDate: t.field({
      type: 'Date',
      nullable: true,
      description: 'First day of the current term (or of the last one, once expired).',
      resolve: async (row, _args, context) => (await currentTerm(row, context))?.startDate ?? null,
    }),
    endDate: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last day of the current term, inclusive.',
      resolve: async (row, _args, context) => (await currentTerm(row, context))?.endDate ?? null,
    }),
    terms: t.field({
      type: [TermRef],
      resolve: async (row, _args, context) => [...termsOf(await durationOf(row, context))],
    }),
    status: t.field({
      type: ConventionStatusEnum,
      args: { at: t.arg({ type: 'Date', description: 'Defaults to today.' }) },
      resolve: async (row, args, context) =>
        statusAt(await durationOf(row, context), args.at ?? context.today),
    }),
  }),
});

const ConventionConnection = builder.connectionObject(
  { type: Convention, name: 'ConventionConnection' },
  { name: 'ConventionEdge' },
);

builder.objectField(ConventionConnection, 'totalCount', (t) =>
  t.int({ resolve: (connection) => (connection as unknown as Page<ConventionRow>).totalCount() }),
);

builder.queryField('conventions', (t) =>
  t.field({
    type: ConventionConnection,
    description: 'The conventions the viewer’s collectivity is party to.',
    authScopes: { signedIn: true },
    args: {
      first: t.arg.int({ description: 'At most 100.' }),
      after: t.arg.string(),
    },
    resolve: async (_root, args, context) => {
      const viewer = context.viewer;
      if (!viewer) return pageOf([], { limit: 0, afterId: null }, () => Promise.resolve(0));
      const page = readPageArgs(args);
      const rows = await listVisibleConventions(context.db, viewer, {
        afterId: page.afterId,
        limit: page.limit + 1,
      });
      return pageOf(rows, page, () => countVisibleConventions(context.db, viewer));
    },
  }),
);
