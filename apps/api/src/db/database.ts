import type { Kysely, Transaction } from 'kysely';
import type { AccountTable, LoginAttemptTable, SessionTable } from './tables/account.js';
import type {
  ActionOrganizationTable,
  ActionTable,
  ContributionTable,
  ExpenseLineTable,
  OrganizationTable,
  ParticipatoryActivityTable,
  SpecificConventionTable,
  StaffAssignmentTable,
} from './tables/action.js';
import type { CollectivityTable } from './tables/collectivity.js';
import type {
  AxisTable,
  ConventionPartyTable,
  ConventionTable,
  DeliberationTable,
  RenewalTable,
} from './tables/convention.js';
import type {
  ApprovalTable,
  EvaluationAxisNarrativeTable,
  EvaluationReportTable,
  EvaluationTable,
  ExchangeRateTable,
  IndicatorTable,
  IndicatorTargetTable,
  MeasurementTable,
} from './tables/evaluation.js';
import type { DelegateTable, MissionCostTable, MissionTable } from './tables/mission.js';
import type {
  ApiTokenTable,
  AuditEntryTable,
  CalendarFeedTable,
  ConventionChangeCountTable,
  DirectoryChangeCountTable,
} from './tables/platform.js';

/** Every table Coop keeps, the same on PostgreSQL and on PGlite. */
export interface Database {
  collectivity: CollectivityTable;
  account: AccountTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  api_token: ApiTokenTable;
  calendar_feed: CalendarFeedTable;
  audit_entry: AuditEntryTable;
  convention: ConventionTable;
  convention_party: ConventionPartyTable;
  deliberation: DeliberationTable;
  renewal: RenewalTable;
  axis: AxisTable;
  organization: OrganizationTable;
  action: ActionTable;
  specific_convention: SpecificConventionTable;
  expense_line: ExpenseLineTable;
  contribution: ContributionTable;
  staff_assignment: StaffAssignmentTable;
  action_organization: ActionOrganizationTable;
  participatory_activity: ParticipatoryActivityTable;
  mission: MissionTable;
  delegate: DelegateTable;
  mission_cost: MissionCostTable;
  indicator: IndicatorTable;
  indicator_target: IndicatorTargetTable;
  measurement: MeasurementTable;
  evaluation: EvaluationTable;
  evaluation_axis_narrative: EvaluationAxisNarrativeTable;
  evaluation_report: EvaluationReportTable;
  approval: ApprovalTable;
  exchange_rate: ExchangeRateTable;
  convention_change_count: ConventionChangeCountTable;
  directory_change_count: DirectoryChangeCountTable;
}

/** What a repository function reads or writes through: the pool, or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;
export type Db = Kysely<Database>;
