import type { Budget } from './budget.js';
import type { Axis } from './convention.js';
import type { ActionId, AxisId, OrganizationId } from './ids.js';
import { compareDates, parseIsoDate, type IsoDate } from './iso-date.js';
import { err, ok, type Result } from './result.js';

/** Where an action stands. COMPLETED and CANCELLED are final. */
export type ActionStatus = 'PLANNED' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED';

export const ACTION_STATUSES: readonly ActionStatus[] = [
  'PLANNED',
  'IN_PROGRESS',
  'COMPLETED',
  'CANCELLED',
];

/** A4.1: the agreement fixing one action's budget ("fera l'objet d'une convention spécifique"). */
export interface SpecificConvention {
  readonly reference: string;
  /** null while drafted and not yet signed. */
  readonly signedOn: IsoDate | null;
}

/** A3: the role of an organisation associated to an action. */
export type OrganizationRole =
  'IMPLEMENTING' | 'TECHNICAL' | 'FUNDING' | 'ACADEMIC' | 'CIVIL_SOCIETY' | 'OTHER';

export const ORGANIZATION_ROLES: readonly OrganizationRole[] = [
  'IMPLEMENTING',
  'TECHNICAL',
  'FUNDING',
  'ACADEMIC',
  'CIVIL_SOCIETY',
  'OTHER',
];

/** A3: "associer des institutions ou organismes compétents selon le domaine d'intervention". */
export interface ActionOrganization {
  readonly organizationId: OrganizationId;
  readonly role: OrganizationRole;
}

/** A3: "actions d'information, de concertation et de collaboration". */
export type ParticipatoryActivityKind = 'INFORMATION' | 'CONSULTATION' | 'COLLABORATION';

export const PARTICIPATORY_ACTIVITY_KINDS: readonly ParticipatoryActivityKind[] = [
  'INFORMATION',
  'CONSULTATION',
  'COLLABORATION',
];

export interface ParticipatoryActivity {
  readonly kind: ParticipatoryActivityKind;
  readonly date: IsoDate;
  /** Who was involved: "residents of the medina", "cooperative members"… */
  readonly audience: string;
  readonly participants: number;
}

/** A concrete project under exactly one axis (A2), with everything the rules read about it. */
export interface Action {
  readonly id: ActionId;
  readonly axisId: AxisId;
  readonly title: string;
  readonly status: ActionStatus;
  readonly startDate: IsoDate | null;
  readonly endDate: IsoDate | null;
  readonly budget: Budget;
  readonly specificConvention: SpecificConvention | null;
  readonly organizations: readonly ActionOrganization[];
  readonly participatoryActivities: readonly ParticipatoryActivity[];
}

// ---------------------------------------------------------------------------------------------
// Status

export interface ActionStartConditions {
  /** Every party approved the current version of the budget (A4.1, joint approval). */
  readonly budgetAgreed: boolean;
  /** The specific convention fixing the budget is signed (A4.1). */
  readonly specificConventionSigned: boolean;
}

export type ActionStartBlocker =
  'ACTION_STARTED_WITHOUT_AGREED_BUDGET' | 'ACTION_STARTED_WITHOUT_SPECIFIC_CONVENTION';

export type ActionTransitionError =
  | {
      readonly code: ActionStartBlocker;
      /** Every condition still missing, the reported one first. */
      readonly blockers: ActionStartBlocker[];
      readonly message: string;
    }
  | {
      readonly code: 'INVALID_ACTION_TRANSITION';
      readonly from: ActionStatus;
      readonly to: ActionStatus;
      readonly message: string;
    };

