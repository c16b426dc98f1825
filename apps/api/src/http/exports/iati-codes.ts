import type { ActionStatus, ConventionStatus } from '@coop/domain';
import type { OrganizationKind } from '../../db/tables/action.js';
import type { AxisRow } from '../../db/tables/convention.js';

/** The IATI identifiers Coop publishes under, and the codelist values it uses (docs/exports.md). */

// ——— Identifiers ———

/**
 * The identifier scheme: a collectivity's IATI organisation identifier is
 * `<prefix>-<its Coop ID>` (prefix: COOP_IATI_ORG_PREFIX, "XX-COOP" until the platform registers
 * one), and its activities are `<organisation>-COOP-CONV-<convention ID>` and
 * `<organisation>-COOP-ACT-<action ID>`: each starts with the reporting organisation's
 * identifier, as the IATI rules want.
 */
export interface IatiScheme {
  readonly organisationPrefix: string;
}

export const DEFAULT_IATI_ORGANISATION_PREFIX = 'XX-COOP';

export function iatiOrganisationRef(scheme: IatiScheme, collectivityId: number): string {
  return `${scheme.organisationPrefix}-${collectivityId}`;
}

export function iatiConventionIdentifier(
  scheme: IatiScheme,
  reporterId: number,
  conventionId: number,
): string {
  return `${iatiOrganisationRef(scheme, reporterId)}-COOP-CONV-${conventionId}`;
}

export function iatiActionIdentifier(
  scheme: IatiScheme,
  reporterId: number,
  actionId: number,
): string {
  return `${iatiOrganisationRef(scheme, reporterId)}-COOP-ACT-${actionId}`;
}

// ——— Codes (IATI codelists) ———

/**
 * The DAC 5 purpose code of an action without one, and of the convention itself: 43010
 * "Multisector aid" — a framework convention spans several axes (A2).
 */
export const DEFAULT_DAC_SECTOR = '43010';

/** Sector vocabulary 99, "Reporting Organisation": the convention's own axes (A2). */
export const AXIS_SECTOR_VOCABULARY = '99';

export function axisSectorCode(axis: Pick<AxisRow, 'id'>): string {
  return `AXE-${axis.id}`;
}

export const ROLE = { FUNDING: '1', ACCOUNTABLE: '2', EXTENDING: '3', IMPLEMENTING: '4' } as const;
export type RoleCode = (typeof ROLE)[keyof typeof ROLE];

/** OrganisationType: a collectivity is a local government (11). */
export const LOCAL_GOVERNMENT = '11';
export const ORGANISATION_TYPE: Record<OrganizationKind, string> = {
  GOVERNMENT: '10',
  PUBLIC_BODY: '15',
  ASSOCIATION: '22',
  MULTILATERAL: '40',
  COMPANY: '70',
  UNIVERSITY: '80',
  OTHER: '90',
};

/** A3 roles: a FUNDING organisation funds, every other role takes part in the implementation. */
export function roleOfAssociation(role: string): RoleCode {
  return role === 'FUNDING' ? ROLE.FUNDING : ROLE.IMPLEMENTING;
}

/** ActivityStatus: 1 Pipeline, 2 Implementation, 4 Closed, 5 Cancelled. */
export const ACTION_STATUS: Record<ActionStatus, string> = {
  PLANNED: '1',
  IN_PROGRESS: '2',
  COMPLETED: '4',
  CANCELLED: '5',
};
export const CONVENTION_STATUS: Record<ConventionStatus, string> = {
  DRAFT: '1',
  IN_FORCE: '2',
  EXPIRING: '2',
  EXPIRED: '4',
};

export const DATE_TYPE = {
  PLANNED_START: '1',
  ACTUAL_START: '2',
  PLANNED_END: '3',
  ACTUAL_END: '4',
};
export const TRANSACTION = {
  INCOMING_FUNDS: '1',
  OUTGOING_COMMITMENT: '2',
  EXPENDITURE: '4',
  INCOMING_COMMITMENT: '11',
};
export const BUDGET_ORIGINAL = '1';
export const BUDGET_STATUS = { INDICATIVE: '1', COMMITTED: '2' };
/** DocumentCategory A09: memorandum of understanding agreed by all parties — the convention. */
export const CONVENTION_DOCUMENT = 'A09';
/** ResultType 1: output — the indicators of A6 count what the actions produce. */
export const RESULT_OUTPUT = '1';
/** IndicatorMeasure: 1 unit, 2 percentage. */
export const measureOf = (unit: string): string => (unit.trim() === '%' ? '2' : '1');
