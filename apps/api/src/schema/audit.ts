import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.js';
import type { AuditEntryRow } from '../db/tables/platform.js';
import { countAuditEntries, listAuditEntries } from '../repositories/audit.js';
import { Collectivity } from './collectivity.js';
import { Convention } from './convention.js';
import { pageOf, readPageArgs, type Page } from './pagination.js';

const AuditEntry = builder.objectRef<AuditEntryRow>('AuditEntry').implement({
  description: 'One change: who, when, what, before and after.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    actor: t.exposeString('actor_label', {
      description: 'The account or the API token that made it.',
    }),
    actorCollectivity: t.field({
      type: Collectivity,
      nullable: true,
      resolve: (row) => row.actor_collectivity_id,
    }),
    operation: t.exposeString('operation', { description: 'The mutation: "recordSignature".' }),
    subjectType: t.exposeString('subject_type'),
    subjectId: t.id({
      nullable: true,
      description: 'The global ID of what changed.',
      resolve: (row) =>
        row.subject_id === null ? null : encodeGlobalID(row.subject_type, row.subject_id),
    }),
    before: t.expose('before', { type: 'JSON', nullable: true }),
    after: t.expose('after', { type: 'JSON', nullable: true }),
  }),
});

const AuditEntryConnection = builder.connectionObject(
  { type: AuditEntry, name: 'AuditEntryConnection' },
  { name: 'AuditEntryEdge' },
);

builder.objectField(AuditEntryConnection, 'totalCount', (t) =>
  t.int({ resolve: (connection) => (connection as unknown as Page<AuditEntryRow>).totalCount() }),
);

builder.objectField(Convention, 'auditTrail', (t) =>
  t.field({
    type: AuditEntryConnection,
    description:
      'Every change to the convention and what is under it, newest first. Its parties read it.',
    args: { first: t.arg.int({ description: 'At most 100.' }), after: t.arg.string() },
    resolve: async (convention, args, context) => {
      const page = readPageArgs(args);
      const rows = await listAuditEntries(context.db, convention.id, {
        beforeId: page.afterId,
        limit: page.limit + 1,
      });
      return pageOf(rows, page, () => countAuditEntries(context.db, convention.id));
    },
  }),
);
