import { sql } from 'kysely';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINES, useTestApp } from '../../test/engines.js';
import { demoIds } from '../../test/fixtures.js';
import { actionsDemo, addLine, createFoundingAction, mutate } from '../../test/fixtures-actions.js';
import { missingId } from '../../test/fixtures-evaluation.js';
import { gql, signIn } from '../../test/graphql-client.js';
import { createApp, SQL_COUNT_HEADER, type App } from '../yoga.js';

const PAGE = /* GraphQL */ `
  query Page($id: ID!) {
    node(id: $id) {
      ... on Convention {
        title
        version
        parties {
          collectivity {
            name
          }
        }
        actions(first: 5) {
          totalCount
        }
      }
    }
  }
`;

/** The answer and how many SQL statements it took (the sign-in's lookup included). */
async function read(app: App, query: string, variables: Record<string, unknown>, cookie: string) {
  const response = await gql(app, query, variables, { cookie });
  return {
    data: response.data,
    errors: response.errors,
    statements: Number(response.headers.get(SQL_COUNT_HEADER)),
  };
}

for (const engine of ENGINES) {
  describe(`kept answers (${engine})`, () => {
    const t = useTestApp(engine);
    // A second server process on the same database, keeping answers; t.app keeps none.
    let kept: App;
    let dijon: string;
    let chefchaouen: string;
    let ids: Awaited<ReturnType<typeof demoIds>>;
    beforeAll(async () => {
      kept = createApp({ db: t.db, exposeSqlCount: true, answerCache: { maxChars: 1_000_000 } });
      dijon = await signIn(t.app, 'admin@dijon.demo');
      chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      ids = await demoIds(t.app, dijon);
    });

    it('hands a convention page back for the sign-in lookup and one count, the same as computed', async () => {
      const id = ids.founding!.id;
      const computed = await read(t.app, PAGE, { id }, dijon);
      const first = await read(kept, PAGE, { id }, dijon);
      const second = await read(kept, PAGE, { id }, dijon);
      expect(first.errors).toBeUndefined();
      expect(first.data).toEqual(computed.data);
      expect(second.data).toEqual(computed.data);
      // The first reads the counts, then computes; the second only reads the counts.
      expect(first.statements).toBe(computed.statements + 1);
      expect(second.statements).toBe(2);
    });

    it('computes again after a change to the convention, made by another server process', async () => {
      const id = ids.founding!.id;
      const before = await read(kept, PAGE, { id }, dijon);
      await read(kept, PAGE, { id }, dijon);
      const changed = await mutate(
        t.app,
        { cookie: dijon },
        'updateConvention',
        { id, version: before.data.node.version, title: 'Titre changé' },
        'convention { version }',
      );
      const after = await read(kept, PAGE, { id }, dijon);
      expect(after.data.node.title).toBe('Titre changé');
      expect(after.data.node.version).toBe(changed.convention.version);
      expect(after.statements).toBeGreaterThan(2);
      expect((await read(kept, PAGE, { id }, dijon)).statements).toBe(2);
      await mutate(
        t.app,
        { cookie: dijon },
        'updateConvention',
        { id, version: changed.convention.version, title: before.data.node.title },
        'convention { version }',
      );
      expect((await read(kept, PAGE, { id }, dijon)).data.node.title).toBe(before.data.node.title);
    });

    it('computes again after a change to the directory, even one written without the API', async () => {
      const id = ids.founding!.id;
      await read(kept, PAGE, { id }, dijon);
      await sql`update collectivity set name = 'Chefchaouen (ville)' where name = 'Chefchaouen'`.execute(
        t.db,
      );
      try {
        const after = await read(kept, PAGE, { id }, dijon);
        expect(after.data.node.parties.map((p: any) => p.collectivity.name)).toContain(
          'Chefchaouen (ville)',
        );
        expect(after.statements).toBeGreaterThan(2);
      } finally {
        await sql`update collectivity set name = 'Chefchaouen' where name = 'Chefchaouen (ville)'`.execute(
          t.db,
        );
      }
    });

    it('computes an action again after a line of its budget changed', async () => {
      const demo = await actionsDemo(t.app);
      const action = await createFoundingAction(t.app, demo.dijon, demo);
      const BUDGET =
        'query ($id: ID!) { node(id: $id) { ... on Action { budget { totals { expenses { byCurrency { amount currency } } } } } } }';
      const expensesOf = (answer: { data: any }) =>
        answer.data.node.budget.totals.expenses.byCurrency;
      expect(expensesOf(await read(kept, BUDGET, { id: action.id }, dijon))).toEqual([]);
      expect((await read(kept, BUDGET, { id: action.id }, dijon)).statements).toBe(2);
      await addLine(t.app, demo.dijon, action, action.budget.version, ['1200.00', 'EUR']);
      const after = await read(kept, BUDGET, { id: action.id }, dijon);
      expect(expensesOf(after)).toEqual([{ amount: '1200.00', currency: 'EUR' }]);
      expect((await read(kept, BUDGET, { id: action.id }, dijon)).statements).toBe(2);
    });

    it('computes again on the viewer’s next day: statuses and deadlines are computed for today', async () => {
      const id = ids.founding!.id;
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        // 23:59 in Dijon, then 00:01 the next day there.
        vi.setSystemTime(new Date('2026-11-27T22:59:00Z'));
        await read(kept, PAGE, { id }, dijon);
        expect((await read(kept, PAGE, { id }, dijon)).statements).toBe(2);
        vi.setSystemTime(new Date('2026-11-27T23:01:00Z'));
        expect((await read(kept, PAGE, { id }, dijon)).statements).toBeGreaterThan(2);
        expect((await read(kept, PAGE, { id }, dijon)).statements).toBe(2);
      } finally {
        vi.useRealTimers();
      }
    });

    it('never hands one viewer what was computed for another', async () => {
      const id = ids.founding!.id;
      await read(kept, PAGE, { id }, dijon);
      await read(kept, PAGE, { id }, dijon);
      // The other party computes its own answer first…
      expect((await read(kept, PAGE, { id }, chefchaouen)).statements).toBeGreaterThan(2);
      // …and a collectivity that is no party gets no convention at all, kept or not.
      const mainz = await signIn(t.app, 'admin@mainz.demo');
      const outsider = await read(kept, PAGE, { id }, mainz);
      expect(outsider.data).toEqual({ node: null });
      const again = await read(kept, PAGE, { id }, mainz);
      expect(again.data).toEqual({ node: null });
      expect(again.statements).toBeGreaterThan(2);
    });

    it('keeps neither a missing object nor a query that reads beyond one convention', async () => {
      const missing = { id: missingId('Convention') };
      const first = await read(kept, PAGE, missing, dijon);
      const second = await read(kept, PAGE, missing, dijon);
      expect(second.errors?.[0]?.extensions?.code).toBe(first.errors?.[0]?.extensions?.code);
      expect(second.statements).toBe(first.statements);

      const viewer = '{ viewer { displayName } conventions(first: 5) { totalCount } }';
      const list = [await read(kept, viewer, {}, dijon), await read(kept, viewer, {}, dijon)];
      expect(list[1]!.data).toEqual(list[0]!.data);
      expect(list[1]!.statements).toBe(list[0]!.statements);
      expect(list[1]!.statements).toBeGreaterThan(2);

      // A collectivity is directory data, not a convention's object: it is not kept on its own.
      const COLLECTIVITY = 'query ($id: ID!) { node(id: $id) { ... on Collectivity { name } } }';
      const own = [
        await read(kept, COLLECTIVITY, { id: ids.dijon }, dijon),
        await read(kept, COLLECTIVITY, { id: ids.dijon }, dijon),
      ];
      expect(own[1]!.data).toEqual({ node: { name: 'Dijon' } });
      expect(own[1]!.statements).toBe(own[0]!.statements);
    });

    it('answers the masked error, never an unchecked answer, when the counts cannot be read', async () => {
      const id = ids.founding!.id;
      await read(kept, PAGE, { id }, dijon);
      await sql`alter table directory_change_count rename to directory_change_count_away`.execute(
        t.db,
      );
      try {
        const failed = await read(kept, PAGE, { id }, dijon);
        expect(failed.data?.node ?? null).toBeNull();
        expect(failed.errors?.[0]).toMatchObject({ message: 'Unexpected error.' });
        expect(JSON.stringify(failed)).not.toMatch(/directory_change_count|select|relation/i);
      } finally {
        await sql`alter table directory_change_count_away rename to directory_change_count`.execute(
          t.db,
        );
      }
      expect((await read(kept, PAGE, { id }, dijon)).statements).toBe(2);
    });
  });
}
