import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, useTestApp } from '../../test/engines.js';
import { download, seedExportData, type ExportFixture } from '../../test/fixtures-exports.js';
import { gql, signIn } from '../../test/graphql-client.js';

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateCalendarFeedInput!) {
    createCalendarFeed(input: $input) {
      __typename
      ... on CreateCalendarFeedSuccess {
        created {
          path
          calendarFeed {
            id
          }
        }
      }
    }
  }
`;
const REVOKE = /* GraphQL */ `
  mutation Revoke($id: ID!) {
    revokeCalendarFeed(input: { id: $id }) {
      __typename
    }
  }
`;

interface FeedEvent {
  uid: string;
  summary: string;
  start: string;
  end: string;
  stamp: string | null;
  categories: string;
}

/** Parses the feed as a calendar application would, with ical.js (RFC 5545). */
function eventsOf(text: string): { calendar: ICAL.Component; events: FeedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => ({
    uid: String(vevent.getFirstPropertyValue('uid')),
    summary: String(vevent.getFirstPropertyValue('summary')),
    start: String(vevent.getFirstPropertyValue('dtstart')),
    end: String(vevent.getFirstPropertyValue('dtend')),
    stamp: vevent.getFirstPropertyValue('dtstamp')?.toString() ?? null,
    categories: String(vevent.getFirstPropertyValue('categories')),
  }));
  return { calendar, events };
}

for (const engine of ENGINES) {
  describe(`the calendar feed on ${engine}`, () => {
    const t = useTestApp(engine);
    let fixture: ExportFixture;
    let dijon: string;
    let chefchaouen: string;

    async function createFeed(cookie: string, name = 'Agenda des relations internationales') {
      const response = await gql(t.app, CREATE, { input: { name } }, { cookie });
      const created = response.data?.createCalendarFeed?.created as
        { path: string; calendarFeed: { id: string } } | undefined;
      if (!created) throw new TypeError(JSON.stringify(response));
      return created;
    }

    beforeAll(async () => {
      fixture = await seedExportData(t.db);
      dijon = await signIn(t.app, 'admin@dijon.demo');
      chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
    });

    it('is valid iCalendar: VERSION, PRODID, and UID, DTSTAMP, DTSTART on every event', async () => {
      const { path } = await createFeed(dijon);
      expect(path).toMatch(/^\/calendar\/coopc_[\w-]{43}\.ics$/);
      const response = await download(t.app, path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="coop-echeances-dijon\.ics"/,
      );
      const text = await response.text();
      // RFC 5545 §3.1: CRLF line breaks, lines folded at 75 octets.
      expect(text.endsWith('\r\n')).toBe(true);
      for (const line of text.split('\r\n')) {
        expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
      }
      const { calendar, events } = eventsOf(text);
      expect(calendar.name).toBe('vcalendar');
      expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
      expect(String(calendar.getFirstPropertyValue('prodid'))).toContain('Coop');
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) {
        expect(event.uid).not.toBe('null');
        expect(event.stamp).not.toBeNull();
        expect(event.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      expect(new Set(events.map((event) => event.uid)).size).toBe(events.length);
    });

    it('shows term ends, renewal windows, evaluations due and missions of the founding convention', async () => {
      const { path } = await createFeed(dijon);
      const { events } = eventsOf(await (await download(t.app, path)).text());
      const uid = (key: string) => events.find((event) => event.uid === `${key}@coop`);
      const founding = fixture.founding;
      expect(uid(`TERM_END:${founding}:1`)).toMatchObject({
        start: '2021-05-31',
        end: '2021-06-01',
        categories: 'Fin de période',
      });
      expect(uid(`RENEWAL_WINDOW:${founding}:1`)?.start).toBe('2020-12-02');
      expect(uid(`PROGRAMME_EVALUATION:${founding}:1`)?.start).toBe('2020-12-01');
      expect(uid(`ANNUAL_EVALUATION:${founding}:2017`)?.start).toBe('2018-03-31');
      const mission = events.find((event) => event.summary.includes('Atelier de lancement'));
      expect(mission).toMatchObject({
        summary: 'Mission Dijon → Chefchaouen : Atelier de lancement avec les coopératives',
        start: '2017-04-10',
        // DTEND is exclusive: the return day, 14 April, is the last day of the trip.
        end: '2017-04-15',
      });
      // Dijon is party to the Dijon–Mainz convention too: its term ends on 2027-01-13.
      expect(uid(`TERM_END:${fixture.mainzConvention}:1`)?.start).toBe('2027-01-13');
    });

    it('marks an evaluation approved by every party as done', async () => {
      await t.db
        .deleteFrom('evaluation')
        .where('convention_id', '=', fixture.mainzConvention)
        .where('scope', '=', 'ANNUAL')
        .where('year', '=', 2022)
        .execute();
      await t.db
        .insertInto('evaluation')
        .values({
          convention_id: fixture.mainzConvention,
          scope: 'ANNUAL',
          year: 2022,
          status: 'APPROVED',
        })
        .execute();
      const { path } = await createFeed(dijon);
      const { events } = eventsOf(await (await download(t.app, path)).text());
      const event = events.find(
        (candidate) => candidate.uid === `ANNUAL_EVALUATION:${fixture.mainzConvention}:2022@coop`,
      );
      expect(event?.summary).toContain('Évaluation annuelle 2022 à approuver (approuvée)');
    });

    it('lists only conventions the collectivity is party to', async () => {
      const { path } = await createFeed(chefchaouen, 'Agenda de la commune');
      const { events } = eventsOf(await (await download(t.app, path)).text());
      expect(events.some((event) => event.uid.includes(`:${fixture.founding}:`))).toBe(true);
      expect(events.some((event) => event.uid.includes(`:${fixture.mainzConvention}:`))).toBe(
        false,
      );
      expect(events.some((event) => event.summary.includes('Mayence'))).toBe(false);
    });

    it('stops at once when revoked: 404, exactly as an unknown address', async () => {
      const { path, calendarFeed } = await createFeed(dijon);
      expect((await download(t.app, path)).status).toBe(200);
      const revoked = await gql(t.app, REVOKE, { id: calendarFeed.id }, { cookie: dijon });
      expect(revoked.data?.revokeCalendarFeed.__typename).toBe('RevokeCalendarFeedSuccess');
      const gone = await download(t.app, path);
      const unknown = await download(t.app, '/calendar/coopc_unknown.ics');
      expect(gone.status).toBe(404);
      expect(unknown.status).toBe(404);
      expect(await gone.text()).toBe(await unknown.text());
    });

    it('needs no session: the secret address is the credential, read with GET only', async () => {
      const { path } = await createFeed(dijon);
      expect((await download(t.app, path, { cookie: chefchaouen })).status).toBe(200);
      const post = await download(t.app, path, { method: 'POST' });
      expect(post.status).toBe(405);
    });
  });
}
