import {
  DEFAULT_DURATION_YEARS,
  statusAt,
  termAt,
  termsOf,
  lastTerm,
  parseCurrency,
  renew,
  renewalCheck,
  type ConventionDuration,
  type ConventionStatus,
  type RenewalBlocker,
  type Term,
} from '@coop/domain';
import { durationOf, renewalInput } from '../mapping/convention.js';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.js';
import type { Executor } from '../db/database.js';
import type { Context } from '../context.js';
import type {
  AxisRow,
  ConventionPartyRow,
  ConventionRow,
  ConventionUpdate,
  DeliberationRow,
} from '../db/tables/convention.js';
import {
  countVisibleConventions,
  findConventionForUpdate,
  findDeliberations,
  findParties,
  findRenewals,
  findVisibleAxes,
  findVisibleConventionsWithLists,
  insertConvention,
  insertDeliberation,
  insertParties,
  insertRenewal,
  listVisibleConventions,
  updateSignatory,
  type ConventionWithLists,
} from '../repositories/convention.js';
import { Collectivity } from './collectivity.js';
import {
  axesLoader,
  deliberationsLoader,
  collectivityRowLoader,
  evaluationsLoader,
  partiesLoader,
  primeLists,
  renewalsLoader,
} from './loaders.js';
import { ConflictError, CoopError, NotFoundError, ValidationError } from '../errors.js';
import { runMutation } from '../mutation.js';
import { findCollectivitiesByIds } from '../repositories/collectivity.js';
import { evaluationsOfConventions } from '../repositories/evaluation.js';
import { updateVersioned } from '../repositories/versioned.js';
import { EDIT_ERRORS, ErrorInterface } from './errors.js';
import { requireDbId } from './global-id.js';
import { InputCheck } from './input-check.js';
import { loadByDbIds, NODE_LOADER_OPTIONS } from './node-loading.js';
import { pageOf, readPageArgs, type Page } from './pagination.js';
import { whenSettled, type MaybePromise } from './settled-loader.js';

/**
 * The row and its renewals, as the domain's term rules take them (A7): at once when the renewals
 * came with the convention, as they do for a page or a list.
 */
function durationOfRow(
  convention: ConventionRow,
  context: Context,
): MaybePromise<ConventionDuration> {
  return whenSettled(renewalsLoader(context).load(convention.id), (renewals) =>
    durationOf(convention, renewals),
  );
}

