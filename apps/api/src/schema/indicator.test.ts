import { describe, expect, it } from 'vitest';
import { ENGINES, useTestApp } from '../../test/engines.js';
import { demoIds } from '../../test/fixtures.js';
import {
  ERROR_FIELDS,
  missingId,
  readOnlyToken,
  sqlCount,
} from '../../test/fixtures-evaluation.js';
import { gql, signIn } from '../../test/graphql-client.js';

const INDICATOR_FIELDS = /* GraphQL */ `
  id
  code
  name
  unit
  baseline
  direction
  aggregation
  computedKind
  axis {
    title
  }
  version
  targets {
    year
    value
  }
  measurements {
    id
    year
    value
    note
    version
    collectivity {
      name
    }
  }
  approval {
    state
    version
    parties {
      collectivity {
        name
      }
      approved
    }
  }
`;

const INDICATORS = /* GraphQL */ `
  query Indicators($id: ID!, $year: Int!) {
    node(id: $id) {
      ... on Convention {
        indicators {
          ${INDICATOR_FIELDS}
          progress(year: $year) {
            year
            target
            actual
            baseline
            ratio
            status
          }
          computedValue(year: $year) {
            kind
            value
            unit
            breakdown {
              key
              count
            }
          }
        }
      }
    }
  }
`;

function mutation(name: string, inputType: string): string {
  const success = `${name.charAt(0).toUpperCase()}${name.slice(1)}Success`;
  return /* GraphQL */ `
    mutation Run($input: ${inputType}!) {
      ${name}(input: $input) {
        __typename
        ... on ${success} {
          indicator {
            ${INDICATOR_FIELDS}
          }
        }
        ${ERROR_FIELDS}
      }
    }
  `;
}

