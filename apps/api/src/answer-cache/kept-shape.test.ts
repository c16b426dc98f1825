import { getNamedType, isInterfaceType, isLeafType, isObjectType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema/index.js';
import { DIRECTORY_FIELDS, keptShapeOf, keptTypes } from './kept-shape.js';

const kept = keptTypes(schema);
const shapeOf = (query: string) => keptShapeOf(schema, kept, parse(query));

/**
 * Every field between object types that a kept answer may reach, by type. A field added to one of
 * these types fails this test on purpose: keep it here only if what it shows belongs to the same
 * convention (or is directory data: collectivities' names, organizations, exchange rates), since a
 * kept answer is computed again only when that convention or the directory changes. A field that
 * reads beyond it (another convention, the viewer's settings) goes out of reach instead: a
 * directory type's field left out of DIRECTORY_FIELDS, or the type itself out of KEPT_ROOTS' reach.
 */
const REVIEWED_EDGES: Record<string, string> = {
  Action:
    'axis:Axis budget:Budget convention:Convention organizations:ActionOrganization participatoryActivities:ParticipatoryActivity periodFlags:ActionPeriodFlag specificConvention:SpecificConvention',
  ActionConnection: 'edges:ActionEdge pageInfo:PageInfo',
  ActionEdge: 'node:Action',
  ActionExecution: 'axis:Axis executed:EvaluationAmount planned:EvaluationAmount',
  ActionOrganization: 'organization:Organization',
  AuditEntry: 'actorCollectivity:Collectivity',
  AuditEntryConnection: 'edges:AuditEntryEdge pageInfo:PageInfo',
  AuditEntryEdge: 'node:AuditEntry',
  Axis: 'convention:Convention',
  AxisNarrative: 'axis:Axis',
  AxisSection: 'axis:Axis executed:EvaluationAmount planned:EvaluationAmount',
  Budget:
    'action:Action approval:JointApproval balance:ReportedAmount contributions:Contribution lines:ExpenseLine staffAssignments:StaffAssignment totals:BudgetTotals violations:BudgetViolation',
  BudgetTotals:
    'balance:ReportedAmount executedExpenses:ReportedAmount expenses:ReportedAmount funders:FunderTotal missingRates:MissingExchangeRate parties:PartyTotal requestedFunding:ReportedAmount resources:ReportedAmount',
  BudgetViolation:
    'difference:Money funder:Organization funders:Organization missingRate:MissingExchangeRate parties:Collectivity',
  ComputedIndicatorValue: 'breakdown:BreakdownEntry',
  Contribution: 'amount:Money executed:Money funder:Organization party:Collectivity',
  Convention:
    'actions:ActionConnection auditTrail:AuditEntryConnection axes:Axis deliberations:Deliberation evaluations:Evaluation exchangeRates:ExchangeRate indicators:Indicator missions:MissionConnection parties:ConventionParty renewal:RenewalCheck signature:Signature terms:ConventionTerm',
  ConventionParty: 'collectivity:Collectivity deliberation:Deliberation signatory:Signatory',
  Deliberation: 'collectivity:Collectivity',
  EvaluatedIndicator:
    'breakdown:BreakdownEntry indicator:Indicator progress:EvaluatedProgress yearly:IndicatorProgress',
  Evaluation:
    'approval:JointApproval convention:Convention narratives:AxisNarrative report:EvaluationReport',
  EvaluationAmount: 'byCurrency:Money reporting:Money',
  EvaluationReport:
    'actions:ActionExecution axes:AxisSection indicators:EvaluatedIndicator missingRates:EvaluationMissingRate parties:PartyExecution pendingIndicators:PendingIndicator term:EvaluatedTerm totals:EvaluationTotals',
  EvaluationTotals:
    'actionsByStatus:ActionStatusCount delegates:DelegateCount executed:EvaluationAmount planned:EvaluationAmount',
  ExpenseLine: 'amount:Money executed:Money',
  FunderTotal: 'executed:ReportedAmount organization:Organization planned:ReportedAmount',
  Indicator:
    'approval:JointApproval axis:Axis computedValue:ComputedIndicatorValue convention:Convention measurements:Measurement progress:IndicatorProgress targets:IndicatorYearValue',
  JointApproval: 'parties:PartyApproval',
  Measurement: 'collectivity:Collectivity',
  Mission:
    'convention:Convention costSharing:PartyShare costs:MissionCost delegates:Delegate delegatesByCategory:DelegateCount host:Collectivity origin:Collectivity',
  MissionConnection: 'edges:MissionEdge pageInfo:PageInfo',
  MissionCost: 'amount:Money exception:PayerException payer:Collectivity payerByRule:Collectivity',
  MissionEdge: 'node:Mission',
  PartyApproval: 'collectivity:Collectivity',
  PartyExecution: 'collectivity:Collectivity executed:EvaluationAmount planned:EvaluationAmount',
  PartyShare: 'amounts:Money collectivity:Collectivity',
  PartyTotal: 'collectivity:Collectivity executed:ReportedAmount planned:ReportedAmount',
  PendingIndicator: 'indicator:Indicator waitingFor:Collectivity',
  RenewalBlocker: 'collectivity:Collectivity',
  RenewalCheck: 'issues:RenewalBlocker nextTerm:ConventionTerm',
  ReportedAmount: 'byCurrency:Money reporting:Money',
  StaffAssignment: 'collectivity:Collectivity dailyCost:Money executed:Money value:Money',
};

describe('which answers may be kept', () => {
  it('reaches, from a convention’s objects, only the fields reviewed as its own or the directory’s', () => {
    const edges: Record<string, string> = {};
    for (const name of [...kept].sort()) {
      const type = schema.getType(name);
      if (!isObjectType(type) && !isInterfaceType(type)) continue;
      const fields = Object.values(type.getFields())
        .filter((field) => DIRECTORY_FIELDS[name]?.has(field.name) ?? true)
        .filter((field) => !isLeafType(getNamedType(field.type)))
        .map((field) => `${field.name}:${getNamedType(field.type).name}`);
      if (fields.length > 0) edges[name] = fields.join(' ');
    }
    expect(edges).toEqual(REVIEWED_EDGES);
  });

  it('keeps a single object read by its ID, given as a variable or written in the query', () => {
    expect(
      shapeOf('query ($id: ID!) { node(id: $id) { id ... on Convention { title } } }'),
    ).not.toBeNull();
    expect(
      shapeOf('{ page: node(id: "Q29udmVudGlvbjox") { ... on Mission { title } } }'),
    ).not.toBeNull();
    expect(
      shapeOf(`
        query ($id: ID!) { node(id: $id) { ...Page } }
        fragment Page on Convention {
          parties { collectivity { name countryCode } }
          actions(first: 20) { edges { node { budget { approval { state } } } } }
          evaluations { report { totals { planned { reporting { amount currency } } } } }
        }
      `),
    ).not.toBeNull();
  });

  it('computes every time what is not one convention’s: lists, the viewer, a collectivity’s own data, writes', () => {
    const notKept = [
      '{ conventions(first: 5) { totalCount } }',
      '{ viewer { displayName } }',
      'query ($id: ID!) { node(id: $id) { id } viewer { displayName } }',
      'query ($id: ID!) { a: node(id: $id) { id } b: node(id: $id) { id } }',
      'query ($id: ID!) { node(id: $id) { ... on ApiToken { name } } }',
      'query ($id: ID!) { node(id: $id) { ... on Account { email } } }',
      `query ($id: ID!) {
        node(id: $id) { ... on Convention { parties { collectivity { calendarFeeds { name } } } } }
      }`,
      `query ($id: ID!) { node(id: $id) { ...Feeds } }
       fragment Feeds on Convention { parties { collectivity { apdDeclaration(year: 2026) { year } } } }`,
      'query ($id: ID!, $skip: Boolean!) { node(id: $id) @skip(if: $skip) { id } }',
      '{ __schema { queryType { name } } }',
      'mutation ($id: ID!) { node(id: $id) { id } }',
      'query A($id: ID!) { node(id: $id) { id } } query B { viewer { displayName } }',
    ];
    for (const query of notKept) expect(shapeOf(query), query).toBeNull();
  });
});