/** The term in force today, else the last one decided (after expiry), else none (unsigned). */
function currentTerm(convention: ConventionRow, context: Context): MaybePromise<Term | null> {
  return whenSettled(
    durationOfRow(convention, context),
    (duration) => termAt(duration, context.today) ?? lastTerm(duration),
  );
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
    id: t.id({
      description:
        'Stable within its convention (a key for lists); deliberations are read through their convention.',
      resolve: (row) => encodeGlobalID('Deliberation', row.id),
    }),
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
    loadByDbIds(keys, async (ids) =>
      context.viewer
        ? withListsPrimed(
            context,
            await findVisibleConventionsWithLists(context.db, context.viewer, ids),
          )
        : [],
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
      // The convention was checked, and these are its own: not checked again, axis by axis.
      skipTypeScopes: true,
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
    reportingCurrency: t.exposeString('reporting_currency', {
      description: 'ISO 4217: the currency budget totals are reported in (A4.6).',
    }),
    funderCapPercent: t.exposeInt('funder_cap_percent', {
      nullable: true,
      description:
        'A4.3 policy: a co-funder’s largest share of an action’s expenses; null for none.',
    }),
    minimumPartySharePercent: t.exposeInt('minimum_party_share_percent', {
      description: 'A4.2 policy: each party’s smallest share; 0 means "above zero".',
    }),
    durationYears: t.exposeInt('duration_years', {
      description: `A7: years from the signature (${DEFAULT_DURATION_YEARS} by default).`,
    }),
    startDate: t.field({
      type: 'Date',
      nullable: true,
      description: 'First day of the current term (or of the last one, once expired).',
      resolve: (row, _args, context) =>
        whenSettled(currentTerm(row, context), (term) => term?.startDate ?? null),
    }),
    endDate: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last day of the current term, inclusive.',
      resolve: (row, _args, context) =>
        whenSettled(currentTerm(row, context), (term) => term?.endDate ?? null),
    }),
    terms: t.field({
      type: [TermRef],
      resolve: (row, _args, context) =>
        whenSettled(durationOfRow(row, context), (duration) => [...termsOf(duration)]),
    }),
    status: t.field({
      type: ConventionStatusEnum,
      args: { at: t.arg({ type: 'Date', description: 'Defaults to today.' }) },
      resolve: (row, args, context) =>
        whenSettled(durationOfRow(row, context), (duration) =>
          statusAt(duration, args.at ?? context.today),
        ),
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

// ——— The renewal check (A7) ———

const RenewalBlockerRef = builder
  .objectRef<{ code: string; message: string; collectivityId: number | null }>('RenewalBlocker')
  .implement({
    description: 'One reason the convention cannot be renewed yet.',
    fields: (t) => ({
      code: t.exposeString('code', {
        description:
          'NOT_SIGNED, EXPIRED, MISSING_RENEWAL_DELIBERATION or NO_COMPLETED_PROGRAMME_EVALUATION.',
      }),
      message: t.exposeString('message'),
      collectivity: t.field({
        type: Collectivity,
        nullable: true,
        description: 'The party concerned, for a missing deliberation.',
        resolve: (blocker) => blocker.collectivityId,
      }),
    }),
  });

interface RenewalCheckShape {
  eligible: boolean;
  issues: { code: string; message: string; collectivityId: number | null }[];
  nextTerm: Term | null;
}

const RenewalCheckRef = builder.objectRef<RenewalCheckShape>('RenewalCheck').implement({
  description:
    'A7: a renewal needs a renewal deliberation of every party within the last term and an approved programme evaluation of it (A6).',
  fields: (t) => ({
    eligible: t.exposeBoolean('eligible'),
    blockers: t.stringList({
      description: 'Each blocker as a sentence.',
      resolve: (check) => check.issues.map((issue) => issue.message),
    }),
    issues: t.field({ type: [RenewalBlockerRef], resolve: (check) => check.issues }),
    nextTerm: t.field({
      type: TermRef,
      nullable: true,
      description: 'The term a renewal would open.',
      resolve: (check) => check.nextTerm,
    }),
  }),
});

/** The domain's blockers, worded with the parties' names. */
function describeBlockers(
  blockers: readonly RenewalBlocker[],
  names: ReadonlyMap<number, string>,
): RenewalCheckShape['issues'] {
  return blockers.map((blocker) => {
    if (blocker.code !== 'MISSING_RENEWAL_DELIBERATION') {
      return { code: blocker.code, message: blocker.message, collectivityId: null };
    }
    const id = Number(blocker.party);
    return {
      code: blocker.code,
      message: `${names.get(id) ?? 'A party'} has no renewal deliberation dated within the current term (${blocker.term.startDate} – ${blocker.term.endDate})`,
      collectivityId: id,
    };
  });
}

async function partyNames(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  const rows = await findCollectivitiesByIds(db, ids);
  return new Map(rows.map((row) => [row.id, row.name]));
}

builder.objectField(Convention, 'renewal', (t) =>
  t.field({
    type: RenewalCheckRef,
    description: 'Whether the parties may renew the convention today, and what stands in the way.',
    resolve: async (row, _args, context) => {
      const [renewals, parties, deliberations, evaluations] = await Promise.all([
        renewalsLoader(context).load(row.id),
        partiesLoader(context).load(row.id),
        deliberationsLoader(context).load(row.id),
        evaluationsLoader(context).load(row.id),
      ]);
      const partyIds = parties.map((party) => party.collectivity_id);
      const input = renewalInput({
        convention: row,
        renewals,
        partyIds,
        deliberations,
        evaluations,
        date: context.today,
      });
      const check = renewalCheck(input);
      const nextTerm = check.term
        ? (termsOf({
            ...input.duration,
            renewals: [...input.duration.renewals, { decidedOn: context.today }],
          }).at(-1) ?? null)
        : null;
      return {
        eligible: check.eligible,
        issues: describeBlockers(
          check.blockers,
          new Map(
            (await collectivityRowLoader(context).loadMany(partyIds)).flatMap((c) =>
              c && !(c instanceof Error) ? [[c.id, c.name] as const] : [],
            ),
          ),
        ),
        nextTerm,
      };
    },
  }),
);

// ——— Filters on the list ———

export const ConventionFilter = builder.inputType('ConventionFilter', {
  fields: (t) => ({
    status: t.field({ type: [ConventionStatusEnum], description: 'Any of these statuses today.' }),
    partnerCountry: t.string({
      description: 'ISO 3166-1 alpha-2: a party other than the viewer’s is in this country.',
    }),
    axis: t.string({ description: 'Part of an axis title, any case.' }),
    search: t.string({ description: 'Part of the title, any case.' }),
  }),
});

builder.queryField('conventions', (t) =>
  t.field({
    type: ConventionConnection,
    description: 'The conventions the viewer’s collectivity is party to, optionally filtered.',
    authScopes: { signedIn: true },
    args: {
      first: t.arg.int({ description: 'At most 100.' }),
      after: t.arg.string(),
      filter: t.arg({ type: ConventionFilter }),
    },
    resolve: async (_root, args, context) => {
      const viewer = context.viewer;
      if (!viewer) return pageOf([], { limit: 0, afterId: null }, () => Promise.resolve(0));
      const page = readPageArgs(args);
      const filter = args.filter;
      if (!filter || Object.values(filter).every((value) => value == null || value === '')) {
        const rows = primed(
          context,
          withListsPrimed(
            context,
            await listVisibleConventions(context.db, viewer, {
              afterId: page.afterId,
              limit: page.limit + 1,
            }),
          ),
        );
        return pageOf(rows, page, () => countVisibleConventions(context.db, viewer));
      }
      // A collectivity is party to a bounded number of conventions: filter them all by the
      // domain's status (computed, not stored) and page over what matches.
      const all = primed(
        context,
        withListsPrimed(
          context,
          await listVisibleConventions(context.db, viewer, { afterId: null, limit: 100_000 }),
        ),
      );
      const matches = await filterConventions(all, filter, context);
      const afterId = page.afterId;
      const rest = afterId === null ? matches : matches.filter((row) => row.id > afterId);
      return pageOf(rest.slice(0, page.limit + 1), page, () => Promise.resolve(matches.length));
    },
  }),
);

/** Conventions read with their lists: the lists' loaders answer without a statement. */
function withListsPrimed(context: Context, rows: ConventionWithLists[]): ConventionRow[] {
  for (const { convention, lists } of rows) primeLists(context, convention.id, lists);
  return rows.map((row) => row.convention);
}

/**
 * Rows listed for the viewer are visible ones: handed to the node loader, they are not read again
 * when an action's budget or a report asks for its convention.
 */
function primed(context: Context, rows: ConventionRow[]): ConventionRow[] {
  const nodes = Convention.getDataloader(context);
  for (const row of rows) nodes.prime(row.id, row);
  return rows;
}

async function filterConventions(
  rows: readonly ConventionRow[],
  filter: {
    status?: readonly ConventionStatus[] | null;
    partnerCountry?: string | null;
    axis?: string | null;
    search?: string | null;
  },
  context: Context,
): Promise<ConventionRow[]> {
  const ids = rows.map((row) => row.id);
  const [renewals, parties, axes] = await Promise.all([
    renewalsLoader(context).loadMany(ids),
    partiesLoader(context).loadMany(ids),
    axesLoader(context).loadMany(ids),
  ]);
  const partnerIds = [
    ...new Set(
      parties.flatMap((list) =>
        Array.isArray(list) ? list.map((party) => party.collectivity_id) : [],
      ),
    ),
  ];
  const search = filter.search?.trim().toLowerCase();
  const axis = filter.axis?.trim().toLowerCase();
  const country = filter.partnerCountry?.trim().toUpperCase();
  // The parties' collectivities came with the lists: no statement of their own.
  const countries = new Map(
    country
      ? (await collectivityRowLoader(context).loadMany(partnerIds)).flatMap((row) =>
          row && !(row instanceof Error) ? [[row.id, row.country_code] as const] : [],
        )
      : [],
  );
  return rows.filter((row, index) => {
    const rowRenewals = renewals[index];
    const rowParties = parties[index];
    const rowAxes = axes[index];
    if (!Array.isArray(rowRenewals) || !Array.isArray(rowParties) || !Array.isArray(rowAxes))
      return false;
    if (
      filter.status?.length &&
      !filter.status.includes(statusAt(durationOf(row, rowRenewals), context.today))
    )
      return false;
    if (search && !row.title.toLowerCase().includes(search)) return false;
    if (axis && !rowAxes.some((item) => item.title.toLowerCase().includes(axis))) return false;
    if (
      country &&
      !rowParties.some(
        (party) =>
          party.collectivity_id !== context.viewer?.collectivityId &&
          countries.get(party.collectivity_id) === country,
      )
    ) {
      return false;
    }
    return true;
  });
}

// ——— Mutations ———

const ConventionPartyInput = builder.inputType('ConventionPartyInput', {
  fields: (t) => ({
    collectivityId: t.id({ required: true }),
    signatoryName: t.string(),
    signatoryOffice: t.string({ description: '"Maire en exercice".' }),
  }),
});

const CreateConventionInput = builder.inputType('CreateConventionInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    object: t.string({ description: 'A1.' }),
    preamble: t.string(),
    durationYears: t.int({ description: `A7: ${DEFAULT_DURATION_YEARS} when absent.` }),
    reportingCurrency: t.string({
      description: 'ISO 4217; the viewer’s collectivity’s currency when absent.',
    }),
    signatoryName: t.string({ description: 'Who signs for the viewer’s own collectivity.' }),
    signatoryOffice: t.string(),
    partners: t.field({
      type: [ConventionPartyInput],
      required: true,
      description: 'The other parties: the viewer’s collectivity is always the first.',
    }),
  }),
});

