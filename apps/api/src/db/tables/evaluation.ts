import type { Generated, Selectable } from 'kysely';

export type IndicatorDirection = 'INCREASE' | 'DECREASE';
export type IndicatorAggregation = 'SUM' | 'LAST' | 'AVERAGE' | 'MAX';
export type EvaluationScope = 'ANNUAL' | 'PROGRAMME';
export type EvaluationStatus = 'DRAFT' | 'SUBMITTED' | 'APPROVED';
export type ApprovalSubjectType = 'BUDGET' | 'INDICATOR' | 'EVALUATION';

/** A yardstick of the evaluation, defined jointly (A6). Values are exact decimal strings. */
export interface IndicatorTable {
  id: Generated<number>;
  convention_id: number;
  code: string;
  name: string;
  unit: string;
  baseline: Generated<string>;
  direction: Generated<IndicatorDirection>;
  aggregation: Generated<IndicatorAggregation>;
  computed_kind: string | null;
  axis_id: number | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface IndicatorTargetTable {
  indicator_id: number;
  year: number;
  value: string;
}

export interface MeasurementTable {
  id: Generated<number>;
  indicator_id: number;
  year: number;
  value: string;
  collectivity_id: number;
  note: Generated<string>;
  recorded_at: Generated<Date>;
  version: Generated<number>;
}

export interface EvaluationTable {
  id: Generated<number>;
  convention_id: number;
  scope: EvaluationScope;
  year: number | null;
  term_number: number | null;
  status: Generated<EvaluationStatus>;
  summary: Generated<string>;
  submitted_at: Date | null;
  approved_at: Date | null;
  communicated_on: string | null;
  communicated_to: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

/**
 * The report of a submitted evaluation, frozen for the version the parties approve
 * (mapping/report-snapshot.ts encodes it).
 */
export interface EvaluationReportTable {
  evaluation_id: number;
  version: number;
  report: unknown;
  frozen_at: Generated<Date>;
}

export interface EvaluationAxisNarrativeTable {
  evaluation_id: number;
  axis_id: number;
  narrative: string;
}

/** One party's approval of one version of a jointly decided subject. */
export interface ApprovalTable {
  id: Generated<number>;
  subject_type: ApprovalSubjectType;
  subject_id: number;
  version: number;
  collectivity_id: number;
  account_id: number | null;
  approved_at: Generated<Date>;
}

export interface ExchangeRateTable {
  id: Generated<number>;
  convention_id: number | null;
  from_currency: string;
  to_currency: string;
  /** numeric: the exact decimal string, "10.8523". */
  rate: string;
  valid_from: string;
  source: Generated<string>;
  created_at: Generated<Date>;
}

export type IndicatorRow = Selectable<IndicatorTable>;
export type IndicatorTargetRow = Selectable<IndicatorTargetTable>;
export type MeasurementRow = Selectable<MeasurementTable>;
export type EvaluationRow = Selectable<EvaluationTable>;
export type EvaluationAxisNarrativeRow = Selectable<EvaluationAxisNarrativeTable>;
export type EvaluationReportRow = Selectable<EvaluationReportTable>;
export type ApprovalRow = Selectable<ApprovalTable>;
export type ExchangeRateRow = Selectable<ExchangeRateTable>;