const CREATE = mutation('createIndicator', 'CreateIndicatorInput');
const UPDATE = mutation('updateIndicator', 'UpdateIndicatorInput');
const SET_TARGET = mutation('setIndicatorTarget', 'SetIndicatorTargetInput');
const MEASURE = mutation('recordMeasurement', 'RecordMeasurementInput');
const REMOVE_MEASUREMENT = mutation('removeMeasurement', 'RemoveMeasurementInput');
const APPROVE = /* GraphQL */ `
  mutation Approve($input: ApproveInput!) {
    approve(input: $input) {
      __typename
      ... on ApproveSuccess {
        approved {
          approval {
            state
            version
            parties {
              collectivity {
                name
              }
              approved
            }
          }
          subject {
            id
          }
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

type IndicatorShape = {
  id: string;
  code: string;
  version: number;
  measurements: {
    id: string;
    year: number;
    value: string;
    version: number;
    collectivity: { name: string };
  }[];
  [key: string]: any;
};

for (const engine of ENGINES) {
  describe(`indicators on ${engine}`, () => {
    const t = useTestApp(engine);

    async function indicators(cookie: string, year: number, conventionId?: string) {
      const ids = await demoIds(t.app, cookie);
      const response = await gql(
        t.app,
        INDICATORS,
        { id: conventionId ?? ids.founding!.id, year },
        { cookie },
      );
      if (response.errors) throw new TypeError(JSON.stringify(response.errors));
      return response.data.node.indicators as IndicatorShape[];
    }

    async function create(cookie: string, input: Record<string, unknown>, conventionId?: string) {
      const ids = await demoIds(t.app, cookie);
      return gql(
        t.app,
        CREATE,
        { input: { conventionId: conventionId ?? ids.founding!.id, ...input } },
        { cookie },
      );
    }

    it('shows the agreed indicators and the pending one, with targets, every party’s measurements and progress', async () => {
      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const list = await indicators(chefchaouen, 2019);
      expect(list.map((indicator) => [indicator.code, indicator.approval.state])).toEqual([
        ['ARTISTES', 'AGREED'],
        ['COFINANCEMENTS', 'AGREED'],
        ['COOPERATIVES', 'PENDING'],
        ['JEUNES', 'AGREED'],
        ['MISSIONS', 'AGREED'],
      ]);
      const youth = list.find((indicator) => indicator.code === 'JEUNES')!;
      expect(youth.axis.title).toBe('Education et jeunesse');
      expect(youth.targets).toContainEqual({ year: 2019, value: '8' });
      expect(
        youth.measurements
          .filter((m) => m.year === 2019)
          .map((m) => [m.collectivity.name, m.value]),
      ).toEqual([
        ['Dijon', '5'],
        ['Chefchaouen', '2'],
      ]);
      // Each party counts its own side of the exchange: 5 + 2 against a target of 8.
      expect(youth.progress).toEqual({
        year: 2019,
        target: '8',
        actual: '7',
        baseline: '0',
        ratio: 0.875,
        status: 'ON_TRACK',
      });
      expect(youth.computedValue).toBeNull();
      const missions = list.find((indicator) => indicator.code === 'MISSIONS')!;
      expect(missions.computedKind).toBe('MISSIONS_HELD');
      expect(missions.progress).toMatchObject({ target: '2', actual: '2', status: 'MET' });
      expect(missions.computedValue).toMatchObject({ kind: 'MISSIONS_HELD', value: '2' });
      const pending = list.find((indicator) => indicator.code === 'COOPERATIVES')!;
      expect(pending.approval.parties).toEqual([
        { collectivity: { name: 'Dijon' }, approved: true },
        { collectivity: { name: 'Chefchaouen' }, approved: false },
      ]);
      const in2018 = await indicators(chefchaouen, 2018);
      expect(in2018.find((indicator) => indicator.code === 'JEUNES')!.progress).toMatchObject({
        actual: '6',
        ratio: 0.75,
        status: 'BEHIND',
      });
    });

    it('defines an indicator jointly: PENDING, AGREED once both approved, and any change clears it', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const ids = await demoIds(t.app, dijon);
      const created = await create(dijon, {
        code: ' VISITEURS ',
        name: 'Visiteurs de l’exposition croisée',
        unit: 'visiteurs',
        baseline: '120',
        aggregation: 'LAST',
        axisId: ids.founding!.axes[1]!.id,
        targets: [
          { year: 2018, value: '500' },
          { year: 2019, value: '800.5' },
        ],
      });
      const indicator = created.data.createIndicator.indicator;
      expect(indicator).toMatchObject({
        code: 'VISITEURS',
        baseline: '120',
        direction: 'INCREASE',
        aggregation: 'LAST',
        computedKind: null,
        version: 1,
        targets: [
          { year: 2018, value: '500' },
          { year: 2019, value: '800.5' },
        ],
        approval: { state: 'PENDING', version: 1 },
      });
      const byDijon = await gql(
        t.app,
        APPROVE,
        { input: { subjectId: indicator.id, version: 1 } },
        { cookie: dijon },
      );
      expect(byDijon.data.approve.approved.approval.state).toBe('PENDING');
      const forDijon = await gql(
        t.app,
        APPROVE,
        { input: { subjectId: indicator.id, version: 1, partyId: ids.dijon } },
        { cookie: chefchaouen },
      );
      expect(forDijon.data.approve.__typename).toBe('ForbiddenError');
      const byChefchaouen = await gql(
        t.app,
        APPROVE,
        { input: { subjectId: indicator.id, version: 1 } },
        { cookie: chefchaouen },
      );
      expect(byChefchaouen.data.approve.approved).toMatchObject({
        approval: { state: 'AGREED', version: 1 },
        subject: { id: indicator.id },
      });

      const renamed = await gql(
        t.app,
        UPDATE,
        { input: { id: indicator.id, version: 1, name: 'Visiteurs des expositions' } },
        { cookie: chefchaouen },
      );
      expect(renamed.data.updateIndicator.indicator).toMatchObject({
        name: 'Visiteurs des expositions',
        version: 2,
        approval: {
          state: 'PENDING',
          version: 2,
          parties: [
            { collectivity: { name: 'Dijon' }, approved: false },
            { collectivity: { name: 'Chefchaouen' }, approved: false },
          ],
        },
      });
      const late = await gql(
        t.app,
        APPROVE,
        { input: { subjectId: indicator.id, version: 1 } },
        { cookie: dijon },
      );
      expect(late.data.approve).toMatchObject({ __typename: 'ConflictError', currentVersion: 2 });
      const stale = await gql(
        t.app,
        UPDATE,
        { input: { id: indicator.id, version: 1, unit: 'personnes' } },
        { cookie: dijon },
      );
      expect(stale.data.updateIndicator).toMatchObject({
        __typename: 'ConflictError',
        currentVersion: 2,
      });
      const stored = await t.db
        .selectFrom('indicator')
        .select(['unit', 'version'])
        .where('code', '=', 'VISITEURS')
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ unit: 'visiteurs', version: 2 });

      const target = await gql(
        t.app,
        SET_TARGET,
        { input: { indicatorId: indicator.id, version: 2, year: 2020, value: '900' } },
        { cookie: dijon },
      );
      expect(target.data.setIndicatorTarget.indicator).toMatchObject({
        version: 3,
        targets: [
          { year: 2018, value: '500' },
          { year: 2019, value: '800.5' },
          { year: 2020, value: '900' },
        ],
        approval: { state: 'PENDING', version: 3 },
      });
      const removed = await gql(
        t.app,
        SET_TARGET,
        { input: { indicatorId: indicator.id, version: 3, year: 2018, value: null } },
        { cookie: dijon },
      );
      expect(
        removed.data.setIndicatorTarget.indicator.targets.map((t: { year: number }) => t.year),
      ).toEqual([2019, 2020]);
      const outside = await gql(
        t.app,
        SET_TARGET,
        { input: { indicatorId: indicator.id, version: 4, year: 2040, value: '1' } },
        { cookie: dijon },
      );
      expect(outside.data.setIndicatorTarget.issues).toEqual([
        { path: ['input', 'year'], code: 'YEAR_OUTSIDE_TERM' },
      ]);
      const noTarget = await gql(
        t.app,
        SET_TARGET,
        { input: { indicatorId: indicator.id, version: 4, year: 2017, value: null } },
        { cookie: dijon },
      );
      expect(noTarget.data.setIndicatorTarget.issues).toEqual([
        { path: ['input', 'year'], code: 'NO_TARGET' },
      ]);
    });

    it('names every field wrong in a definition, and writes nothing', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const ids = await demoIds(t.app, dijon);
      const before = await t.db.selectFrom('indicator').select('id').execute();
      const response = await create(dijon, {
        code: 'JEUNES',
        name: '  ',
        unit: 'jeunes',
        baseline: 'beaucoup',
        axisId: ids.mainzConvention!.axes[0]!.id,
        targets: [
          { year: 2015, value: '3' },
          { year: 2017, value: '4' },
          { year: 2017, value: 'quatre' },
          { year: 2018, value: '1.23456' },
        ],
      });
      expect(response.data.createIndicator.__typename).toBe('ValidationError');
      expect(response.data.createIndicator.issues).toEqual([
        { path: ['input', 'name'], code: 'EMPTY_FIELD' },
        { path: ['input', 'baseline'], code: 'INVALID_VALUE' },
        { path: ['input', 'targets', '0', 'year'], code: 'YEAR_OUTSIDE_TERM' },
        { path: ['input', 'targets', '2', 'year'], code: 'DUPLICATE_YEAR' },
        { path: ['input', 'targets', '2', 'value'], code: 'INVALID_VALUE' },
        { path: ['input', 'targets', '3', 'value'], code: 'TOO_MANY_DECIMALS' },
        { path: ['input', 'axisId'], code: 'UNKNOWN_AXIS' },
        { path: ['input', 'code'], code: 'DUPLICATE_CODE' },
      ]);
      expect(await t.db.selectFrom('indicator').select('id').execute()).toEqual(before);
    });

    it('a party measures only in its own name, and replaces its value of a year on its version', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const ids = await demoIds(t.app, chefchaouen);
      const artists = (await indicators(chefchaouen, 2020)).find((i) => i.code === 'ARTISTES')!;
      const forDijon = await gql(
        t.app,
        MEASURE,
        { input: { indicatorId: artists.id, year: 2020, value: '4', partyId: ids.dijon } },
        { cookie: chefchaouen },
      );
      expect(forDijon.data.recordMeasurement).toEqual({
        __typename: 'ForbiddenError',
        code: 'FORBIDDEN',
        message: 'A party measures only in its own name',
      });
      const own = await gql(
        t.app,
        MEASURE,
        { input: { indicatorId: artists.id, year: 2020, value: '2', note: 'Festival Alegria' } },
        { cookie: chefchaouen },
      );
      const measured = own.data.recordMeasurement.indicator as IndicatorShape;
      const mine = measured.measurements.find((m) => m.year === 2020)!;
      expect(mine).toMatchObject({ value: '2', note: 'Festival Alegria', version: 1 });
      expect(mine.collectivity.name).toBe('Chefchaouen');
      const dijonOwn = await gql(
        t.app,
        MEASURE,
        { input: { indicatorId: artists.id, year: 2020, value: '1' } },
        { cookie: dijon },
      );
      expect(
        (dijonOwn.data.recordMeasurement.indicator as IndicatorShape).measurements
          .filter((m) => m.year === 2020)
          .map((m) => [m.collectivity.name, m.value]),
      ).toEqual([
        ['Chefchaouen', '2'],
        ['Dijon', '1'],
      ]);
      const progress2020 = (await indicators(dijon, 2020)).find((i) => i.code === 'ARTISTES')!;
      expect(progress2020.progress).toMatchObject({ target: '4', actual: '3', status: 'BEHIND' });

      const blind = await gql(
        t.app,
        MEASURE,
        { input: { indicatorId: artists.id, year: 2020, value: '3' } },
        { cookie: chefchaouen },
      );
      expect(blind.data.recordMeasurement).toMatchObject({
        __typename: 'ConflictError',
        currentVersion: 1,
      });
      const replaced = await gql(
        t.app,
        MEASURE,
        { input: { indicatorId: artists.id, year: 2020, value: '3', version: 1 } },
        { cookie: chefchaouen },
      );
      const after = (
        replaced.data.recordMeasurement.indicator as IndicatorShape
      ).measurements.filter((m) => m.year === 2020 && m.collectivity.name === 'Chefchaouen');
      expect(after).toMatchObject([{ value: '3', version: 2, note: '' }]);
      const stale = await gql(
        t.app,
        MEASURE,
        { input: { indicatorId: artists.id, year: 2020, value: '9', version: 1 } },
        { cookie: chefchaouen },
      );
      expect(stale.data.recordMeasurement).toMatchObject({
        __typename: 'ConflictError',
        currentVersion: 2,
      });

      const notHers = await gql(
        t.app,
        REMOVE_MEASUREMENT,
        { input: { id: after[0]!.id, version: 2 } },
        { cookie: dijon },
      );
      expect(notHers.data.removeMeasurement.__typename).toBe('ForbiddenError');
      const staleRemoval = await gql(
        t.app,
        REMOVE_MEASUREMENT,
        { input: { id: after[0]!.id, version: 1 } },
        { cookie: chefchaouen },
      );
      expect(staleRemoval.data.removeMeasurement.__typename).toBe('ConflictError');
      const removed = await gql(
        t.app,
        REMOVE_MEASUREMENT,
        { input: { id: after[0]!.id, version: 2 } },
        { cookie: chefchaouen },
      );
      expect(
        (removed.data.removeMeasurement.indicator as IndicatorShape).measurements.filter(
          (m) => m.year === 2020,
        ),
      ).toMatchObject([{ collectivity: { name: 'Dijon' }, value: '1' }]);
      // Measurements are data, not the definition: the agreement stands.
      expect(removed.data.removeMeasurement.indicator.approval.state).toBe('AGREED');
    });

    it('refuses a measurement for a year outside the convention’s terms, or of a computed indicator', async () => {
      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const list = await indicators(chefchaouen, 2019);
      const youth = list.find((i) => i.code === 'JEUNES')!;
      const missions = list.find((i) => i.code === 'MISSIONS')!;
      const early = await gql(
        t.app,
        MEASURE,
        { input: { indicatorId: youth.id, year: 2015, value: '3' } },
        { cookie: chefchaouen },
      );
      expect(early.data.recordMeasurement).toMatchObject({
        __typename: 'ValidationError',
        issues: [{ path: ['input', 'year'], code: 'YEAR_OUTSIDE_TERM' }],
      });
      const late = await gql(
        t.app,
        MEASURE,
        { input: { indicatorId: youth.id, year: 2032, value: '3' } },
        { cookie: chefchaouen },
      );
      expect(late.data.recordMeasurement.issues).toEqual([
        { path: ['input', 'year'], code: 'YEAR_OUTSIDE_TERM' },
      ]);
      const notANumber = await gql(
        t.app,
        MEASURE,
        { input: { indicatorId: youth.id, year: 2021, value: 'dix' } },
        { cookie: chefchaouen },
      );
      expect(notANumber.data.recordMeasurement.issues).toEqual([
        { path: ['input', 'value'], code: 'INVALID_VALUE' },
      ]);
      const computed = await gql(
        t.app,
        MEASURE,
        { input: { indicatorId: missions.id, year: 2019, value: '3' } },
        { cookie: chefchaouen },
      );
      expect(computed.data.recordMeasurement.issues).toEqual([
        { path: ['input', 'indicatorId'], code: 'COMPUTED_INDICATOR' },
      ]);
      const stored = await t.db
        .selectFrom('measurement')
        .select('year')
        .where('year', 'in', [2015, 2032, 2021])
        .execute();
      expect(stored).toEqual([]);
    });

    it('hides the Dijon–Mainz indicators from Chefchaouen exactly as missing ones', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const ids = await demoIds(t.app, dijon);
      const created = await create(
        dijon,
        {
          code: 'CLASSES',
          name: 'Classes échangées',
          unit: 'classes',
          targets: [{ year: 2024, value: '2' }],
        },
        ids.mainzConvention!.id,
      );
      const indicator = created.data.createIndicator.indicator as IndicatorShape;
      const measured = await gql(
        t.app,
        MEASURE,
        { input: { indicatorId: indicator.id, year: 2024, value: '1' } },
        { cookie: dijon },
      );
      const measurement = measured.data.recordMeasurement.indicator.measurements[0];

      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const node = await gql(
        t.app,
        'query($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }',
        { id: indicator.id },
        { cookie: chefchaouen },
      );
      expect(node.data).toEqual({ node: null, nodes: [null] });
      const nested = await gql(
        t.app,
        INDICATORS,
        { id: ids.mainzConvention!.id, year: 2024 },
        { cookie: chefchaouen },
      );
      expect(nested.data.node).toBeNull();

      const attempts: [string, string, Record<string, unknown>, Record<string, unknown>][] = [
        [
          UPDATE,
          'updateIndicator',
          { id: indicator.id, version: 1, name: 'x' },
          { id: missingId('Indicator'), version: 1, name: 'x' },
        ],
        [
          SET_TARGET,
          'setIndicatorTarget',
          { indicatorId: indicator.id, version: 1, year: 2025, value: '1' },
          { indicatorId: missingId('Indicator'), version: 1, year: 2025, value: '1' },
        ],
        [
          MEASURE,
          'recordMeasurement',
          { indicatorId: indicator.id, year: 2024, value: '1' },
          { indicatorId: missingId('Indicator'), year: 2024, value: '1' },
        ],
        [
          REMOVE_MEASUREMENT,
          'removeMeasurement',
          { id: measurement.id, version: 1 },
          { id: missingId('Measurement'), version: 1 },
        ],
        [
          CREATE,
          'createIndicator',
          { conventionId: ids.mainzConvention!.id, code: 'X', name: 'x', unit: 'x' },
          { conventionId: missingId('Convention'), code: 'X', name: 'x', unit: 'x' },
        ],
        [
          APPROVE,
          'approve',
          { subjectId: indicator.id, version: 1 },
          { subjectId: missingId('Indicator'), version: 1 },
        ],
      ];
      for (const [query, field, hidden, missing] of attempts) {
        const hiddenAnswer = await gql(t.app, query, { input: hidden }, { cookie: chefchaouen });
        const missingAnswer = await gql(t.app, query, { input: missing }, { cookie: chefchaouen });
        expect(hiddenAnswer.data[field]).toMatchObject({
          __typename: 'NotFoundError',
          code: 'NOT_FOUND',
        });
        expect(hiddenAnswer.data).toEqual(missingAnswer.data);
      }
      const unchanged = await t.db
        .selectFrom('indicator')
        .select(['name', 'version'])
        .where('code', '=', 'CLASSES')
        .executeTakeFirstOrThrow();
      expect(unchanged).toEqual({ name: 'Classes échangées', version: 1 });
    });

    it('refuses every change through a read-only token', async () => {
      const dijon = await signIn(t.app, 'admin@dijon.demo');
      const token = await readOnlyToken(t.app, dijon);
      const youth = (await indicators(dijon, 2019)).find((i) => i.code === 'JEUNES')!;
      const answers = await Promise.all([
        gql(
          t.app,
          MEASURE,
          { input: { indicatorId: youth.id, year: 2020, value: '1' } },
          { token },
        ),
        gql(
          t.app,
          UPDATE,
          { input: { id: youth.id, version: youth.version, name: 'x' } },
          { token },
        ),
        gql(t.app, APPROVE, { input: { subjectId: youth.id, version: youth.version } }, { token }),
      ]);
      expect(answers.map((answer) => Object.values(answer.data)[0])).toEqual([
        expect.objectContaining({
          __typename: 'ForbiddenError',
          message: 'This API token is read-only',
        }),
        expect.objectContaining({
          __typename: 'ForbiddenError',
          message: 'This API token is read-only',
        }),
        expect.objectContaining({
          __typename: 'ForbiddenError',
          message: 'This API token is read-only',
        }),
      ]);
    });

    it('costs the same number of SQL statements however many indicators (no N+1)', async () => {
      const chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      const ids = await demoIds(t.app, chefchaouen);
      const query = /* GraphQL */ `
        query ($id: ID!) {
          node(id: $id) {
            ... on Convention {
              indicators {
                code
                targets {
                  year
                  value
                }
                measurements {
                  value
                  collectivity {
                    name
                  }
                }
                approval {
                  state
                  parties {
                    approved
                  }
                }
                progress(year: 2019) {
                  target
                  actual
                  status
                }
              }
            }
          }
        }
      `;
      const before = await sqlCount(t.app, query, { id: ids.founding!.id }, chefchaouen);
      const kinds = ['DELEGATES', 'YOUNG_PEOPLE_EXCHANGED', 'BUDGET_EXECUTION_RATE', null, null];
      for (const [index, computedKind] of kinds.entries()) {
        const created = await create(chefchaouen, {
          code: `N${index}`,
          name: `Indicateur ${index}`,
          unit: 'u',
          computedKind,
          targets: [{ year: 2019, value: '3' }],
        });
        const indicator = created.data.createIndicator.indicator;
        if (!computedKind) {
          await gql(
            t.app,
            MEASURE,
            { input: { indicatorId: indicator.id, year: 2019, value: '2' } },
            { cookie: chefchaouen },
          );
        }
        await gql(
          t.app,
          APPROVE,
          { input: { subjectId: indicator.id, version: 1 } },
          { cookie: chefchaouen },
        );
      }
      expect(before).toBeGreaterThan(0);
      expect(await sqlCount(t.app, query, { id: ids.founding!.id }, chefchaouen)).toBe(before);
      const computed = (await indicators(chefchaouen, 2018)).find((i) => i.code === 'N1')!;
      expect(computed.computedValue).toMatchObject({ kind: 'YOUNG_PEOPLE_EXCHANGED', value: '6' });
    });
  });
}