const CONVENTION_ERRORS = EDIT_ERRORS;

function checkCurrency(check: InputCheck, path: string[], code: string): string {
  const parsed = parseCurrency(code.trim().toUpperCase());
  if (!parsed.ok) {
    check.add(path, parsed.error.message, parsed.error.code);
    return code;
  }
  return parsed.value;
}

function auditable(row: ConventionRow): Omit<ConventionRow, 'created_at' | 'updated_at'> {
  const { created_at: _created, updated_at: _updated, ...rest } = row;
  return rest;
}

builder.mutationField('createConvention', (t) =>
  t.field({
    type: Convention,
    description:
      'A new convention, unsigned (DRAFT), between the viewer’s collectivity and its partners.',
    args: { input: t.arg({ type: CreateConventionInput, required: true }) },
    errors: { types: CONVENTION_ERRORS, dataField: { name: 'convention' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'createConvention', async ({ trx, viewer, audit }) => {
        context.access.requireWrite();
        const check = new InputCheck();
        const title = check.text(['input', 'title'], input.title, 300);
        const durationYears = check.integer(
          ['input', 'durationYears'],
          input.durationYears ?? DEFAULT_DURATION_YEARS,
          1,
          99,
        );
        const [own] = await findCollectivitiesByIds(trx, [viewer.collectivityId]);
        const reportingCurrency = checkCurrency(
          check,
          ['input', 'reportingCurrency'],
          input.reportingCurrency ?? own?.currency ?? 'EUR',
        );
        const partnerIds = input.partners.map((partner, index) => {
          try {
            return requireDbId(partner.collectivityId, 'Collectivity');
          } catch {
            check.add(
              ['input', 'partners', String(index), 'collectivityId'],
              'No collectivity with this ID',
              'UNKNOWN_COLLECTIVITY',
            );
            return -1;
          }
        });
        if (input.partners.length === 0)
          check.add(['input', 'partners'], 'A convention needs at least one partner', 'REQUIRED');
        const known = new Set(
          (
            await findCollectivitiesByIds(
              trx,
              partnerIds.filter((id) => id > 0),
            )
          ).map((row) => row.id),
        );
        partnerIds.forEach((id, index) => {
          const path = ['input', 'partners', String(index), 'collectivityId'];
          if (id > 0 && !known.has(id))
            check.add(path, 'No collectivity with this ID', 'UNKNOWN_COLLECTIVITY');
          else if (id === viewer.collectivityId)
            check.add(path, 'Your collectivity is already a party', 'DUPLICATE_PARTY');
          else if (id > 0 && partnerIds.indexOf(id) !== index)
            check.add(path, 'This collectivity is listed twice', 'DUPLICATE_PARTY');
        });
        check.done();

        const convention = await insertConvention(trx, {
          title,
          object: input.object?.trim() ?? '',
          preamble: input.preamble?.trim() ?? '',
          duration_years: durationYears,
          reporting_currency: reportingCurrency,
          signature_place: null,
          signature_date: null,
          signature_originals: null,
        });
        await insertParties(trx, convention.id, [
          {
            collectivityId: viewer.collectivityId,
            signatoryName: input.signatoryName?.trim() || null,
            signatoryOffice: input.signatoryOffice?.trim() || null,
          },
          ...input.partners.map((partner, index) => ({
            collectivityId: partnerIds[index] ?? -1,
            signatoryName: partner.signatoryName?.trim() || null,
            signatoryOffice: partner.signatoryOffice?.trim() || null,
          })),
        ]);
        await audit({
          conventionId: convention.id,
          subjectType: 'Convention',
          subjectId: convention.id,
          before: null,
          after: auditable(convention),
        });
        return convention;
      }),
  }),
);

const UpdateConventionInput = builder.inputType('UpdateConventionInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true, description: 'The version the change was made on.' }),
    title: t.string(),
    object: t.string(),
    preamble: t.string(),
    durationYears: t.int(),
    reportingCurrency: t.string(),
    funderCapPercent: t.int({
      description: 'A4.3 policy: a co-funder’s largest share of an action; null for no cap.',
    }),
    minimumPartySharePercent: t.int({
      description: 'A4.2 policy: each party’s smallest share; 0 means above zero.',
    }),
  }),
});

