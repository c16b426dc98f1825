/**
 * @coop/domain — the rules of decentralised cooperation conventions, as pure functions over plain
 * values. No I/O, no database, no framework: any city tool can apply the same rules.
 */
export { ok, err, unwrap, InvariantViolation, type Result } from './result.js';
export { asId } from './ids.js';
export type {
  Id,
  CollectivityId,
  ConventionId,
  AxisId,
  ActionId,
  MissionId,
  IndicatorId,
  OrganizationId,
  EvaluationId,
} from './ids.js';
export {
  parseIsoDate,
  compareDates,
  addDays,
  addMonths,
  anniversary,
  yearOf,
  today,
  isWithin,
  type IsoDate,
  type InvalidDate,
} from './iso-date.js';
export {
  DEFAULT_DURATION_YEARS,
  type Convention,
  type ConventionDuration,
  type ConventionParty,
  type Signatory,
  type Signature,
  type Renewal,
  type Deliberation,
  type DeliberationKind,
  type Axis,
} from './convention.js';
export {
  EXPIRY_NOTICE_MONTHS,
  termEndDate,
  termsOf,
  termAt,
  lastTerm,
  expiryNoticeStart,
  statusAt,
  type Term,
  type ConventionStatus,
} from './term.js';
