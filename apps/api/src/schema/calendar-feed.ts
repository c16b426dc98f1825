import { builder } from '../builder.js';
import { newSecretToken } from '../auth/secret-token.js';
import type { CalendarFeedRow } from '../db/tables/platform.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { calendarFeedPath } from '../http/calendar.js';
import { runMutation } from '../mutation.js';
import {
  findCalendarFeedsOfCollectivity,
  insertCalendarFeed,
  revokeCalendarFeed,
} from '../repositories/calendar-feed.js';
import { Collectivity } from './collectivity.js';
import { requireDbId } from './global-id.js';
import { InputCheck } from './input-check.js';
import { loadByDbIds, NODE_LOADER_OPTIONS } from './node-loading.js';

/** A collectivity's feeds are visible to its own members only; no one else learns they exist. */
export const CalendarFeed = builder.loadableNode('CalendarFeed', {
  description:
    'A secret, revocable, read-only iCalendar address of a collectivity’s deadlines (term ends, renewal windows, evaluations due, missions). Its secret is shown once, at creation; Coop keeps only a hash.',
  id: { resolve: (row: CalendarFeedRow) => row.id },
  loaderOptions: NODE_LOADER_OPTIONS,
  load: (keys: (string | number)[], context) =>
    loadByDbIds(keys, (ids) =>
      context.viewer
        ? findCalendarFeedsOfCollectivity(context.db, context.viewer.collectivityId, ids)
        : Promise.resolve([]),
    ),
  fields: (t) => ({
    name: t.exposeString('name'),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    revokedAt: t.expose('revoked_at', { type: 'DateTime', nullable: true }),
    active: t.boolean({ resolve: (row) => row.revoked_at === null }),
  }),
});

builder.objectField(Collectivity, 'calendarFeeds', (t) =>
  t.field({
    type: [CalendarFeed],
    description: 'The calendar feeds of the viewer’s own collectivity; empty for any other.',
    resolve: (collectivity, _args, context) =>
      context.viewer?.collectivityId === collectivity.id
        ? findCalendarFeedsOfCollectivity(context.db, collectivity.id)
        : [],
  }),
);

const CreateCalendarFeedInput = builder.inputType('CreateCalendarFeedInput', {
  fields: (t) => ({
    name: t.string({
      required: true,
      description: 'Says who subscribes: "Agenda du service des relations internationales".',
    }),
  }),
});

const CreatedCalendarFeed = builder
  .objectRef<{ path: string; calendarFeed: CalendarFeedRow }>('CreatedCalendarFeed')
  .implement({
    fields: (t) => ({
      path: t.exposeString('path', {
        description:
          'The feed’s address on this server, secret included, shown this once: "/calendar/coopc_….ics". Subscribe to it from a calendar application; revoke it if it leaks.',
      }),
      calendarFeed: t.field({ type: CalendarFeed, resolve: (created) => created.calendarFeed }),
    }),
  });

builder.mutationField('createCalendarFeed', (t) =>
  t.field({
    type: CreatedCalendarFeed,
    description: 'An EDITOR or above creates a calendar feed of its own collectivity’s deadlines.',
    args: { input: t.arg({ type: CreateCalendarFeedInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError], dataField: { name: 'created' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'createCalendarFeed', async ({ trx, viewer, audit }) => {
        context.access.requireWrite();
        const check = new InputCheck();
        const name = check.text(['input', 'name'], input.name, 100);
        check.done();
        const { token, hash } = newSecretToken('coopc');
        const row = await insertCalendarFeed(trx, {
          collectivityId: viewer.collectivityId,
          createdBy: viewer.accountId,
          name,
          tokenHash: hash,
        });
        const { token_hash: _secret, ...visible } = row;
        await audit({
          conventionId: null,
          subjectType: 'CalendarFeed',
          subjectId: row.id,
          before: null,
          after: visible,
        });
        return { path: calendarFeedPath(token), calendarFeed: row };
      }),
  }),
);

const RevokeCalendarFeedInput = builder.inputType('RevokeCalendarFeedInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

builder.mutationField('revokeCalendarFeed', (t) =>
  t.field({
    type: CalendarFeed,
    description: 'The feed’s address stops working at once (404); it cannot be restored.',
    args: { input: t.arg({ type: RevokeCalendarFeedInput, required: true }) },
    errors: { types: [NotFoundError, ForbiddenError], dataField: { name: 'calendarFeed' } },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'revokeCalendarFeed', async ({ trx, viewer, audit }) => {
        const id = requireDbId(input.id, 'CalendarFeed');
        const [existing] = await findCalendarFeedsOfCollectivity(trx, viewer.collectivityId, [id]);
        if (!existing) throw new NotFoundError();
        context.access.requireWrite();
        const revoked = await revokeCalendarFeed(trx, id);
        if (!revoked) throw new NotFoundError();
        await audit({
          conventionId: null,
          subjectType: 'CalendarFeed',
          subjectId: id,
          before: { revoked_at: existing.revoked_at },
          after: { revoked_at: revoked.revoked_at },
        });
        return revoked;
      }),
  }),
);