builder.mutationField('updateConvention', (t) =>
  t.field({
    type: Convention,
    args: { input: t.arg({ type: UpdateConventionInput, required: true }) },
    errors: { types: CONVENTION_ERRORS, dataField: { name: 'convention' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'updateConvention', async ({ trx, audit }) => {
        const id = requireDbId(input.id, 'Convention');
        await context.access.requireEdit(id);
        const before = await findConventionForUpdate(trx, id);
        if (!before) throw new NotFoundError();
        const check = new InputCheck();
        const changes: ConventionUpdate = {};
        if (input.title != null) changes.title = check.text(['input', 'title'], input.title, 300);
        if (input.object != null) changes.object = input.object.trim();
        if (input.preamble != null) changes.preamble = input.preamble.trim();
        if (input.durationYears != null) {
          changes.duration_years = check.integer(
            ['input', 'durationYears'],
            input.durationYears,
            1,
            99,
          );
        }
        if (input.reportingCurrency != null) {
          changes.reporting_currency = checkCurrency(
            check,
            ['input', 'reportingCurrency'],
            input.reportingCurrency,
          );
        }
        if (input.funderCapPercent !== undefined) {
          changes.funder_cap_percent =
            input.funderCapPercent === null
              ? null
              : check.integer(['input', 'funderCapPercent'], input.funderCapPercent, 0, 100);
        }
        if (input.minimumPartySharePercent != null) {
          changes.minimum_party_share_percent = check.integer(
            ['input', 'minimumPartySharePercent'],
            input.minimumPartySharePercent,
            0,
            100,
          );
        }
        check.done();
        const after = await updateVersioned(trx, 'convention', id, input.version, {
          ...changes,
          updated_at: new Date(),
        });
        await audit({
          conventionId: id,
          subjectType: 'Convention',
          subjectId: id,
          before: auditable(before),
          after: auditable(after),
        });
        return after;
      }),
  }),
);

const SetSignatoryInput = builder.inputType('SetSignatoryInput', {
  fields: (t) => ({
    conventionId: t.id({ required: true }),
    version: t.int({ required: true }),
    collectivityId: t.id({ required: true }),
    name: t.string({ required: true }),
    office: t.string({ required: true }),
  }),
});

builder.mutationField('setSignatory', (t) =>
  t.field({
    type: Convention,
    description: 'Who signs for a party: "Monsieur Mohamed Sefiani, Maire en exercice".',
    args: { input: t.arg({ type: SetSignatoryInput, required: true }) },
    errors: { types: CONVENTION_ERRORS, dataField: { name: 'convention' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'setSignatory', async ({ trx, audit }) => {
        const id = requireDbId(input.conventionId, 'Convention');
        await context.access.requireEdit(id);
        const check = new InputCheck();
        const name = check.text(['input', 'name'], input.name, 200);
        const office = check.text(['input', 'office'], input.office, 200);
        check.done();
        const collectivityId = requireDbId(input.collectivityId, 'Collectivity');
        const convention = await updateVersioned(trx, 'convention', id, input.version, {
          updated_at: new Date(),
        });
        const before = (await findParties(trx, id)).find(
          (party) => party.collectivity_id === collectivityId,
        );
        if (!before)
          throw ValidationError.of(
            ['input', 'collectivityId'],
            'This collectivity is not a party',
            'NOT_A_PARTY',
          );
        const after = await updateSignatory(trx, id, collectivityId, { name, office });
        await audit({
          conventionId: id,
          subjectType: 'ConventionParty',
          subjectId: id,
          before,
          after,
        });
        return convention;
      }),
  }),
);

const RecordSignatureInput = builder.inputType('RecordSignatureInput', {
  fields: (t) => ({
    conventionId: t.id({ required: true }),
    version: t.int({ required: true }),
    place: t.string({ description: 'May stay blank, as in the founding text.' }),
    date: t.field({ type: 'Date', required: true }),
    originals: t.int({ required: true, description: '"En six exemplaires": 6.' }),
  }),
});

builder.mutationField('recordSignature', (t) =>
  t.field({
    type: Convention,
    description: 'The convention is signed: its first term starts on this date (A7).',
    args: { input: t.arg({ type: RecordSignatureInput, required: true }) },
    errors: { types: CONVENTION_ERRORS, dataField: { name: 'convention' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'recordSignature', async ({ trx, audit }) => {
        const id = requireDbId(input.conventionId, 'Convention');
        await context.access.requireEdit(id);
        const before = await findConventionForUpdate(trx, id);
        if (!before) throw new NotFoundError();
        const check = new InputCheck();
        const place = check.optionalText(['input', 'place'], input.place, 200);
        check.integer(['input', 'originals'], input.originals, 1, 99);
        const parties = await findParties(trx, id);
        parties.forEach((party, index) => {
          if (!party.signatory_name) {
            check.add(
              ['input', 'conventionId'],
              `Party ${index + 1} has no signatory yet`,
              'MISSING_SIGNATORY',
            );
          }
        });
        if ((await findRenewals(trx, id)).length > 0) {
          check.add(
            ['input', 'date'],
            'A renewed convention keeps its signature',
            'ALREADY_RENEWED',
          );
        }
        check.done();
        const after = await updateVersioned(trx, 'convention', id, input.version, {
          signature_place: place,
          signature_date: input.date,
          signature_originals: input.originals,
          updated_at: new Date(),
        });
        await audit({
          conventionId: id,
          subjectType: 'Convention',
          subjectId: id,
          before: auditable(before),
          after: auditable(after),
        });
        return after;
      }),
  }),
);

const RecordDeliberationInput = builder.inputType('RecordDeliberationInput', {
  fields: (t) => ({
    conventionId: t.id({ required: true }),
    collectivityId: t.id({ required: true, description: 'The party whose body decided.' }),
    kind: t.field({ type: DeliberationKindEnum, required: true }),
    body: t.string({ required: true, description: '"Conseil municipal".' }),
    date: t.field({ type: 'Date', required: true }),
    reference: t.string(),
    subject: t.string({ required: true }),
  }),
});

builder.mutationField('recordDeliberation', (t) =>
  t.field({
    type: Convention,
    description: 'A council decision of a party: authorising the signature, approving a renewal…',
    args: { input: t.arg({ type: RecordDeliberationInput, required: true }) },
    errors: { types: CONVENTION_ERRORS, dataField: { name: 'convention' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'recordDeliberation', async ({ trx, audit }) => {
        const id = requireDbId(input.conventionId, 'Convention');
        await context.access.requireEdit(id);
        const convention = await findConventionForUpdate(trx, id);
        if (!convention) throw new NotFoundError();
        const collectivityId = requireDbId(input.collectivityId, 'Collectivity');
        const check = new InputCheck();
        const body = check.text(['input', 'body'], input.body, 200);
        const subject = check.text(['input', 'subject'], input.subject, 1000);
        const reference = check.optionalText(['input', 'reference'], input.reference, 200);
        if (
          !(await findParties(trx, id)).some((party) => party.collectivity_id === collectivityId)
        ) {
          check.add(['input', 'collectivityId'], 'This collectivity is not a party', 'NOT_A_PARTY');
        }
        check.done();
        const deliberation = await insertDeliberation(trx, {
          convention_id: id,
          collectivity_id: collectivityId,
          kind: input.kind,
          body,
          date: input.date,
          reference,
          subject,
        });
        await audit({
          conventionId: id,
          subjectType: 'Deliberation',
          subjectId: deliberation.id,
          before: null,
          after: deliberation,
        });
        return convention;
      }),
  }),
);

export class RenewalBlockedError extends CoopError {
  override readonly name = 'RenewalBlockedError';
  readonly code = 'RENEWAL_BLOCKED';
  readonly issues: RenewalCheckShape['issues'];
  constructor(issues: RenewalCheckShape['issues']) {
    super(`The convention cannot be renewed: ${issues.map((issue) => issue.message).join('; ')}`);
    this.issues = issues;
  }
}

builder.objectType(RenewalBlockedError, {
  name: 'RenewalBlockedError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    blockers: t.field({ type: [RenewalBlockerRef], resolve: (error) => error.issues }),
  }),
});

const RenewConventionInput = builder.inputType('RenewConventionInput', {
  fields: (t) => ({
    conventionId: t.id({ required: true }),
    version: t.int({ required: true }),
  }),
});

builder.mutationField('renewConvention', (t) =>
  t.field({
    type: Convention,
    description:
      'Opens a new term right after the current one (A7), once every party deliberated and the programme evaluation is approved.',
    args: { input: t.arg({ type: RenewConventionInput, required: true }) },
    errors: {
      types: [...CONVENTION_ERRORS, RenewalBlockedError],
      dataField: { name: 'convention' },
    },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'renewConvention', async ({ trx, audit }) => {
        const id = requireDbId(input.conventionId, 'Convention');
        await context.access.requireEdit(id);
        const convention = await findConventionForUpdate(trx, id);
        if (!convention) throw new NotFoundError();
        if (convention.version !== input.version) throw new ConflictError(convention.version);
        const [renewals, parties, deliberations, evaluations] = await Promise.all([
          findRenewals(trx, id),
          findParties(trx, id),
          findDeliberations(trx, id),
          evaluationsOfConventions(trx, [id]).then((groups) => groups[0] ?? []),
        ]);
        const partyIds = parties.map((party) => party.collectivity_id);
        const decided = renew(
          renewalInput({
            convention,
            renewals,
            partyIds,
            deliberations,
            evaluations,
            date: context.today,
          }),
        );
        if (!decided.ok) {
          throw new RenewalBlockedError(
            describeBlockers(decided.error.blockers, await partyNames(trx, partyIds)),
          );
        }
        const renewal = await insertRenewal(trx, {
          conventionId: id,
          termNumber: decided.value.duration.renewals.length + 1,
          decidedOn: decided.value.renewal.decidedOn,
        });
        const after = await updateVersioned(trx, 'convention', id, input.version, {
          updated_at: new Date(),
        });
        await audit({
          conventionId: id,
          subjectType: 'Renewal',
          subjectId: renewal.id,
          before: null,
          after: renewal,
        });
        return after;
      }),
  }),
);
