/**
 * What the load benchmark measures: the queries a partner and the admin app send most, and one
 * write. Each scenario is a ready autocannon request plus a probe that reports the SQL statements
 * one request costs (the server runs with COOP_SQL_COUNT_HEADER=1).
 */
import type { Request as AutocannonRequest } from 'autocannon';

export interface Scenario {
  readonly name: string;
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** Per-connection request sequences (the write keeps each connection on its own measurement). */
  readonly requests?: AutocannonRequest[];
  /**
   * Sends the request a few times; answers the statements it cost (`5`), or the first's and then
   * the fewest when they differ (`5, then 2`: the server kept the answer), and fails on any error.
   */
  probe(): Promise<string>;
}

const MONEY = 'amount currency';

/** The partner dashboard: the same data the single-SQL floor builds (bench/floor.ts). */
export const DASHBOARD_QUERY = /* GraphQL */ `
  query Dashboard {
    conventions(first: 20) {
      edges {
        node {
          id
          title
          parties { collectivity { id name countryCode } }
          axes { id title }
          actions(first: 20) {
            edges {
              node {
                id
                title
                status
                startDate
                endDate
                budget {
                  totals {
                    expenses { byCurrency { ${MONEY} } }
                    resources { byCurrency { ${MONEY} } }
                  }
                  contributions {
                    kind
                    amount { ${MONEY} }
                    party { name }
                    funder { name }
                    fundingStatus
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;

/** The dashboard as a partner would want it in full: with the balance and the rules broken. */
export const DASHBOARD_WITH_VIOLATIONS_QUERY = DASHBOARD_QUERY.replace(
  'contributions {',
  `balance { reporting { ${MONEY} } }
   violations { code blocking }
   contributions {`,
).replace('query Dashboard', 'query DashboardWithViolations');

/** The smallest question a token can ask: who it is, read from the token's own lookup. */
const VIEWER_QUERY = /* GraphQL */ `
  query Viewer {
    viewer {
      displayName
      canWrite
    }
  }
`;

export const CONVENTION_PAGE_QUERY = /* GraphQL */ `
  query ConventionPage($id: ID!) {
    node(id: $id) {
      ... on Convention {
        id
        title
        object
        preamble
        version
        status
        startDate
        endDate
        durationYears
        reportingCurrency
        signature {
          place
          date
          originals
        }
        parties {
          collectivity {
            id
            name
            countryCode
          }
          signatory {
            name
            office
          }
          deliberation {
            date
            body
          }
        }
        deliberations {
          id
          kind
          body
          date
          reference
          subject
          collectivity {
            name
          }
        }
        terms {
          number
          startDate
          endDate
        }
        renewal {
          eligible
          issues {
            code
            message
            collectivity {
              name
            }
          }
          nextTerm {
            startDate
            endDate
          }
        }
        axes {
          id
          title
          description
          periodStart
          periodEnd
          version
        }
        actions(first: 20) {
          totalCount
          edges {
            node {
              id
              title
              status
              startDate
              endDate
              axis {
                id
              }
              budget {
                approval {
                  state
                }
              }
            }
          }
        }
        missions(first: 5) {
          totalCount
          edges {
            node {
              id
              purpose
              departureDate
              returnDate
              origin {
                name
              }
              host {
                name
              }
            }
          }
        }
      }
    }
  }
`;

/** The admin app's list of conventions, searched and filtered as a user types. */
export const CONVENTION_LIST_QUERY = /* GraphQL */ `
  query ConventionList {
    conventions(first: 20, filter: { search: "coop", status: [IN_FORCE, EXPIRING] }) {
      totalCount
      edges {
        node {
          id
          title
          status
          startDate
          endDate
          parties {
            collectivity {
              name
              countryCode
            }
          }
        }
      }
    }
  }
`;

export const MISSION_QUERY = /* GraphQL */ `
  query MissionCostSplit($id: ID!) {
    node(id: $id) {
      ... on Mission {
        id purpose departureDate returnDate
        origin { id name } host { id name }
        delegates { name category }
        costs { id category label amount { ${MONEY} } payer { name } payerByRule { name } exception { reason } }
        costSharing { collectivity { name } amounts { ${MONEY} } }
      }
    }
  }
`;

export const EVALUATION_QUERY = /* GraphQL */ `
  query AnnualEvaluation($id: ID!) {
    node(id: $id) {
      ... on Evaluation {
        id scope year status
        approval { state parties { collectivity { name } approved } }
        report {
          reportingCurrency
          indicators { code name unit progress { target actual baseline ratio status } }
          actions { title status planned { reporting { ${MONEY} } } executed { reporting { ${MONEY} } } executionRatePercent }
          parties { collectivity { name } planned { reporting { ${MONEY} } } executed { reporting { ${MONEY} } } }
          axes { title narrative planned { reporting { ${MONEY} } } executed { reporting { ${MONEY} } } }
          totals { missionsHeld planned { reporting { ${MONEY} } } executed { reporting { ${MONEY} } } }
        }
      }
    }
  }
`;

export const RECORD_MEASUREMENT = /* GraphQL */ `
  mutation Measure($input: RecordMeasurementInput!) {
    recordMeasurement(input: $input) {
      __typename
      ... on RecordMeasurementSuccess {
        indicator {
          id
          measurements {
            year
            version
            collectivity {
              id
            }
          }
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`;

/** A benchmark that cannot run: its setup is wrong, not a user's input. */
export class BenchmarkError extends Error {
  override name = 'BenchmarkError';
}

interface GraphqlAnswer<Data> {
  readonly data: Data;
  readonly statements: number;
}

/** `work` done `times` times, one after the other. */
async function sequence<T>(times: number, work: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < times; i++) results.push(await work());
  return results;
}

async function post<Data>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphqlAnswer<Data>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: graphqlHeaders(token),
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Data; errors?: unknown };
  if (body.errors !== undefined || body.data === undefined)
    throw new BenchmarkError(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return {
    data: body.data,
    statements: Number(response.headers.get('x-coop-sql-statements') ?? NaN),
  };
}

export function graphqlHeaders(token: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-coop-csrf': '1',
    authorization: `Bearer ${token}`,
  };
}

interface Found {
  conventions: {
    edges: {
      node: {
        id: string;
        missions: { edges: { node: { id: string } }[] };
        evaluations: {
          id: string;
          scope: 'ANNUAL' | 'PROGRAMME';
          year: number | null;
          status: 'DRAFT' | 'SUBMITTED' | 'APPROVED';
        }[];
        indicators: {
          id: string;
          measurements: { year: number; version: number; collectivity: { id: string } }[];
        }[];
      };
    }[];
  };
  viewer: { collectivity: { id: string } };
}

interface MeasurementTarget {
  readonly indicatorId: string;
  readonly year: number;
  version: number;
}

interface Measured {
  recordMeasurement: {
    __typename: string;
    indicator?: { measurements: { year: number; version: number; collectivity: { id: string } }[] };
  };
}

/** What one autocannon connection keeps between its requests. */
interface WriteContext {
  target?: MeasurementTarget;
  value?: number;
}

/** The version of the viewer's measurement of the target's year, after the write. */
function versionOf(
  answer: Measured | undefined,
  target: MeasurementTarget,
  own: string,
): number | undefined {
  return answer?.recordMeasurement.indicator?.measurements.find(
    (m) => m.year === target.year && m.collectivity.id === own,
  )?.version;
}

/**
 * A draft annual evaluation of the current year in one of the conventions, opened through the API
 * (the dataset's evaluations are approved, their reports frozen): its report is computed from the
 * data on every request, as a draft's is while the parties write it. Kept for the next runs.
 */
async function openDraftEvaluation(
  graphqlUrl: string,
  token: string,
  conventionIds: readonly string[],
): Promise<string | undefined> {
  for (const conventionId of conventionIds) {
    const { data } = await post<{
      createEvaluation: { __typename: string; evaluation?: { id: string } };
    }>(
      graphqlUrl,
      token,
      /* GraphQL */ `
        mutation Open($input: CreateEvaluationInput!) {
          createEvaluation(input: $input) {
            __typename
            ... on CreateEvaluationSuccess {
              evaluation {
                id
              }
            }
          }
        }
      `,
      { input: { conventionId, scope: 'ANNUAL', year: new Date().getFullYear() } },
    );
    // A convention whose terms do not reach this year refuses it: try the next one.
    if (data.createEvaluation.evaluation) return data.createEvaluation.evaluation.id;
  }
  return undefined;
}

/** Finds, through the API, the objects the scenarios read and write: a viewer sees only its own. */
export async function loadScenarios(
  serverUrl: string,
  floorUrl: string,
  token: string,
): Promise<Scenario[]> {
  const graphqlUrl = `${serverUrl}/graphql`;
  const { data: found } = await post<Found>(
    graphqlUrl,
    token,
    /* GraphQL */ `
      {
        conventions(first: 20) {
          edges {
            node {
              id
              missions(first: 1) {
                edges {
                  node {
                    id
                  }
                }
              }
              evaluations {
                id
                scope
                year
                status
              }
              indicators {
                id
                measurements {
                  year
                  version
                  collectivity {
                    id
                  }
                }
              }
            }
          }
        }
        viewer {
          collectivity {
            id
          }
        }
      }
    `,
  );
  const conventions = found.conventions.edges.map((edge) => edge.node);
  const own = found.viewer.collectivity.id;
  const convention = conventions[0];
  const mission = conventions.flatMap((c) => c.missions.edges.map((e) => e.node.id))[0];
  const evaluation = conventions
    .flatMap((c) => c.evaluations)
    .find((e) => e.scope === 'ANNUAL' && e.status === 'APPROVED')?.id;
  const draft =
    conventions
      .flatMap((c) => c.evaluations)
      .find((e) => e.scope === 'ANNUAL' && e.status === 'DRAFT')?.id ??
    (await openDraftEvaluation(
      graphqlUrl,
      token,
      conventions.map((c) => c.id),
    ));
  // One measurement of the viewer's own per connection: each connection replaces its own, in turn.
  const owned: MeasurementTarget[] = conventions.flatMap((c) =>
    c.indicators.flatMap((indicator) =>
      indicator.measurements
        .filter((m) => m.collectivity.id === own)
        .map((m) => ({ indicatorId: indicator.id, year: m.year, version: m.version })),
    ),
  );
  const last = owned[owned.length - 1];
  if (!convention || !mission || !evaluation || !draft || !last || owned.length < 50) {
    throw new BenchmarkError(
      'the dataset lacks a convention, a mission, an approved annual evaluation, a year to open a draft in or 50 measurements of the viewer',
    );
  }

  const graphql = (
    name: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Scenario => ({
    name,
    url: graphqlUrl,
    method: 'POST',
    headers: graphqlHeaders(token),
    body: JSON.stringify({ query, variables }),
    probe: async () => {
      // Each server process keeps its own answers, and requests go from one process to the
      // other: the fewest of the three after the first is what an answer costs once kept.
      const [first, ...after] = await sequence(
        4,
        async () => (await post(graphqlUrl, token, query, variables)).statements,
      );
      const again = Math.min(...after);
      return first === again ? String(first) : `${first}, then ${again}`;
    },
  });

  let next = 0;
  const write: Scenario = {
    name: 'record a measurement (write)',
    url: graphqlUrl,
    method: 'POST',
    headers: graphqlHeaders(token),
    requests: [
      {
        setupRequest: (request, context: WriteContext) => {
          const target = (context.target ??= owned[next++ % owned.length] ?? last);
          context.value = (context.value ?? 10) + 1;
          return {
            ...request,
            body: JSON.stringify({
              query: RECORD_MEASUREMENT,
              variables: {
                input: {
                  indicatorId: target.indicatorId,
                  year: target.year,
                  value: String(context.value),
                  version: target.version,
                },
              },
            }),
          };
        },
        onResponse: (_status, body, context: WriteContext) => {
          const answer = JSON.parse(body) as { data?: Measured };
          if (!context.target) return;
          const version = versionOf(answer.data, context.target, own);
          if (version !== undefined) context.target.version = version;
        },
      },
    ],
    probe: async () => {
      const { data, statements } = await post<Measured>(graphqlUrl, token, RECORD_MEASUREMENT, {
        input: {
          indicatorId: last.indicatorId,
          year: last.year,
          value: '7',
          version: last.version,
        },
      });
      const version = versionOf(data, last, own);
      if (version === undefined)
        throw new BenchmarkError(`the write probe failed: ${JSON.stringify(data)}`);
      last.version = version;
      return String(statements);
    },
  };

  return [
    // What every request costs before its own data: HTTP, Yoga, the token's lookup, the answer.
    graphql("smallest request (the token's viewer)", VIEWER_QUERY),
    graphql('dashboard (GraphQL)', DASHBOARD_QUERY),
    {
      name: 'dashboard floor (single SQL)',
      url: `${floorUrl}/dashboard`,
      method: 'GET',
      headers: { authorization: `Bearer ${token}` },
      probe: () => Promise.resolve('1'),
    },
    graphql('dashboard with balance and violations (GraphQL)', DASHBOARD_WITH_VIOLATIONS_QUERY),
    graphql('convention list (search, filters)', CONVENTION_LIST_QUERY),
    graphql('convention page', CONVENTION_PAGE_QUERY, { id: convention.id }),
    graphql('mission cost split', MISSION_QUERY, { id: mission }),
    graphql('annual evaluation', EVALUATION_QUERY, { id: evaluation }),
    graphql('annual evaluation, draft (computed)', EVALUATION_QUERY, { id: draft }),
    write,
  ];
}
