import {
  addDays,
  asId,
  deadlinesOf,
  type Deadline,
  type DeadlineConvention,
  type IsoDate,
} from '@coop/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Plugin } from 'graphql-yoga';
import ical, { ICalEventTransparency } from 'ical-generator';
import { hashSecretToken } from '../auth/secret-token.js';
import type { Executor } from '../db/database.js';
import type { Databases } from '../db/read-routing.js';
import { durationOf } from '../mapping/convention.js';
import { findLiveCalendarFeed } from '../repositories/calendar-feed.js';
import { findCollectivitiesByIds } from '../repositories/collectivity.js';
import { renewalsOfConventions } from '../repositories/convention.js';
import { evaluationsOfConventions } from '../repositories/evaluation.js';
import { conventionsOfCollectivity, missionsOfConventions } from '../repositories/export.js';
import {
  downloadRoutes,
  slug,
  type DownloadRequest,
  type DownloadResult,
} from './exports/download.js';

/** The path of a feed, as createCalendarFeed hands it out once. */
export function calendarFeedPath(token: string): string {
  return `/calendar/${token}.ics`;
}

/**
 * The deadlines of every convention the collectivity is party to — and of no other — through the
 * domain's rules (deadline.ts): a fixed handful of statements, whatever their number.
 */
export async function deadlinesOfCollectivity(
  db: Executor,
  collectivityId: number,
): Promise<{ deadlines: Deadline[]; conventions: Map<number, string> }> {
  const conventions = await conventionsOfCollectivity(db, collectivityId);
  const ids = conventions.map((convention) => convention.id);
  const [renewals, evaluations, missions] = await Promise.all([
    renewalsOfConventions(db, ids),
    evaluationsOfConventions(db, ids),
    missionsOfConventions(db, ids),
  ]);
  const travellers = [
    ...new Set(
      missions.flatMap((mission) => [mission.origin_collectivity_id, mission.host_collectivity_id]),
    ),
  ];
  const names = new Map(
    (await findCollectivitiesByIds(db, travellers)).map((row) => [
      asId<'Collectivity'>(row.id),
      row.name,
    ]),
  );
  const input = conventions.map((convention, index): DeadlineConvention => ({
    id: asId<'Convention'>(convention.id),
    title: convention.title,
    duration: durationOf(convention, renewals[index] ?? []),
    evaluations: (evaluations[index] ?? []).map((evaluation) => ({
      scope: evaluation.scope,
      year: evaluation.year,
      termNumber: evaluation.term_number,
      status: evaluation.status,
    })),
    missions: missions
      .filter((mission) => mission.convention_id === convention.id)
      .map((mission) => ({
        id: asId<'Mission'>(mission.id),
        origin: asId<'Collectivity'>(mission.origin_collectivity_id),
        host: asId<'Collectivity'>(mission.host_collectivity_id),
        departureDate: mission.departure_date as IsoDate,
        returnDate: mission.return_date as IsoDate,
        purpose: mission.purpose,
      })),
  }));
  return {
    deadlines: deadlinesOf(input, names),
    conventions: new Map(conventions.map((convention) => [convention.id, convention.title])),
  };
}

/** An all-day date as ical-generator takes it: midnight UTC, written as DATE (no time, no zone). */
const dayOf = (date: IsoDate): Date => new Date(`${date}T00:00:00Z`);

const CATEGORY: Record<Deadline['kind'], string> = {
  TERM_END: 'Fin de période',
  RENEWAL_WINDOW: 'Renouvellement',
  ANNUAL_EVALUATION: 'Évaluation annuelle',
  PROGRAMME_EVALUATION: 'Évaluation du programme',
  MISSION: 'Mission',
};

/** The feed as iCalendar (RFC 5545): one all-day event per deadline, UID stable across refreshes. */
export function deadlinesCalendar(options: {
  collectivityName: string;
  deadlines: readonly Deadline[];
  conventionTitles: ReadonlyMap<number, string>;
  origin: string;
}): string {
  const calendar = ical({
    name: `Coop — échéances de ${options.collectivityName}`,
    description:
      'Fins de période, fenêtres de renouvellement, évaluations à remettre et missions des conventions de coopération.',
    prodId: { company: 'Coop', product: 'Echeances', language: 'FR' },
    // Calendar clients refresh a subscribed feed about twice a day.
    ttl: 12 * 3600,
  });
  for (const deadline of options.deadlines) {
    const conventionId = Number(deadline.conventionId);
    calendar.createEvent({
      id: `${deadline.key}@coop`,
      allDay: true,
      start: dayOf(deadline.date),
      // DTEND of an all-day event is exclusive: the day after the last one.
      end: dayOf(addDays(deadline.endDate, 1)),
      summary: deadline.title,
      description: `Convention : ${options.conventionTitles.get(conventionId) ?? ''}`,
      categories: [{ name: CATEGORY[deadline.kind] }],
      transparency:
        deadline.kind === 'MISSION'
          ? ICalEventTransparency.OPAQUE
          : ICalEventTransparency.TRANSPARENT,
      url: `${options.origin}/conventions/${encodeGlobalID('Convention', conventionId)}`,
    });
  }
  // RFC 5545 §3.1 ends every content line with CRLF, the last one included.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/** GET /calendar/{feedToken}.ics: the secret in the path is the only credential; revoked → 404. */
async function calendarFeed(request: DownloadRequest): Promise<DownloadResult> {
  const [token = ''] = request.params;
  const feed = await findLiveCalendarFeed(request.db, hashSecretToken(token));
  if (!feed) return 'NOT_FOUND';
  const { deadlines, conventions } = await deadlinesOfCollectivity(request.db, feed.collectivityId);
  return {
    body: deadlinesCalendar({
      collectivityName: feed.collectivityName,
      deadlines,
      conventionTitles: conventions,
      origin: request.url.origin,
    }),
    contentType: 'text/calendar; charset=utf-8',
    fileName: `coop-echeances-${slug(feed.collectivityName)}.ics`,
  };
}

/** The read-only calendar feed of a collectivity's deadlines (DESIGN.md, "Non-GraphQL endpoints"). */
export function calendarRoute(databases: Databases): Plugin {
  return downloadRoutes(databases, [
    { pattern: /^\/calendar\/([^/]+)\.ics$/, signIn: false, handle: calendarFeed },
  ]);
}