const NEXT: Readonly<Record<ActionStatus, readonly ActionStatus[]>> = {
  PLANNED: ['IN_PROGRESS', 'CANCELLED'],
  IN_PROGRESS: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

/**
 * Whether an action may move from one status to another. Forward only; an action cannot start
 * (IN_PROGRESS) until its budget is agreed by every party and its specific convention is signed
 * (A4.1). Completing or cancelling needs nothing more.
 */
export function checkActionTransition(
  from: ActionStatus,
  to: ActionStatus,
  conditions: ActionStartConditions,
): Result<ActionStatus, ActionTransitionError> {
  if (!NEXT[from].includes(to)) {
    return err({
      code: 'INVALID_ACTION_TRANSITION',
      from,
      to,
      message: `an action cannot go from ${from} to ${to}`,
    });
  }
  if (to === 'IN_PROGRESS') {
    const blockers: ActionStartBlocker[] = [];
    if (!conditions.budgetAgreed) blockers.push('ACTION_STARTED_WITHOUT_AGREED_BUDGET');
    if (!conditions.specificConventionSigned) {
      blockers.push('ACTION_STARTED_WITHOUT_SPECIFIC_CONVENTION');
    }
    const [first] = blockers;
    if (first) {
      return err({
        code: first,
        blockers,
        message: `the action cannot start: ${blockers
          .map((blocker) =>
            blocker === 'ACTION_STARTED_WITHOUT_AGREED_BUDGET'
              ? 'its budget is not yet agreed by every party'
              : 'its specific convention is not signed',
          )
          .join(' and ')}`,
      });
    }
  }
  return ok(to);
}

/** Signed on or before `date` (a convention signed tomorrow does not allow starting today). */
export function isSpecificConventionSigned(
  specificConvention: SpecificConvention | null,
  date: IsoDate,
): boolean {
  return (
    specificConvention?.signedOn != null && compareDates(specificConvention.signedOn, date) <= 0
  );
}

// ---------------------------------------------------------------------------------------------
// Period

export type ActionPeriodFlag =
  | {
      /** A2: allowed, but shown, so that the parties see the action overflows its axis. */
      readonly code: 'OUTSIDE_AXIS_PERIOD';
      readonly startsBeforeAxis: boolean;
      readonly endsAfterAxis: boolean;
      readonly axisPeriod: { readonly start: IsoDate; readonly end: IsoDate };
      readonly message: string;
    }
  | { readonly code: 'UNDATED'; readonly message: string };

/** A2: an action dated (partly) outside its axis' period is allowed but flagged. */
export function actionPeriodFlags(
  action: { readonly startDate: IsoDate | null; readonly endDate: IsoDate | null },
  axis: Pick<Axis, 'periodStart' | 'periodEnd'>,
): ActionPeriodFlag[] {
  const start = action.startDate ?? action.endDate;
  const end = action.endDate ?? action.startDate;
  if (!start || !end) return [{ code: 'UNDATED', message: 'the action has no dates yet' }];
  const startsBeforeAxis = compareDates(start, axis.periodStart) < 0;
  const endsAfterAxis = compareDates(end, axis.periodEnd) > 0;
  if (!startsBeforeAxis && !endsAfterAxis) return [];
  return [
    {
      code: 'OUTSIDE_AXIS_PERIOD',
      startsBeforeAxis,
      endsAfterAxis,
      axisPeriod: { start: axis.periodStart, end: axis.periodEnd },
      message: `the action runs outside its axis' period (${axis.periodStart} – ${axis.periodEnd})`,
    },
  ];
}

export interface ActionPeriodError {
  readonly code: 'END_BEFORE_START';
  readonly message: string;
}

/** An action's own dates must be in order; either may be unknown yet. */
export function checkActionPeriod(action: {
  readonly startDate: IsoDate | null;
  readonly endDate: IsoDate | null;
}): Result<true, ActionPeriodError> {
  if (action.startDate && action.endDate && compareDates(action.endDate, action.startDate) < 0) {
    return err({
      code: 'END_BEFORE_START',
      message: `the action ends (${action.endDate}) before it starts (${action.startDate})`,
    });
  }
  return ok(true);
}

/** Whether the action runs on at least one day of the calendar year (undated: no). */
export function actionRunsInYear(
  action: { readonly startDate: IsoDate | null; readonly endDate: IsoDate | null },
  year: number,
): boolean {
  const start = action.startDate ?? action.endDate;
  const end = action.endDate ?? action.startDate;
  if (!start || !end) return false;
  return Number(start.slice(0, 4)) <= year && year <= Number(end.slice(0, 4));
}

// ---------------------------------------------------------------------------------------------
// Participatory activities

export interface ParticipatoryActivityInput {
  readonly kind: string;
  readonly date: string;
  readonly audience: string;
  readonly participants: number;
}

export interface ParticipatoryActivityError {
  readonly code:
    'INVALID_ACTIVITY_KIND' | 'INVALID_DATE' | 'EMPTY_AUDIENCE' | 'INVALID_PARTICIPANTS';
  readonly field: keyof ParticipatoryActivityInput;
  readonly message: string;
}

/** A3: one of the three kinds, a real date, an audience, a whole number of participants. */
export function validateParticipatoryActivity(
  input: ParticipatoryActivityInput,
): Result<ParticipatoryActivity, ParticipatoryActivityError> {
  const kind = PARTICIPATORY_ACTIVITY_KINDS.find((k) => k === input.kind);
  if (!kind) {
    return err({
      code: 'INVALID_ACTIVITY_KIND',
      field: 'kind',
      message: `"${input.kind}" is not one of ${PARTICIPATORY_ACTIVITY_KINDS.join(', ')}`,
    });
  }
  const date = parseIsoDate(input.date);
  if (!date.ok) return err({ code: 'INVALID_DATE', field: 'date', message: date.error.message });
  if (input.audience.trim() === '') {
    return err({ code: 'EMPTY_AUDIENCE', field: 'audience', message: 'say who was involved' });
  }
  if (!Number.isSafeInteger(input.participants) || input.participants < 0) {
    return err({
      code: 'INVALID_PARTICIPANTS',
      field: 'participants',
      message: `${input.participants} is not a number of participants`,
    });
  }
  return ok({
    kind,
    date: date.value,
    audience: input.audience.trim(),
    participants: input.participants,
  });
}
