import type { App } from '../src/yoga.js';
import { demoIds } from './fixtures.js';
import { gql, signIn } from './graphql-client.js';

export type Auth = { cookie: string } | { token: string };

/** The input type of each mutation whose input is not named after it. */
const INPUT_TYPES: Record<string, string> = {
  dissociateOrganization: 'ActionPartInput',
  removeParticipatoryActivity: 'ActionPartInput',
  removeBudgetLine: 'RemoveBudgetItemInput',
  removeContribution: 'RemoveBudgetItemInput',
  removeStaffAssignment: 'RemoveBudgetItemInput',
};

const ERRORS = /* GraphQL */ `
  __typename
  ... on Error {
    code
    message
  }
  ... on ValidationError {
    issues {
      path
      code
      message
    }
  }
  ... on ConflictError {
    currentVersion
  }
`;

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Runs one mutation with its `input` and answers its result: the success (with `select` under
 * it) or a typed error with its code, message, issues and current version.
 */
export async function mutate(
  app: App,
  auth: Auth,
  name: string,
  input: Record<string, unknown>,
  select = '__typename',
): Promise<any> {
  const inputType = INPUT_TYPES[name] ?? `${capitalize(name)}Input`;
  const query = `mutation($input: ${inputType}!) { ${name}(input: $input) { ${ERRORS} ... on ${capitalize(name)}Success { ${select} } } }`;
  const response = await gql(app, query, { input }, auth);
  if (response.errors) throw new TypeError(JSON.stringify(response.errors));
  return response.data[name];
}

/** The demo's IDs as Dijon finds them: both its conventions, their axes and the collectivities. */
export async function actionsDemo(app: App) {
  const dijon = { cookie: await signIn(app, 'admin@dijon.demo') };
  const chefchaouen = { cookie: await signIn(app, 'admin@chefchaouen.demo') };
  const mainz = { cookie: await signIn(app, 'admin@mainz.demo') };
  const ids = await demoIds(app, dijon.cookie);
  const founding = ids.founding;
  const mainzConvention = ids.mainzConvention;
  if (!founding || !mainzConvention) throw new TypeError('the demo conventions are missing');
  return { dijon, chefchaouen, mainz, ids, founding, mainzConvention };
}

export const BUDGET_FIELDS = /* GraphQL */ `
  id
  version
  lines {
    id
    category
    label
    amount {
      amount
      currency
    }
    executed {
      amount
      currency
    }
    executedOn
    year
    version
  }
  contributions {
    id
    kind
    party {
      name
    }
    funder {
      name
    }
    amount {
      amount
      currency
    }
    description
    fundingStatus
    executed {
      amount
      currency
    }
    version
  }
  staffAssignments {
    id
    collectivity {
      name
    }
    role
    days
    dailyCost {
      amount
      currency
    }
    value {
      amount
      currency
    }
    executedDays
    executed {
      amount
      currency
    }
    version
  }
  totals {
    reportingCurrency
    date
    expenses {
      byCurrency {
        amount
        currency
      }
      reporting {
        amount
        currency
      }
    }
    resources {
      reporting {
        amount
        currency
      }
    }
    balance {
      byCurrency {
        amount
        currency
      }
      reporting {
        amount
        currency
      }
    }
    balanced
    parties {
      collectivity {
        name
      }
      planned {
        reporting {
          amount
        }
      }
      sharePercent
    }
    funders {
      organization {
        name
      }
      statuses
    }
    missingRates {
      from
      to
      date
    }
  }
  violations {
    code
    message
    blocking
    parties {
      name
    }
    funder {
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

/** An action's budget as a client reads it through node(id:). */
export async function readBudget(app: App, auth: Auth, actionId: string): Promise<any> {
  const response = await gql(
    app,
    `query($id: ID!) { node(id: $id) { ... on Action { budget { ${BUDGET_FIELDS} } } } }`,
    { id: actionId },
    auth,
  );
  if (response.errors) throw new TypeError(JSON.stringify(response.errors));
  return response.data.node?.budget ?? null;
}

/** A new action of the founding convention under its first axis, dated within 2017 by default. */
export async function createFoundingAction(
  app: App,
  auth: Auth,
  demo: Awaited<ReturnType<typeof actionsDemo>>,
  input: Record<string, unknown> = {},
): Promise<{ id: string; version: number; budget: { id: string; version: number } }> {
  const created = await mutate(
    app,
    auth,
    'createAction',
    {
      conventionId: demo.founding.id,
      axisId: demo.founding.axes[0]?.id,
      title: 'Atelier de coaching des coopératives',
      startDate: '2017-06-01',
      endDate: '2017-12-31',
      ...input,
    },
    'action { id version budget { id version } }',
  );
  if (created.__typename !== 'CreateActionSuccess') throw new TypeError(JSON.stringify(created));
  return created.action;
}

/** Adds a line, returning the new budget version. */
export async function addLine(
  app: App,
  auth: Auth,
  action: { id: string },
  budgetVersion: number,
  amount: [string, string],
  category = 'TRAINING',
): Promise<number> {
  const added = await mutate(
    app,
    auth,
    'addBudgetLine',
    {
      actionId: action.id,
      budgetVersion,
      category,
      label: `Dépense ${category.toLowerCase()}`,
      amount: { amount: amount[0], currency: amount[1] },
    },
    'budget { version }',
  );
  if (added.__typename !== 'AddBudgetLineSuccess') throw new TypeError(JSON.stringify(added));
  return added.budget.version;
}

/** Adds a party's cash contribution in the viewer's own name, returning the new budget version. */
export async function addCash(
  app: App,
  auth: Auth,
  action: { id: string },
  budgetVersion: number,
  amount: [string, string],
): Promise<number> {
  const added = await mutate(
    app,
    auth,
    'addContribution',
    {
      actionId: action.id,
      budgetVersion,
      kind: 'PARTY_CASH',
      amount: { amount: amount[0], currency: amount[1] },
    },
    'budget { version }',
  );
  if (added.__typename !== 'AddContributionSuccess') throw new TypeError(JSON.stringify(added));
  return added.budget.version;
}

export async function approveBudget(
  app: App,
  auth: Auth,
  budgetId: string,
  version: number,
  partyId?: string,
): Promise<any> {
  return mutate(
    app,
    auth,
    'approve',
    { subjectId: budgetId, version, ...(partyId ? { partyId } : {}) },
    'approved { approval { state version parties { collectivity { name } approved } } subject { id } }',
  );
}

/** A read-only API token of Dijon's. */
export async function readOnlyToken(app: App, auth: Auth): Promise<{ token: string }> {
  const created = await gql(
    app,
    'mutation { createApiToken(input: { name: "lecture seule", access: READ }) { ... on CreateApiTokenSuccess { created { token } } } }',
    {},
    auth,
  );
  return { token: created.data.createApiToken.created.token as string };
}
